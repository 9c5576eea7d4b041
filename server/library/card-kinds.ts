// Switching a card kind off in the settings hides its cards (kept with their history); switching
// it on shows them again and makes the cards it never had, for every term and sentence known.
import type { CardKind, Direction, Settings } from '../http/api-types.ts';
import { cardsStore, type Db } from '../store/index.ts';

const kinds: { key: keyof Settings['cardKinds']; kind: CardKind; direction: Direction }[] = [
  { key: 'termZhEn', kind: 'term', direction: 'zh-en' },
  { key: 'cloze', kind: 'cloze', direction: 'zh-en' },
  { key: 'termEnZh', kind: 'term', direction: 'en-zh' },
  { key: 'sentenceZhEn', kind: 'sentence', direction: 'zh-en' },
  { key: 'sentenceEnZh', kind: 'sentence', direction: 'en-zh' },
];

/** The sentence to blank: aligned with confidence and not too long (as at import). */
export function clozeScore(alignment: number, zhLength: number): number {
  return alignment - Math.abs(zhLength - 40) / 200;
}

/**
 * The stored sentence that shows a term best, for a cloze or an example (outside `exceptSource`,
 * a source about to go); null when none has its rendering.
 */
export function bestSentenceOf(db: Db, termId: number, exceptSource?: number): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const c of cardsStore.clozeCandidates(db, termId)) {
    if (c.sourceId === exceptSource) continue;
    const score = clozeScore(c.score, c.zhLength);
    if (score > bestScore) {
      bestScore = score;
      best = c.segmentId;
    }
  }
  return best;
}

/** Applies `cardKinds` to the cards in the database; returns how many cards were made. Call inside a transaction. */
export function applyCardKinds(db: Db, cardKinds: Settings['cardKinds'], now: Date): number {
  let order = cardsStore.maxNewOrder(db);
  let made = 0;
  for (const { key, kind, direction } of kinds) {
    const on = cardKinds[key];
    cardsStore.setKindHidden(db, kind, direction, !on);
    if (!on) continue;
    if (kind === 'sentence') {
      for (const s of cardsStore.segmentsWithoutCard(db, direction)) {
        const card = { kind, subjectId: s.segmentId, direction, segmentId: s.segmentId, sourceId: s.sourceId };
        if (cardsStore.insertCard(db, { ...card, newOrder: ++order, now })) made++;
      }
      continue;
    }
    for (const t of cardsStore.termsWithoutCard(db, kind, direction)) {
      if (t.sourceId === null) continue;
      let segmentId: number | null = null;
      if (kind === 'cloze') {
        segmentId = bestSentenceOf(db, t.termId);
        if (segmentId === null) continue;
      }
      if (cardsStore.insertCard(db, { kind, subjectId: t.termId, direction, segmentId, sourceId: t.sourceId, newOrder: ++order, now }))
        made++;
    }
  }
  return made;
}
