// Term list, search, concordance and edits. User edits win: editing a rendering marks the term
// 'user', which later imports never overwrite; ignoring a term takes its cards out of the queue
// (kept, with their history, for when the term is reactivated).
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { pinyinOf } from '../extract/lexicon.ts';
import { addMissingClozes, bestSentenceOf, newRenderings, realignTerm, recognizeTerms, termCards } from '../library/index.ts';
import { getSettings } from '../settings/index.ts';
import type { ChangedTermsResponse, NewTerm, TermDetailResponse, TermPatch, TermRow, TermsResponse } from '../http/api-types.ts';
import { cardsStore, inTransaction, segmentsStore, termsStore, type Db } from '../store/index.ts';

export interface TermListOptions {
  q?: string;
  status?: 'active' | 'ignored' | 'known';
  cards?: 'suspended' | 'leech';
  source?: number;
  sort?: 'count' | 'weakest';
  limit?: number;
  offset?: number;
}

export function listTerms(db: Db, options: TermListOptions, _now: Date): TermsResponse {
  const limit = options.limit ?? 50;
  const offset = options.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new InvalidInputError('limit must be from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0) throw new InvalidInputError('offset must be 0 or more');
  if (options.status !== undefined && options.status !== 'active' && options.status !== 'ignored' && options.status !== 'known')
    throw new InvalidInputError('status must be "active", "ignored" or "known"');
  if (options.cards !== undefined && options.cards !== 'suspended' && options.cards !== 'leech')
    throw new InvalidInputError('cards must be "suspended" or "leech"');
  if (options.q !== undefined && (typeof options.q !== 'string' || options.q.length > 200))
    throw new InvalidInputError('q must be a string of at most 200 characters');
  if (options.source !== undefined && !(Number.isInteger(options.source) && options.source > 0))
    throw new InvalidInputError('source must be a source id');
  if (options.sort !== undefined && options.sort !== 'count' && options.sort !== 'weakest')
    throw new InvalidInputError('sort must be "count" or "weakest"');
  return termsStore.listTermRows(db, { q: options.q, status: options.status, cards: options.cards, source: options.source, sort: options.sort, limit, offset });
}

/** How many of a term's last answers its page shows. */
const historyShown = 30;

export function getTerm(db: Db, id: number): TermDetailResponse {
  const term = termsStore.getTermRow(db, id);
  if (!term) throw new NotFoundError(`no term ${id}`);
  const occurrences = termsStore.termOccurrences(db, id).map((o) => ({
    segmentId: o.segmentId,
    sourceId: o.sourceId,
    sourceTitle: o.sourceTitle,
    zh: o.zh,
    en: o.en,
    zhStart: o.zhStart,
    zhEnd: o.zhEnd,
    enStart: o.enStart,
    enEnd: o.enEnd,
  }));
  return { term, occurrences, cards: termsStore.termCards(db, id), history: termsStore.termAnswers(db, id, historyShown) };
}

/** The variants cleaned, without the preferred rendering or repeats (case aside). */
function cleanVariants(en: string, list: unknown[]): string[] {
  return newRenderings([en], list.map((v, i) => cleanRendering(v, `variants[${i}]`)));
}

function cleanRendering(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new InvalidInputError(`${field} must be a string`);
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s) throw new InvalidInputError(`${field} must not be empty`);
  if (s.length > 300) throw new InvalidInputError(`${field} must be at most 300 characters`);
  return s;
}

export function patchTerm(db: Db, id: number, patch: TermPatch, now: Date): TermRow {
  if (typeof patch !== 'object' || patch === null) throw new InvalidInputError('patch must be an object');
  const allowed = new Set(['en', 'variants', 'addVariant', 'status', 'note', 'known']);
  for (const key of Object.keys(patch)) if (!allowed.has(key)) throw new InvalidInputError(`unknown field "${key}"`);
  return inTransaction(db, () => {
    const term = termsStore.getTermRecord(db, id);
    if (!term) throw new NotFoundError(`no term ${id}`);
    const next = { en: term.en, variants: term.variants, status: term.status, origin: term.origin, note: term.note, now };
    if (patch.en !== undefined) next.en = cleanRendering(patch.en, 'en');
    if (patch.variants !== undefined) {
      if (!Array.isArray(patch.variants) || patch.variants.length > 50)
        throw new InvalidInputError('variants must be a list of at most 50 renderings');
      next.variants = cleanVariants(next.en, patch.variants);
    } else if (patch.en !== undefined) {
      // The new preferred rendering is no longer also a variant; the old one is not kept: an
      // edit usually corrects a wrong extraction.
      next.variants = term.variants.filter((v) => v.toLowerCase() !== next.en.toLowerCase());
    }
    // Added to the variants as they stand now, not as a client saw them: two additions from two
    // tabs both stay.
    if (patch.addVariant !== undefined) {
      if (next.variants.length >= 50) throw new InvalidInputError('a term has at most 50 variants');
      next.variants = cleanVariants(next.en, [...next.variants, patch.addVariant]);
    }
    const renderingsChanged = patch.en !== undefined || patch.variants !== undefined || patch.addVariant !== undefined;
    if (renderingsChanged) next.origin = 'user';
    if (patch.note !== undefined) {
      if (typeof patch.note !== 'string' || patch.note.length > 2000) throw new InvalidInputError('note must be a string of at most 2000 characters');
      next.note = patch.note;
    }
    if (patch.status !== undefined) {
      if (patch.status !== 'active' && patch.status !== 'ignored') throw new InvalidInputError('status must be "active" or "ignored"');
      next.status = patch.status;
    }
    termsStore.updateTerm(db, id, next);
    if (renderingsChanged) {
      // The concordance, the reader and the cloze point at the renderings the user gave.
      realignTerm(db, id, [next.en, ...next.variants]);
      if (next.status === 'active') addMissingClozes(db, [id], getSettings(db).cardKinds, now);
    }
    if (next.status !== term.status) cardsStore.setTermCardsHidden(db, id, cardsStore.hiddenIgnoredTerm, next.status === 'ignored');
    if (patch.known !== undefined) {
      if (typeof patch.known !== 'boolean') throw new InvalidInputError('known must be true or false');
      if (patch.known && next.status !== 'active') throw new InvalidInputError('an ignored term cannot be known: make it active first');
      termsStore.setKnown(db, [id], patch.known);
    }
    return termsStore.getTermRow(db, id)!;
  });
}

/**
 * Marks terms known, their cards out of the drill (Lute's "well known"), or drilled again.
 * Returns the ids that changed: ignored terms, and terms already so, are left as they are.
 */
export function setTermsKnown(db: Db, ids: number[], known: boolean): ChangedTermsResponse {
  checkIds(ids);
  if (typeof known !== 'boolean') throw new InvalidInputError('known must be true or false');
  return inTransaction(db, () => ({ terms: termsStore.setKnown(db, ids, known) }));
}

/**
 * Ignores terms (their cards leave the drill, and a later import does not bring them back) or
 * restores them, many at once: cleaning a termbase of an extraction's misses. Returns the ids
 * that changed.
 */
export function setTermsStatus(db: Db, ids: number[], status: 'active' | 'ignored', now: Date): ChangedTermsResponse {
  checkIds(ids);
  if (status !== 'active' && status !== 'ignored') throw new InvalidInputError('status must be "active" or "ignored"');
  return inTransaction(db, () => {
    const changed: number[] = [];
    for (const id of new Set(ids)) {
      const term = termsStore.getTermRecord(db, id);
      if (!term || term.status === status) continue;
      termsStore.updateTerm(db, id, { en: term.en, variants: term.variants, status, origin: term.origin, note: term.note, now });
      cardsStore.setTermCardsHidden(db, id, cardsStore.hiddenIgnoredTerm, status === 'ignored');
      changed.push(id);
    }
    return { terms: changed };
  });
}

function checkIds(ids: unknown): asserts ids is number[] {
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 5000 || !ids.every((id) => Number.isInteger(id) && id > 0))
    throw new InvalidInputError('ids must be a list of 1 to 5000 term ids');
}

const HAN = /\p{Script=Han}/u;

/**
 * A term the user adds by hand (met in a text or outside any): the user's, with term cards in
 * the directions the settings make, drilled before the new cards already waiting, and found in
 * the texts already imported (recognizeTerms): its concordance, its marks in the reader, its cloze.
 */
export function addTerm(db: Db, input: NewTerm, now: Date): TermRow {
  const zh = typeof input.zh === 'string' ? input.zh.trim() : '';
  if (!HAN.test(zh)) throw new InvalidInputError('zh must hold the Chinese term');
  if (zh.length > 50) throw new InvalidInputError('zh must be at most 50 characters');
  const en = cleanRendering(input.en, 'en');
  const variants = cleanVariants(en, input.variants ?? []);
  const note = input.note?.trim() ?? '';
  return inTransaction(db, () => {
    const known = termsStore.findTermByZh(db, zh);
    if (known) throw new ConflictError(`“${zh}” is already a term (${known.en}); edit it instead`, 'term_exists');
    const id = termsStore.insertTerm(db, { zh, en, variants, pinyin: pinyinOf(zh), score: 1, now, origin: 'user', note });
    recognizeTerms(db, [{ id, zh, en, variants }], segmentsStore.segmentsContaining(db, zh));
    // The cards an import makes for a term; the cloze blanks its best sentence among the texts
    // already imported, when one holds it with a rendering.
    let order = cardsStore.minNewOrder(db);
    for (const card of termCards(id, bestSentenceOf(db, id), getSettings(db).cardKinds).flat()) {
      cardsStore.insertCard(db, { ...card, sourceId: null, newOrder: --order, now });
    }
    return termsStore.getTermRow(db, id)!;
  });
}
