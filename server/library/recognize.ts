// Known terms found in text, as a CAT tool finds its termbase's terms in a document: every known
// term in a newly imported text, a text's or a termbase's new terms in the texts already
// imported, a term added by hand in every text. Each place becomes an occurrence (with the English span of one of
// its renderings when the sentence's English has it), which gives the term its concordance, its
// marks in the source reader and a sentence for its cloze.
import { renderingSpan } from '../extract/index.ts';
import type { Settings } from '../http/api-types.ts';
import { cardsStore, termsStore, type Db } from '../store/index.ts';
import { bestSentenceOf } from './card-kinds.ts';

export interface KnownTerm {
  id: number;
  zh: string;
  en: string;
  variants: string[];
}

/**
 * Records every place a term's Chinese occurs in the segments, nested ones included (正能量 inside
 * 正能量传播者). An occurrence already stored (by the extractor) is kept as it is. Returns the
 * ids of the terms found. Call inside a transaction.
 */
export function recognizeTerms(db: Db, terms: KnownTerm[], segments: { id: number; zh: string; en: string }[]): Set<number> {
  const found = new Set<number>();
  // Terms by their first character: each position of a sentence is compared with the few that
  // start with its character, not with every term.
  const byFirst = new Map<string, KnownTerm[]>();
  for (const t of terms) {
    if (!t.zh) continue;
    const list = byFirst.get(t.zh[0]!);
    if (list) list.push(t);
    else byFirst.set(t.zh[0]!, [t]);
  }
  if (!byFirst.size) return found;
  for (const segment of segments) {
    const spans = new Map<number, { start: number; end: number } | null>();
    for (let at = 0; at < segment.zh.length; at++) {
      const starting = byFirst.get(segment.zh[at]!);
      if (!starting) continue;
      for (const t of starting) {
        if (!segment.zh.startsWith(t.zh, at)) continue;
        let span = spans.get(t.id);
        if (span === undefined) spans.set(t.id, (span = renderingSpan(segment.en, [t.en, ...t.variants])));
        termsStore.insertOccurrence(db, { termId: t.id, segmentId: segment.id, zhStart: at, zhEnd: at + t.zh.length, enStart: span?.start ?? null, enEnd: span?.end ?? null });
        found.add(t.id);
      }
    }
  }
  return found;
}

/**
 * Gives each term that has none a cloze on its best sentence, when clozes are made and a sentence
 * holds its rendering; queued after the new cards waiting. Returns how many were made.
 */
export function addMissingClozes(db: Db, termIds: Iterable<number>, kinds: Settings['cardKinds'], now: Date): number {
  if (!kinds.cloze) return 0;
  let order = cardsStore.maxNewOrder(db);
  let made = 0;
  for (const id of termIds) {
    if (termsStore.hasCard(db, id, 'cloze')) continue;
    const segmentId = bestSentenceOf(db, id);
    if (segmentId === null) continue;
    if (cardsStore.insertCard(db, { kind: 'cloze', subjectId: id, direction: 'zh-en', segmentId, sourceId: null, newOrder: ++order, now })) made++;
  }
  return made;
}

/**
 * After the user changed a term's renderings: each occurrence's English span moves to where the
 * sentence has one of them (an edit usually corrects a wrong extraction, and a cloze blanks this
 * span); where none is found, the span found at import stays. Returns how many spans moved.
 */
export function realignTerm(db: Db, termId: number, renderings: string[]): number {
  let moved = 0;
  for (const o of termsStore.termOccurrences(db, termId)) {
    const span = renderingSpan(o.en, renderings);
    if (!span || (span.start === o.enStart && span.end === o.enEnd)) continue;
    termsStore.setEnglishSpan(db, { termId, segmentId: o.segmentId, zhStart: o.zhStart }, span);
    moved++;
  }
  return moved;
}
