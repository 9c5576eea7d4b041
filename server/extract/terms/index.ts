// Bilingual term extraction (DESIGN.md, Extraction 4–5): Chinese candidates from one jieba pass
// per sentence, English spans aligned per occurrence, competing candidates resolved per clause.
import type { ExtractedTerm, TermOccurrence } from '../types.ts';
import { runSteps, type Steps } from '../steps.ts';
import { idf } from '../segment.ts';
import { isKnownWord, nameInPinyin, pinyinOf } from '../lexicon.ts';
import { Association } from './association.ts';
import { bestSpan, candidateEvidence, spanKey, type SpanChoice } from './align.ts';
import { collectCandidates, tokenize, type Candidate, type CandidateOccurrence, type Token } from './candidates.ts';
import { contentStems, contentStemSet, englishWords, type EnWord } from './english.ts';

export interface ExtractTermsOptions {
  onProgress?: (done: number, total: number) => void;
}

// Work caps that keep extraction linear on large imports (tens of thousands of pairs): only the
// most term-like candidate types are aligned, each on a bounded sample of its occurrences. On news
// (WMT18, 21,000 candidate types) 4,000 aligned give 26% more right terms than 3,000 did at the same
// precision (79%); beyond that the terms scored under 0.5 grow worse (`npm run eval news`).
const MAX_ALIGNED_TYPES = 4000;
const MAX_ALIGNED_OCCURRENCES = 16;
// An occurrence's span must reach this to count as a rendering at all.
const MIN_SPAN_SCORE = 0.3;
// A rendering other than the preferred one must be this good to be offered as a variant.
const MIN_VARIANT_SCORE = 0.55;
const MIN_COVERAGE = 0.5;
const SEGMENT_SHARE = 0.5;
// Terms below this score are not worth a card.
const MIN_TERM_SCORE = 0.3;
// jieba IDF below which a two-character word alone is everyday vocabulary (发展 3.6, 责任 6.0; 民意 7.9).
const MIN_SINGLE_IDF = 6.8;

interface Scored {
  cand: Candidate;
  termhood: number;
  /** Alignment per aligned occurrence (same index as cand.occurrences), null when none found. */
  spans: (SpanChoice | null)[];
  alignment: number;
  score: number;
}

export function extractTerms(
  sentences: { zh: string; en: string }[],
  options: ExtractTermsOptions = {},
): ExtractedTerm[] {
  return runSteps(extractTermsSteps(sentences), options.onProgress);
}

// Segmenting is about half the work, reported every SEGMENT_STEP sentences; aligning the other
// half, reported every ALIGN_STEP candidate types.
const SEGMENT_STEP = 500;
const ALIGN_STEP = 200;

/** extractTerms in pieces, with progress against the number of sentences. */
export function* extractTermsSteps(sentences: { zh: string; en: string }[]): Steps<ExtractedTerm[]> {
  const total = sentences.length;
  const tokens: Token[][] = new Array(total);
  const stems: string[][] = new Array(total);
  for (let from = 0; from < total; from += SEGMENT_STEP) {
    const to = Math.min(total, from + SEGMENT_STEP);
    readSentences(sentences, from, to, tokens, stems);
    if (to % SEGMENT_STEP === 0) yield [Math.floor(to * SEGMENT_SHARE), total];
  }
  const candidates = [...collectCandidates(tokens).values()];
  const zhWords = tokens.map((t) => t.map((x) => x.word));
  // Full English words (offsets, hyphen parts) only for the sentences an alignment visits.
  // (Arrays indexed by sentence, not Maps: a lookup per aligned occurrence.)
  const aligner: Aligner = {
    sentences,
    zhWords,
    assoc: new Association(zhWords, stems),
    enCache: new Array(total),
  };

  // Names first, outside the budget, but only those whose surname the English spells somewhere
  // (谢谢 and 汤姆 are tagged names too; neither "Xie" nor "Tang" is in their sentences).
  const names = candidates
    .filter((c) => c.kind === 'name' && c.occurrences.slice(0, MAX_ALIGNED_OCCURRENCES).some((o) => spellsSurname(c.zh, sentences[o.sentence].en)))
    .map((cand) => ({ cand, termhood: termhood(cand) }));
  // Then term-hood, so that the alignment budget goes to the most promising types.
  const ranked = mostTermLike(candidates, MAX_ALIGNED_TYPES);
  ranked.unshift(...names);

  const scored: Scored[] = [];
  for (let from = 0; from < ranked.length; ) {
    // Progress is reported before candidate 199, 399, …, as a share of the candidates done.
    const to = Math.min(ranked.length, from + ALIGN_STEP - (from === 0 ? 1 : 0));
    alignRanked(aligner, ranked, from, to, scored);
    from = to;
    if (from < ranked.length) yield [Math.floor(total * (SEGMENT_SHARE + (1 - SEGMENT_SHARE) * (from / ranked.length))), total];
  }

  const winners = resolveOverlaps(scored);
  const terms: ExtractedTerm[] = [];
  for (const s of scored) {
    const won = winners.get(s);
    if (!won || s.score < MIN_TERM_SCORE) continue;
    const term = toTerm(s, won, sentences);
    if (term) terms.push(term);
  }
  terms.sort((a, b) => b.score - a.score || b.count - a.count || byZh.compare(a.zh, b.zh));
  yield [total, total];
  return terms;
}

function readSentences(sentences: { zh: string; en: string }[], from: number, to: number, tokens: Token[][], stems: string[][]): void {
  for (let i = from; i < to; i++) {
    tokens[i] = tokenize(sentences[i].zh);
    stems[i] = contentStemSet(sentences[i].en);
  }
}

/** What aligning a candidate reads: the sentences, their words, association on the import. */
interface Aligner {
  sentences: { zh: string; en: string }[];
  zhWords: string[][];
  assoc: Association;
  enCache: (EnWord[] | undefined)[];
}

/** Aligns ranked[from, to) and keeps those found rendered in `scored`. */
function alignRanked(aligner: Aligner, ranked: { cand: Candidate; termhood: number }[], from: number, to: number, scored: Scored[]): void {
  const { sentences, zhWords, assoc, enCache } = aligner;
  for (let r = from; r < to; r++) {
    const { cand, termhood: th } = ranked[r];
    const ev = candidateEvidence(cand);
    const spans: (SpanChoice | null)[] = [];
    let sum = 0;
    let aligned = 0;
    const sampled = Math.min(cand.occurrences.length, MAX_ALIGNED_OCCURRENCES);
    for (let k = 0; k < sampled; k++) {
      const o = cand.occurrences[k];
      // A second occurrence in the same sentence takes a different span.
      const taken: SpanChoice[] = [];
      for (let q = k - 1; q >= 0 && cand.occurrences[q].sentence === o.sentence; q--) {
        const t = spans[q];
        if (t) taken.push(t);
      }
      const words = (enCache[o.sentence] ??= englishWords(sentences[o.sentence].en));
      // A word another Chinese word of the sentence accounts for by the dictionary ("emphasized"
      // is 强调's) is not the candidate's by association: bestSpan is given the sentence's words.
      // The candidate's own words are among them, harmlessly: what they explain never reaches
      // association in the first place.
      let span = bestSpan(ev, sentences[o.sentence].en, words, assoc, MIN_SPAN_SCORE, taken, zhWords[o.sentence]);
      // A span rendering less than half of the candidate is a fragment's rendering, not the term's;
      // so is one rendering just half of a phrase ("CPPCC National" for 全国政协). Half of a word's
      // gloss may be all of it: "Glasgow" for 格拉斯哥 "Glasgow, Scotland".
      // A word's span rendering only an adjective of its glosses is a fragment too ("criminal" for
      // 犯罪行为 "criminal behavior"), however much of the word it covers.
      // So is one rendering half of a word or less, that half a part of it ("import" for 进口关税).
      if (span && (span.coverage < MIN_COVERAGE || (span.coverage === MIN_COVERAGE && cand.pieces.length > 1) || span.headless || span.part)) span = null;
      spans.push(span);
      if (span) {
        sum += span.score;
        aligned++;
      }
    }
    if (!aligned) continue;
    // Mean quality of the spans found, discounted when most occurrences found none.
    const alignment = (sum / aligned) * Math.sqrt(aligned / sampled);
    const score = th * alignment;
    if (cand.kind === 'name' && alignment < 0.6) continue;
    scored.push({ cand, termhood: th, spans, alignment, score });
  }
}

/** The candidates (names aside) of term-hood above 0, the `limit` best, best first. */
function mostTermLike(candidates: Candidate[], limit: number): { cand: Candidate; termhood: number }[] {
  const all: { cand: Candidate; termhood: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const cand = candidates[i];
    if (cand.kind === 'name') continue;
    const th = termhood(cand);
    if (th > 0) all.push({ cand, termhood: th });
  }
  return bestFirst(all, (x) => x.termhood, limit);
}

/**
 * The `limit` items of highest value, best first, ties in their given order: exactly the head of
 * a stable sort of them all. Sorting all of them (21,500 candidates on WMT18) with a comparator
 * cost as much as computing their term-hood, so the limit-th best value is found by a numeric
 * sort, and only the items reaching it are sorted. Exported for tests.
 */
export function bestFirst<T>(items: T[], value: (item: T) => number, limit: number): T[] {
  const best = (a: T, b: T) => value(b) - value(a);
  if (items.length <= limit) return [...items].sort(best);
  const values = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) values[i] = value(items[i]);
  values.sort();
  const threshold = values[values.length - limit];
  // All above the threshold, and of those at it the first ones, as many as still fit.
  let room = limit;
  for (let i = 0; i < items.length; i++) if (value(items[i]) > threshold) room--;
  return items
    .filter((x) => {
      const v = value(x);
      return v > threshold || (v === threshold && room-- > 0);
    })
    .sort(best);
}

// localeCompare's order, from one collator instead of one looked up for every comparison.
const byZh = new Intl.Collator();

/** Whether the English has the name's surname as a capitalized word: 时建中 → "Shi". */
function spellsSurname(zh: string, en: string): boolean {
  const family = nameInPinyin(zh.charAt(0));
  if (!family) return false;
  for (let at = en.indexOf(family); at >= 0; at = en.indexOf(family, at + 1)) {
    if (!/[A-Za-z]/.test(en.charAt(at - 1)) && !/[a-z]/.test(en.charAt(at + family.length))) return true;
  }
  return false;
}

/** Term-hood in [0, 1] from frequency, independence from longer terms, rarity, and form. */
function termhood(c: Candidate): number {
  const f = c.occurrences.length;
  const free = f - c.nestedInFrequent;
  if (free <= 0) return 0;
  if (c.kind === 'name') return 0.9;
  const list = c.occurrences.some((o) => o.listMember);
  const freq = 1 - Math.exp(-free / 1.5);
  const rarity = c.pieces.reduce((s, p) => s + idf(p), 0) / c.pieces.length;
  const rare = Math.min(1, Math.max(0, (rarity - 5) / 5));
  const single = c.pieces.length === 1;
  // Everyday words (发展, 工作, 问题, 能力) are no terms on their own, even when well aligned.
  if (single && c.zh.length === 2 && !list && rarity < MIN_SINGLE_IDF) return 0;
  const setPhrase = single && (c.tags[0] === 'i' || c.tags[0] === 'l' || c.tags[0] === 'nt' || c.tags[0] === 'nz');
  let form = single ? (setPhrase || c.zh.length >= 3 ? 0.85 : 0.6) : 1;
  if (list) form = Math.min(1, form + 0.3);
  // A verb before a noun is more often a predicate (塑造网络空间) than a modifier (治理合力).
  if (c.tags[0] === 'v') form *= 0.7;
  else if (c.tags[0] === 'vn' && !single) form *= 0.85;
  return (0.6 + 0.4 * freq) * (0.6 + 0.4 * rare) * form;
}

/**
 * Inside each clause, candidate occurrences overlap (网络, 网络生态, 网络生态治理…): choose the
 * non-overlapping set with the greatest total of score × length, so a frequent whole term beats
 * its fragments and two strong terms beat the loose compound they form.
 */
function resolveOverlaps(scored: Scored[]): Map<Scored, number[]> {
  const compositional = findCompositional(scored);
  type Item = { s: Scored; k: number; o: CandidateOccurrence; value: number };
  // Clauses numbered sentence × (most clauses in a sentence) + clause: a number, not a string
  // made for each of tens of thousands of occurrences.
  let clauses = 1;
  for (const s of scored) for (const o of s.cand.occurrences) if (o.clause >= clauses) clauses = o.clause + 1;
  const byClause = new Map<number, Item[]>();
  for (const s of scored) {
    if (s.score < MIN_TERM_SCORE) continue;
    s.cand.occurrences.forEach((o, k) => {
      const key = o.sentence * clauses + o.clause;
      // Only the characters the English renders count: 数据安全防线 aligned to "data security"
      // is worth no more than 数据安全, and loses to it on score.
      const len = (o.zhEnd - o.zhStart) * (s.spans[k]?.coverage ?? 0.5);
      // Slightly more than linear in length (1.05, tuned on the seed: 1.0 splits 网络空间命运共同体,
      // 1.1 glues 人民群众 to 切身利益): at a like score one whole term beats its halves;
      // a loose compound of an established term and another word is worth less than the two.
      const value = s.score * Math.pow(len, 1.05) * (compositional.has(s) ? 0.5 : 1);
      const item = { s, k, o, value };
      const list = byClause.get(key);
      if (list) list.push(item);
      else byClause.set(key, [item]);
    });
  }
  const winners = new Map<Scored, number[]>();
  for (const items of byClause.values()) {
    items.sort((a, b) => a.o.zhEnd - b.o.zhEnd);
    // Weighted interval scheduling over character offsets.
    const best: number[] = new Array(items.length);
    const take: boolean[] = new Array(items.length);
    const prev: number[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      let p = i - 1;
      while (p >= 0 && items[p].o.zhEnd > items[i].o.zhStart) p--;
      prev[i] = p;
      const withIt = items[i].value + (p >= 0 ? best[p] : 0);
      const without = i > 0 ? best[i - 1] : 0;
      take[i] = withIt > without;
      best[i] = Math.max(withIt, without);
    }
    for (let i = items.length - 1; i >= 0; ) {
      if (take[i]) {
        const list = winners.get(items[i].s);
        if (list) list.push(items[i].k);
        else winners.set(items[i].s, [items[i].k]);
        i = prev[i];
      } else i--;
    }
  }
  return winners;
}

/**
 * Candidates made of an established multi-word term plus another term (网络生态治理 + 长效机制):
 * established = seen at least twice on its own. Such compounds are descriptions built from terms.
 */
function findCompositional(scored: Scored[]): Set<Scored> {
  const byZh = new Map(scored.map((s) => [s.cand.zh, s]));
  const established = (zh: string) => {
    const s = byZh.get(zh);
    return !!s && s.cand.pieces.length > 1 && s.cand.occurrences.length - s.cand.nestedInFrequent >= 2;
  };
  const out = new Set<Scored>();
  for (const s of scored) {
    const p = s.cand.pieces;
    if (p.length < 2 || s.cand.kind === 'name') continue;
    for (let cut = 1; cut < p.length; cut++) {
      const head = p.slice(0, cut).join('');
      const tail = p.slice(cut).join('');
      if ((established(head) && (byZh.has(tail) || isKnownWord(tail))) || (established(tail) && (byZh.has(head) || isKnownWord(head)))) {
        out.add(s);
        break;
      }
    }
  }
  return out;
}

function toTerm(s: Scored, won: number[], sentences: { zh: string; en: string }[]): ExtractedTerm | null {
  won.sort((a, b) => a - b);
  type Rendering = { count: number; score: number; text: string; initialOnly: boolean; keys: string[] };
  const renderings = new Map<string, Rendering>();
  for (const k of won) {
    const span = s.spans[k];
    if (!span) continue;
    const r = renderings.get(span.key);
    if (!r) renderings.set(span.key, { count: 1, score: span.score, text: span.text, initialOnly: span.initial, keys: [span.key] });
    else {
      r.count++;
      r.score = Math.max(r.score, span.score);
      if (r.initialOnly && !span.initial) {
        r.text = span.text;
        r.initialOnly = false;
      }
    }
  }
  const ordered = [...renderings.values()].sort(byUse);
  if (!ordered.length) return null;
  const display = (r: { text: string; initialOnly: boolean }) => {
    let t = r.text;
    // "Mainstream media should…": a capital seen only at the start of sentences is not part of the term.
    if (r.initialOnly && s.cand.kind !== 'name' && /^[A-Z][a-z]/.test(t) && !/^[A-Z][a-z]+ [A-Z]/.test(t)) t = t[0].toLowerCase() + t.slice(1);
    return t;
  };
  const en = display(ordered[0]);
  // Forms of one rendering are one rendering: "team" and "teams", "cause of the Party and state"
  // and "… and the state" (the same content stems in the same order), offered once, in its most
  // frequent form, counted together.
  const forms = new Map<string, Rendering & { stems: string[] }>();
  for (const r of ordered) {
    const stems = contentStems(r.text.toLowerCase());
    const key = stems.join(' ');
    const form = forms.get(key);
    if (!form) forms.set(key, { ...r, keys: [...r.keys], stems });
    else {
      form.count += r.count;
      form.score = Math.max(form.score, r.score);
      form.keys.push(...r.keys);
    }
  }
  // The preferred rendering's form is the first made.
  const preferred = forms.values().next().value!;
  const preferredStems = new Set(preferred.stems);
  const variants: string[] = [];
  const seen = new Set([spanKey(en)]);
  // The keys of the renderings offered, all their forms: an occurrence aligned to one keeps its span.
  const offered = new Set(preferred.keys);
  for (const r of [...forms.values()].sort(byUse)) {
    if (r === preferred || r.score < MIN_VARIANT_SCORE) continue;
    // A part of the preferred rendering is no other rendering of the term: "Post" of "Washington
    // Post", "opening" of "opening ceremony" (and a drill would take it for an answer). The same
    // words in another order are: "community of a shared future in cyberspace".
    const stems = new Set(r.stems);
    if (stems.size < preferredStems.size && [...stems].every((x) => preferredStems.has(x))) continue;
    const v = display(r);
    if (seen.has(spanKey(v))) continue;
    seen.add(spanKey(v));
    variants.push(v);
    for (const k of r.keys) offered.add(k);
  }
  // Occurrences beyond the aligned sample get the span of a known rendering found in their sentence.
  const keys = [spanKey(en), ...variants.map(spanKey)];
  for (const k of keys) offered.add(k);
  const occurrences: TermOccurrence[] = won.map((k) => {
    const o = s.cand.occurrences[k];
    const aligned = s.spans[k];
    // An occurrence points at an offered rendering only: one dropped as too weak is searched
    // for again among the offered ones, as are occurrences beyond the aligned sample.
    const span: { start: number; end: number } | null =
      aligned && offered.has(aligned.key) ? aligned : findRendering(sentences[o.sentence].en, keys);
    return { sentence: o.sentence, zhStart: o.zhStart, zhEnd: o.zhEnd, enStart: span?.start ?? null, enEnd: span?.end ?? null };
  });
  return {
    zh: s.cand.zh,
    en,
    variants,
    pinyin: pinyinOf(s.cand.zh),
    count: won.length,
    score: Math.round(Math.min(1, s.score) * 1000) / 1000,
    occurrences,
  };
}

/** More often found first, then better aligned. */
function byUse(a: { count: number; score: number }, b: { count: number; score: number }): number {
  return b.count - a.count || b.score - a.score;
}

/**
 * Where one of a term's renderings stands in an English sentence, the first of them found (whole
 * words, case and possessive 's aside): the span of a term the user added, in stored sentences.
 */
export function renderingSpan(en: string, renderings: string[]): { start: number; end: number } | null {
  return findRendering(en, renderings.map(spanKey).filter(Boolean));
}

function findRendering(en: string, keys: string[]): { start: number; end: number } | null {
  const lower = en.toLowerCase().replace(/’/g, "'");
  for (const k of keys) {
    for (let at = lower.indexOf(k); at >= 0; at = lower.indexOf(k, at + 1)) {
      // Whole words only: "data" is not found inside "database".
      if (/[a-z0-9]/.test(lower.charAt(at - 1)) || /[a-z0-9]/.test(lower.charAt(at + k.length))) continue;
      return { start: at, end: at + k.length };
    }
  }
  return null;
}
