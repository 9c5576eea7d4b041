// Import: an Extraction becomes sources, segments, terms, occurrences and cards in ONE
// transaction, so a failure leaves nothing behind. Merge rules for terms already known:
// an extracted term gains the new renderings as variants; a term the user edited keeps exactly
// what the user wrote; an ignored term stays ignored (its occurrences are kept for the
// concordance, but it gets no cards).
import { pinyinOf } from '../extract/lexicon.ts';
import { shownScore, type Extraction, type ExtractedTerm } from '../extract/types.ts';
import type { CardKind, Direction, ImportResponse, Settings } from '../http/api-types.ts';
import { getSettings } from '../settings/index.ts';
import { cardsStore, inTransaction, segmentsStore, sourcesStore, termsStore, type Db } from '../store/index.ts';
import { clozeScore } from './card-kinds.ts';
import { addMissingClozes, recognizeTerms } from './recognize.ts';

export interface ImportExtractionInput {
  title: string;
  format: string;
  contentHash: string;
  extraction: Extraction;
  /** zh forms the user unticked in the preview: not stored as terms. */
  excludeTerms?: string[];
  /** zh forms the user knows (ticked "I know it" in the preview): stored, marked known, not drilled. */
  knownTerms?: string[];
  /** Extracted terms scored below it are not stored (a large import's long tail); 0 keeps all. */
  minScore?: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /**
   * 'user' for a termbase (TBX): its renderings are the user's word, so a new term is the user's
   * and an extracted one takes the termbase's preferred rendering (keeping its own as variants).
   */
  termOrigin?: 'extracted' | 'user';
}

function sameRendering(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Renderings of `incoming` not yet among `known` (nor repeated), in their order; case aside. */
export function newRenderings(known: string[], incoming: string[]): string[] {
  const out: string[] = [];
  for (const r of incoming) {
    if (!r.trim()) continue;
    if (known.some((k) => sameRendering(k, r)) || out.some((k) => sameRendering(k, r))) continue;
    out.push(r);
  }
  return out;
}

interface PlannedCard {
  kind: CardKind;
  subjectId: number;
  direction: Direction;
  segmentId: number | null;
}

/** The cards a term gets under the current settings; the cloze blanks its best sentence. */
export function termCards(termId: number, clozeSegment: number | null, kinds: Settings['cardKinds']): PlannedCard[][] {
  const passes: PlannedCard[][] = [[], [], []];
  if (kinds.termZhEn) passes[0].push({ kind: 'term', subjectId: termId, direction: 'zh-en', segmentId: null });
  if (kinds.cloze && clozeSegment !== null)
    passes[1].push({ kind: 'cloze', subjectId: termId, direction: 'zh-en', segmentId: clozeSegment });
  if (kinds.termEnZh) passes[2].push({ kind: 'term', subjectId: termId, direction: 'en-zh', segmentId: null });
  return passes;
}

function sentenceCards(segmentId: number, kinds: Settings['cardKinds']): PlannedCard[][] {
  const passes: PlannedCard[][] = [[], [], []];
  if (kinds.sentenceZhEn) passes[0].push({ kind: 'sentence', subjectId: segmentId, direction: 'zh-en', segmentId });
  if (kinds.sentenceEnZh) passes[2].push({ kind: 'sentence', subjectId: segmentId, direction: 'en-zh', segmentId });
  return passes;
}

/**
 * Interleaves term and sentence subjects in proportion, so a day's new cards mix both kinds;
 * a subject's first card comes before any subject's second, so siblings spread over days.
 */
function newCardOrder(termPlans: PlannedCard[][][], sentencePlans: PlannedCard[][][]): PlannedCard[] {
  const subjects: PlannedCard[][][] = [];
  const total = termPlans.length + sentencePlans.length;
  let t = 0;
  let s = 0;
  for (let i = 0; i < total; i++) {
    // Pick the list that is further behind its proportional share.
    const takeTerm = s >= sentencePlans.length || (t < termPlans.length && t * sentencePlans.length <= s * termPlans.length);
    subjects.push(takeTerm ? termPlans[t++] : sentencePlans[s++]);
  }
  const order: PlannedCard[] = [];
  for (let pass = 0; pass < 3; pass++) for (const subject of subjects) order.push(...subject[pass]);
  return order;
}

/** The sentence to blank for a cloze: aligned with confidence, with an English span, not too long. */
function bestClozeOccurrence(term: ExtractedTerm, extraction: Extraction): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  for (const occ of term.occurrences) {
    if (occ.enStart === null || occ.enEnd === null || occ.enEnd <= occ.enStart) continue;
    const sentence = extraction.sentences[occ.sentence];
    if (!sentence) continue;
    const score = clozeScore(sentence.score, sentence.zh.length);
    if (score > bestScore) {
      bestScore = score;
      best = occ.sentence;
    }
  }
  return best;
}

/**
 * Occurrences that fit their sentence. One that does not is an extractor fault, not the user's:
 * it is left out (the term is still imported) rather than failing the whole import.
 */
function fittingOccurrences(term: ExtractedTerm, extraction: Extraction): ExtractedTerm['occurrences'] {
  return term.occurrences.filter((occ) => {
    const sentence = extraction.sentences[occ.sentence];
    if (!sentence) return false;
    if (!(occ.zhStart >= 0 && occ.zhEnd <= sentence.zh.length && occ.zhStart < occ.zhEnd)) return false;
    if (occ.enStart === null || occ.enEnd === null) return true;
    return occ.enStart >= 0 && occ.enEnd <= sentence.en.length && occ.enStart <= occ.enEnd;
  });
}

export function importExtraction(db: Db, input: ImportExtractionInput): ImportResponse {
  const { now } = input;
  const extraction: Extraction = {
    sentences: input.extraction.sentences,
    terms: input.extraction.terms.map((t) => ({ ...t, occurrences: fittingOccurrences(t, input.extraction) })),
  };
  return inTransaction(db, () => {
    const existing = sourcesStore.findSourceByHash(db, input.contentHash);
    if (existing !== null) {
      const source = sourcesStore.sourceSummary(db, existing)!;
      return {
        source,
        counts: { sentences: source.sentences, terms: source.terms, newTerms: 0, cards: 0 },
        duplicate: true,
      };
    }
    const settings = getSettings(db);
    const sourceId = sourcesStore.insertSource(db, {
      title: input.title,
      format: input.format,
      importedAt: now,
      contentHash: input.contentHash,
    });
    const total = extraction.sentences.length + extraction.terms.length;
    let done = 0;
    const progress = () => input.onProgress?.(++done, total);

    const segmentIds: number[] = [];
    const sentencePlans: PlannedCard[][][] = [];
    for (const s of extraction.sentences) {
      const id = segmentsStore.insertSegment(db, {
        sourceId,
        paragraph: s.paragraph,
        ordinal: s.sentence,
        zh: s.zh,
        en: s.en,
        pinyin: s.zh ? pinyinOf(s.zh) : '',
        score: s.score,
      });
      segmentIds.push(id);
      // A 1-0 or 0-1 bead has nothing to translate.
      if (s.zh.trim() && s.en.trim()) sentencePlans.push(sentenceCards(id, settings.cardKinds));
      progress();
    }

    const excluded = new Set(input.excludeTerms ?? []);
    const userKnows = new Set(input.knownTerms ?? []);
    const minScore = input.minScore ?? 0;
    const knownIds: number[] = [];
    const termPlans: PlannedCard[][][] = [];
    const termIds = new Set<number>();
    // Every term this extraction named (its occurrences are the extractor's), and those it added.
    const extractedIds = new Set<number>();
    const createdIds: number[] = [];
    let newTerms = 0;
    for (const term of extraction.terms) {
      progress();
      if (excluded.has(term.zh) || !term.zh.trim() || shownScore(term.score) < minScore) continue;
      let record = termsStore.findTermByZh(db, term.zh);
      if (!record) {
        // A term with no English rendering cannot be drilled yet; the user may add one later.
        if (!term.en.trim()) continue;
        const id = termsStore.insertTerm(db, {
          zh: term.zh,
          en: term.en,
          variants: newRenderings([term.en], term.variants),
          pinyin: term.pinyin,
          score: term.score,
          now,
          origin: input.termOrigin ?? 'extracted',
          note: term.note,
        });
        record = termsStore.getTermRecord(db, id)!;
        newTerms++;
        createdIds.push(id);
      } else if (record.origin === 'extracted' && record.status === 'active' && input.termOrigin === 'user') {
        const variants = newRenderings([term.en], [...term.variants, record.en, ...record.variants]);
        termsStore.updateTerm(db, record.id, { ...record, en: term.en, variants, origin: 'user', note: record.note || (term.note ?? ''), now });
      } else if (record.origin === 'extracted' && record.status === 'active') {
        const gained = newRenderings([record.en, ...record.variants], [term.en, ...term.variants]);
        if (gained.length) {
          termsStore.updateTerm(db, record.id, { ...record, variants: [...record.variants, ...gained], now });
        }
      }
      // Counted like the source summary: active terms only.
      extractedIds.add(record.id);
      if (userKnows.has(term.zh)) knownIds.push(record.id);
      if (record.status === 'active') termIds.add(record.id);
      for (const occ of term.occurrences) {
        termsStore.insertOccurrence(db, {
          termId: record.id,
          segmentId: segmentIds[occ.sentence],
          zhStart: occ.zhStart,
          zhEnd: occ.zhEnd,
          enStart: occ.enStart,
          enEnd: occ.enEnd,
        });
      }
      if (record.status === 'ignored') continue;
      const cloze = bestClozeOccurrence(term, extraction);
      termPlans.push(termCards(record.id, cloze === null ? null : segmentIds[cloze], settings.cardKinds));
    }

    // Before its cards are made: they are made hidden, as a known term's are.
    termsStore.setKnown(db, knownIds, true);
    let order = cardsStore.maxNewOrder(db);
    let cards = 0;
    for (const c of newCardOrder(termPlans, sentencePlans)) {
      // Unique (kind, subject, direction): a known term keeps its cards and their history.
      if (cardsStore.insertCard(db, { ...c, sourceId, newOrder: ++order, now })) cards++;
    }

    // Known terms found wherever they occur, as a CAT tool finds its termbase's and Lute marks the
    // words one knows: a termbase's terms in the texts already imported; for a text, every known
    // term its extraction did not name found in it (where the extractor named a term, its
    // choice of occurrences stands), and the terms it added found in the texts before it.
    let recognized: Set<number>;
    if (input.termOrigin === 'user') {
      recognized = recognizeTerms(db, [...termIds].map((id) => termsStore.getTermRecord(db, id)!), segmentsStore.allSegments(db));
    } else {
      const known = termsStore.activeTerms(db).filter((t) => !extractedIds.has(t.id));
      const inThisText = segmentIds.map((id, i) => ({ id, zh: extraction.sentences[i]!.zh, en: extraction.sentences[i]!.en }));
      recognized = recognizeTerms(db, known, inThisText);
      for (const id of recognized) termIds.add(id);
      const created = createdIds.map((id) => termsStore.getTermRecord(db, id)!);
      for (const id of recognizeTerms(db, created, segmentsStore.segmentsOutside(db, sourceId))) recognized.add(id);
    }
    cards += addMissingClozes(db, recognized, settings.cardKinds, now);

    const source = sourcesStore.sourceSummary(db, sourceId)!;
    return {
      source,
      counts: { sentences: segmentIds.length, terms: termIds.size, newTerms, cards },
      duplicate: false,
    };
  });
}

export function listSources(db: Db, _now: Date) {
  return sourcesStore.sourceSummaries(db);
}
