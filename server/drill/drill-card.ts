// A card row as the drill shows it: prompt, accepted answers, context, known terms, and the
// interval each rating would give.
import type { DrillCard, Settings, TermRef } from '../http/api-types.ts';
import { bestSentenceOf } from '../library/index.ts';
import { previewIntervals } from '../scheduling/index.ts';
import { cardsStore, segmentsStore, termsStore, type Db } from '../store/index.ts';
import type { CardRecord } from '../store/cards.ts';
import type { TermRecord } from '../store/terms.ts';

export const blank = '____';

function termRef(t: TermRecord): TermRef {
  return { id: t.id, zh: t.zh, en: t.en, variants: t.variants };
}

function uniqueRenderings(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of list) {
    const key = r.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(r.trim());
  }
  return out;
}

export function buildDrillCard(db: Db, card: CardRecord, now: Date, settings: Settings): DrillCard | null {
  const sourceTitle = card.sourceId === null ? null : segmentsStore.sourceTitle(db, card.sourceId);
  const base = {
    id: card.id,
    kind: card.kind,
    direction: card.direction,
    state: card.sched.state,
    intervals: previewIntervals(card.sched, now, settings),
    // The pair a sentence or cloze card shows, for a link to it in its text (to fix it there).
    source: card.sourceId !== null && sourceTitle !== null ? { id: card.sourceId, title: sourceTitle, pairId: card.kind === 'term' ? null : card.segmentId } : null,
    lapses: card.sched.lapses,
    reps: card.sched.reps,
  };

  if (card.kind === 'sentence') {
    const seg = segmentsStore.getSegment(db, card.subjectId);
    if (!seg) return null;
    const zhFirst = card.direction === 'zh-en';
    return {
      ...base,
      prompt: zhFirst ? seg.zh : seg.en,
      promptLang: zhFirst ? 'zh' : 'en',
      answerLang: zhFirst ? 'en' : 'zh',
      reference: zhFirst ? seg.en : seg.zh,
      accepted: [zhFirst ? seg.en : seg.zh],
      pinyin: seg.pinyin,
      context: { zh: seg.zh, en: seg.en },
      term: null,
      terms: termsStore.termsInSegment(db, seg.id).map(termRef),
    };
  }

  const term = termsStore.getTermRecord(db, card.subjectId);
  if (!term) return null;
  const renderings = uniqueRenderings([term.en, ...term.variants]);

  if (card.kind === 'cloze') {
    const seg = card.segmentId === null ? null : segmentsStore.getSegment(db, card.segmentId);
    const span = seg ? termsStore.englishSpanIn(db, term.id, seg.id) : null;
    if (seg && span) {
      const inSentence = seg.en.slice(span.enStart, span.enEnd);
      return {
        ...base,
        prompt: seg.en.slice(0, span.enStart) + blank + seg.en.slice(span.enEnd),
        promptLang: 'en',
        answerLang: 'en',
        // The words that fit the blank come first; every accepted rendering still counts.
        reference: inSentence,
        accepted: uniqueRenderings([inSentence, ...renderings]),
        pinyin: term.pinyin,
        context: { zh: seg.zh, en: seg.en },
        term: termRef(term),
        terms: termsStore.termsInSegment(db, seg.id).map(termRef),
      };
    }
    // The sentence is gone (its source deleted): drill the term plainly rather than fail.
  }

  const zhFirst = card.direction === 'zh-en';
  const exampleId = bestSentenceOf(db, term.id);
  const example = exampleId === null ? null : segmentsStore.getSegment(db, exampleId);
  return {
    ...base,
    example: example && { zh: example.zh, en: example.en },
    prompt: zhFirst ? term.zh : term.en,
    promptLang: zhFirst ? 'zh' : 'en',
    answerLang: zhFirst ? 'en' : 'zh',
    reference: zhFirst ? term.en : term.zh,
    accepted: zhFirst ? renderings : [term.zh],
    pinyin: term.pinyin,
    context: null,
    term: termRef(term),
    terms: [],
  };
}

export function drillCardById(db: Db, id: number, now: Date, settings: Settings): DrillCard | null {
  const card = cardsStore.getCard(db, id);
  return card ? buildDrillCard(db, card, now, settings) : null;
}
