// A source after its import: read side by side with its terms marked, or deleted with what it
// alone brought. Deleting keeps the review history (reviews outlive their cards, migration 0004).
import type { DeleteSourceResponse, EditPairRequest, EditPairResponse, ChangedTermsResponse, MergePairsResponse, PairSearchResponse, SourceDetailResponse, SourceRemoval, SplitPairResponse, SplitPointsResponse } from '../http/api-types.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { pinyinOf } from '../extract/lexicon.ts';
import { splitEn, splitZh } from '../extract/sentences/index.ts';
import { WEAK_ALIGNMENT } from '../extract/types.ts';
import { getSettings } from '../settings/index.ts';
import { cardsStore, inTransaction, segmentsStore, sourcesStore, termsStore, type Db } from '../store/index.ts';
import { bestSentenceOf } from './card-kinds.ts';
import { recognizeTerms } from './recognize.ts';

const MAX_PAGE = 500;

/** A page of a source; `at` (a sentence pair's id) asks for the page that holds that pair. */
export function sourceDetail(db: Db, id: number, options: { limit?: number; offset?: number; at?: number } = {}): SourceDetailResponse {
  const limit = options.limit ?? 100;
  let offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new InvalidInputError(`limit must be from 1 to ${MAX_PAGE}`);
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInputError('offset must be 0 or more');
  // One read transaction: the page, its marks and the counts agree with each other.
  return db.transaction(() => {
    const source = sourcesStore.sourceSummary(db, id);
    if (!source) throw new NotFoundError(`no source ${id}`);
    if (options.at !== undefined) {
      const rank = segmentsStore.rankInSource(db, id, options.at);
      if (rank === null) throw new NotFoundError(`no sentence pair ${options.at} in source ${id}`);
      offset = Math.floor(rank / limit) * limit;
    }
    const { rows, total } = segmentsStore.sourceSegments(db, id, limit, offset);
    const marks = segmentsStore.marksIn(
      db,
      rows.map((r) => r.id),
    );
    const bySegment = new Map<number, SourceDetailResponse['sentences'][number]['marks']>();
    for (const { segmentId, ...mark } of marks) {
      const list = bySegment.get(segmentId);
      if (list) list.push(mark);
      else bySegment.set(segmentId, [mark]);
    }
    const termIds = [...new Set(marks.map((m) => m.termId))];
    return {
      source,
      sentences: rows.map((r) => ({ id: r.id, paragraph: r.paragraph, zh: r.zh, en: r.en, score: r.score, marks: bySegment.get(r.id) ?? [] })),
      offset,
      total,
      terms: termsStore.termProgress(db, termIds),
      newCards: sourcesStore.countNewCards(db, id),
      unstartedTerms: termsStore.unstartedTermIds(db, id).length,
      toCheck: segmentsStore.weakPairs(db, id, WEAK_ALIGNMENT),
    };
  })();
}

/** What deleting the source would take: asked by the delete dialog, not with every page of the text. */
export function sourceRemoval(db: Db, id: number): SourceRemoval {
  return db.transaction(() => {
    const source = sourcesStore.sourceSummary(db, id);
    if (!source) throw new NotFoundError(`no source ${id}`);
    return removalOf(db, id, source.sentences);
  })();
}

function removalOf(db: Db, id: number, sentences: number): SourceRemoval {
  const own = sourcesStore.ownTermIds(db, id);
  const sentenceCards = sourcesStore.countSentenceCards(db, id);
  const termCards = sourcesStore.countTermCards(db, own);
  return {
    sentences,
    sentenceCards: sentenceCards.cards,
    sentenceCardsReviewed: sentenceCards.reviewed,
    ownTerms: own.length,
    ownTermCards: termCards.cards,
    ownTermCardsReviewed: termCards.reviewed,
  };
}

/**
 * Deletes a source in one transaction: its sentence pairs and their cards; the terms it alone
 * brought and their cards, unless `keepTerms`; the term occurrences in its sentences. A term that
 * stays and had its cloze in one of these sentences gets its cloze moved to its best sentence
 * elsewhere, or loses the cloze when it has none. The content hash goes with the source, so the
 * same text can be imported again.
 */
export function deleteSource(db: Db, id: number, options: { keepTerms?: boolean } = {}): DeleteSourceResponse {
  return inTransaction(db, () => {
    if (!sourcesStore.sourceExists(db, id)) throw new NotFoundError(`no source ${id}`);
    const own = options.keepTerms ? [] : sourcesStore.ownTermIds(db, id);
    let cards = sourcesStore.deleteTerms(db, own);
    cards += sourcesStore.deleteSourceSentenceCards(db, id);
    for (const cloze of sourcesStore.clozeCardsIn(db, id)) {
      const elsewhere = bestSentenceOf(db, cloze.termId, id);
      if (elsewhere === null) {
        cardsStore.deleteCard(db, cloze.id);
        cards++;
      } else cardsStore.moveCard(db, cloze.id, elsewhere);
    }
    sourcesStore.refileTermCards(db, id);
    const row = sourcesStore.deleteSourceRow(db, id)!;
    return { source: { id, title: row.title }, deleted: { sentences: row.sentences, terms: own.length, cards } };
  });
}

/** Puts the source's new cards first in the drill's new-card queue ("learn this text next"). */
export function learnSourceNext(db: Db, id: number): { moved: number } {
  return inTransaction(db, () => {
    if (!sourcesStore.sourceExists(db, id)) throw new NotFoundError(`no source ${id}`);
    return { moved: sourcesStore.moveNewCardsFirst(db, id) };
  });
}

/**
 * Marks the source's terms not yet started (active, every card still new) known, as Lute marks
 * the rest of a page well known: they stay in the termbase and the reader, out of the drill.
 * Returns their ids, for an undo (POST /api/terms/known with known false).
 */
export function markSourceTermsKnown(db: Db, id: number): ChangedTermsResponse {
  return inTransaction(db, () => {
    if (!sourcesStore.sourceExists(db, id)) throw new NotFoundError(`no source ${id}`);
    return { terms: termsStore.setKnown(db, termsStore.unstartedTermIds(db, id), true) };
  });
}

/** The sentence pairs of every text holding the words, for a concordance search. */
export function searchPairs(db: Db, q: string, options: { limit?: number; offset?: number } = {}): PairSearchResponse {
  const text = q.trim();
  if (!text) throw new InvalidInputError('q: give words to look for');
  if (text.length > 200) throw new InvalidInputError('q must be at most 200 characters');
  return segmentsStore.searchSegments(db, text, options.limit ?? 50, options.offset ?? 0);
}

/**
 * Merges a sentence pair with the next one of its text, as an aligner's "merge" fixes a
 * misalignment: both pairs' Chinese and English become one pair, which the user has thereby
 * confirmed (score 1). Term occurrences follow their words. Of two sentence cards in a direction
 * the one with more answers stays, on the merged pair; clozes that blanked the second pair blank
 * the merged one; a pair that now has both languages gets the sentence cards it lacked.
 */
export function mergeWithNext(db: Db, segmentId: number, now: Date): MergePairsResponse {
  return inTransaction(db, () => {
    const a = segmentsStore.getSegment(db, segmentId);
    if (!a) throw new NotFoundError(`no sentence pair ${segmentId}`);
    const b = segmentsStore.nextInSource(db, segmentId);
    if (!b) throw new ConflictError('the last pair of its text has no next pair to merge with', 'no_next_pair');
    for (const direction of ['zh-en', 'en-zh'] as const) {
      const kept = cardsStore.sentenceCard(db, a.id, direction);
      const other = cardsStore.sentenceCard(db, b.id, direction);
      if (kept && other) cardsStore.deleteCard(db, other.reps > kept.reps ? kept.id : other.id);
    }
    cardsStore.moveSentenceCards(db, b.id, a.id);
    cardsStore.moveClozes(db, b.id, a.id);
    // Chinese joins without a space, unless Latin letters or digits would run together.
    const zhGap = /[A-Za-z0-9]$/.test(a.zh) && /^[A-Za-z0-9]/.test(b.zh) ? ' ' : '';
    const enGap = a.en && b.en ? ' ' : '';
    const zh = a.zh + zhGap + b.zh;
    segmentsStore.joinSegments(db, { id: a.id, zh, en: a.en + enGap + b.en, pinyin: zh ? pinyinOf(zh) : '' }, b.id, {
      zh: a.zh.length + zhGap.length,
      en: a.en.length + enGap.length,
    });
    ensureSentenceCards(db, { id: a.id, sourceId: a.sourceId, zh, en: a.en + b.en }, now);
    return { merged: a.id, removed: b.id };
  });
}

/** A pair with both languages gets the sentence cards the settings make that it lacks. */
function ensureSentenceCards(db: Db, pair: { id: number; sourceId: number; zh: string; en: string }, now: Date): void {
  if (!pair.zh.trim() || !pair.en.trim()) return;
  const kinds = getSettings(db).cardKinds;
  let order = cardsStore.maxNewOrder(db);
  for (const direction of ['zh-en', 'en-zh'] as const) {
    if (!(direction === 'zh-en' ? kinds.sentenceZhEn : kinds.sentenceEnZh) || cardsStore.sentenceCard(db, pair.id, direction)) continue;
    cardsStore.insertCard(db, { kind: 'sentence', subjectId: pair.id, direction, segmentId: pair.id, sourceId: pair.sourceId, newOrder: ++order, now });
  }
}

/**
 * Corrects a pair's text by hand, as a translation memory's entry is edited: a better reference
 * translation, a typo fixed. Its terms are found again in the new text (the old offsets point at
 * old words); its sentence cards stay with their history (or go, when a language is left empty);
 * a cloze whose term is gone from it moves to the term's best other sentence.
 */
export function editPair(db: Db, segmentId: number, text: EditPairRequest, now: Date): EditPairResponse {
  return inTransaction(db, () => {
    const s = segmentsStore.getSegment(db, segmentId);
    if (!s) throw new NotFoundError(`no sentence pair ${segmentId}`);
    const next = { zh: (text.zh ?? s.zh).trim(), en: (text.en ?? s.en).trim() };
    for (const lang of ['zh', 'en'] as const) if (next[lang].length > 5000) throw new InvalidInputError(`${lang} must be at most 5000 characters`);
    if (!next.zh && !next.en) throw new InvalidInputError('a pair needs text in at least one language');
    segmentsStore.setSegmentText(db, s.id, { ...next, pinyin: next.zh ? pinyinOf(next.zh) : '' });
    segmentsStore.deleteSegmentOccurrences(db, s.id);
    const found = recognizeTerms(db, termsStore.activeTerms(db), [{ id: s.id, ...next }]);
    if (next.zh && next.en) ensureSentenceCards(db, { id: s.id, sourceId: s.sourceId, ...next }, now);
    else cardsStore.deleteSentenceCards(db, s.id);
    clozesFollowTerms(db, s.id);
    return { id: s.id, ...next, terms: found.size };
  });
}

/**
 * The clozes blanking a pair whose term has no English span there any more follow their term: to
 * `prefer` (the other part of a split) when the term has one there, else to its best sentence;
 * with none, they go.
 */
function clozesFollowTerms(db: Db, pairId: number, prefer: number | null = null): void {
  for (const cloze of cardsStore.clozesOn(db, pairId)) {
    if (termsStore.englishSpanIn(db, cloze.termId, pairId)) continue;
    const to = prefer !== null && termsStore.englishSpanIn(db, cloze.termId, prefer) ? prefer : bestSentenceOf(db, cloze.termId);
    if (to === null) cardsStore.deleteCard(db, cloze.id);
    else cardsStore.moveCard(db, cloze.id, to);
  }
}

/** Where a sentence of the text begins (other than at 0), as the extractor's splitter sees it. */
function sentenceStarts(text: string, split: (text: string) => string[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const piece of split(text)) {
    const found = text.indexOf(piece, at);
    if (found < 0) break;
    if (found > 0) starts.push(found);
    at = found + piece.length;
  }
  return starts;
}

/** Where a pair can be cut: at a sentence of either language, or at either end (a 1–0 or 0–1 part). */
export function splitPoints(db: Db, segmentId: number): SplitPointsResponse {
  const s = segmentsStore.getSegment(db, segmentId);
  if (!s) throw new NotFoundError(`no sentence pair ${segmentId}`);
  return pointsOf(s);
}

function pointsOf(s: { zh: string; en: string }): SplitPointsResponse {
  return { zh: [0, ...sentenceStarts(s.zh, splitZh), s.zh.length], en: [0, ...sentenceStarts(s.en, splitEn), s.en.length] };
}

/**
 * Cuts a pair in two, as an aligner's "split" fixes a misalignment (or undoes a merge): the
 * Chinese and the English each cut where one of their sentences begins (splitPoints), the second
 * part a new pair right after the first. Term occurrences go with their words; the sentence
 * cards stay with the first part when it still has both languages (else go to the second), and
 * a part with both languages gets the sentence cards it lacks; a cloze follows its term's words.
 */
export function splitPair(db: Db, segmentId: number, cut: { zh: number; en: number }, now: Date): SplitPairResponse {
  return inTransaction(db, () => {
    const a = segmentsStore.getSegment(db, segmentId);
    if (!a) throw new NotFoundError(`no sentence pair ${segmentId}`);
    const points = pointsOf(a);
    if (!points.zh.includes(cut.zh)) throw new InvalidInputError(`zh: cut where a sentence begins: ${points.zh.join(', ')}`);
    if (!points.en.includes(cut.en)) throw new InvalidInputError(`en: cut where a sentence begins: ${points.en.join(', ')}`);
    const first = { zh: a.zh.slice(0, cut.zh).trimEnd(), en: a.en.slice(0, cut.en).trimEnd() };
    const second = { zh: a.zh.slice(cut.zh), en: a.en.slice(cut.en) };
    if (!(first.zh || first.en) || !(second.zh || second.en)) throw new InvalidInputError('a split must leave text in both pairs');

    const pinyinFor = (zh: string) => (zh ? pinyinOf(zh) : '');
    const b = segmentsStore.insertSegment(db, { sourceId: a.sourceId, paragraph: a.paragraph, ordinal: a.ordinal, ...second, pinyin: pinyinFor(second.zh), score: 1 });
    segmentsStore.setSegmentText(db, a.id, { ...first, pinyin: pinyinFor(first.zh) });
    // The paragraph numbered afresh, the new pair right after the one it came from.
    const order = segmentsStore.paragraphSegments(db, a.sourceId, a.paragraph).filter((s) => s.id !== b);
    order.splice(order.findIndex((s) => s.id === a.id) + 1, 0, { id: b });
    order.forEach((s, i) => segmentsStore.setOrdinal(db, s.id, i));
    segmentsStore.splitOccurrences(db, a.id, b, cut);

    const both = (p: { zh: string; en: string }) => Boolean(p.zh.trim() && p.en.trim());
    if (!both(first)) {
      if (both(second)) cardsStore.moveSentenceCards(db, a.id, b);
      else cardsStore.deleteSentenceCards(db, a.id);
    }
    ensureSentenceCards(db, { id: a.id, sourceId: a.sourceId, ...first }, now);
    ensureSentenceCards(db, { id: b, sourceId: a.sourceId, ...second }, now);
    clozesFollowTerms(db, a.id, b);
    return { first: a.id, second: b };
  });
}
