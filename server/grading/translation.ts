// Sentence translation scoring: chrF against the reference (characters for Chinese output,
// chrF++ for English), lifted by dictionary evidence where the answer says the same thing in
// other words, lowered where it says things the source does not, and checked for the known
// terms of the source sentence.
import { charsOf, chrfScore, chrfStats } from './chrf.ts';
import { diffTokens } from './diff.ts';
import { contentKey, hasKey, roughStem } from './english.ts';
import { isHan, normalizeAnswer, words, type Lang } from './normalize.ts';
import type { GradeDirection, GradeResult, GradingEvidence, Suggestion, TermCoverage } from './types.ts';

export interface TranslationInput {
  reference: string;
  answer: string;
  direction: GradeDirection;
  /** Known terms of the source sentence with their accepted English renderings: `accepted`,
   *  or the glossary's `en` and `variants` (then en + variants are accepted). */
  terms?: TermEntry[];
  /** The sentence being translated; enables the source-side dictionary evidence. */
  source?: string;
}

export interface TermEntry {
  zh: string;
  accepted?: string[];
  en?: string;
  variants?: string[];
}

const acceptedOf = (t: TermEntry): string[] => t.accepted ?? [t.en ?? '', ...(t.variants ?? [])].filter(Boolean);

/**
 * Suggestion cut-offs, calibrated on Tatoeba (`npm run eval grading -- --tune` prints the
 * distributions on the even-numbered half; `npm run eval grading` reports the odd half).
 * `again`: below it about one valid alternative in five (en→zh) or twenty (zh→en) falls, and
 * three near misses in four (half in zh→en); `good`: above it fewer than one near miss in
 * twelve; `easy`: essentially the reference. With source evidence (the server) the score is the
 * shaped one below; without it (the browser, or a source the dictionary cannot read) the score
 * is chrF alone, which separates less, so its cut-offs differ.
 */
export const translationThresholds = {
  'en-zh': { again: 0.25, good: 0.6, easy: 0.98 },
  'zh-en': { again: 0.15, good: 0.6, easy: 0.98 },
} as const;

export const chrfOnlyThresholds = {
  'en-zh': { again: 0.2, good: 0.5, easy: 0.9 },
  'zh-en': { again: 0.25, good: 0.6, easy: 0.9 },
} as const;

/**
 * The score's shape: chrF^c · (1 − extra)^a · (1 − missing)^b. chrF says how close the wording
 * is; extra (content the source does not explain) and missing (source content the reference
 * renders and the answer drops) say whether the meaning is the same. Tuned on data.
 */
export const scoreShape = {
  'en-zh': { c: 0.1, a: 6, b: 6 },
  'zh-en': { c: 0.1, a: 4, b: 6 },
} as const;

/**
 * Added to the counts the extra and missing shares divide by: one unexplained word in a
 * two-word answer is weaker evidence than half of a long one (dictionary gaps are common).
 */
export const smoothing = { 'en-zh': 3, 'zh-en': 3 } as const;

interface Divergence {
  /** Content units of the answer neither in the reference nor explained by the source, of `content`. */
  extra: number;
  content: number;
  /** Source content words the reference renders and the answer does not, of `rendered`. */
  missing: number;
  rendered: number;
}

/**
 * Share of the score lost when the answer negates what the reference affirms, or the reverse.
 * Tatoeba barely moves with it (AUC 0.875 without, 0.874 with 0.25: flips are rare there), but a
 * reviser marks a lost "not" as a meaning error, so it costs a little.
 */
export const polarityCost = 0.25;

/** Share of the score a missing / non-accepted term costs, in proportion to the terms affected. */
const missingTermCost = 0.3;
const otherTermCost = 0.1;

export interface TranslationFeatures {
  chrf: number;
  /** chrF after dictionary synonyms in the answer were replaced by the reference's words. */
  chrfSynonyms: number;
  /** Share of the answer's content units neither in the reference nor explained by the source; 0 without evidence. */
  extra: number;
  /** Share of the source words the reference renders that the answer leaves out; 0 without evidence. */
  missing: number;
  divergence?: Divergence;
  /** One of answer and reference is negated and the other is not ("Follow me" / "Don't follow me"). */
  polarityFlip?: boolean;
}

const zhNegation = /[不没别非未无莫勿]/u;

/** Whether a text says no: a negation word (English) or a negating character (Chinese). */
function negated(units: string[], lang: Lang): boolean {
  return lang === 'en' ? units.some((u) => contentKey(u) === 'not') : units.some((u) => zhNegation.test(u));
}

export function gradeTranslation(input: TranslationInput, evidence?: GradingEvidence): GradeResult {
  const { direction } = input;
  const lang: Lang = direction === 'zh-en' ? 'en' : 'zh';
  const terms = input.terms?.length ? termCoverage(input, evidence) : undefined;
  const diff = diffTokens(input.answer, input.reference, lang, evidence);
  const base = { diff, matched: input.reference, ...(terms ? { terms } : {}) };
  const features = translationFeatures(input, evidence);
  if (!features) return { ...base, score: 0, suggestion: 1, reason: 'no answer' };

  const { a, b, c } = scoreShape[direction];
  const withSource = features.divergence !== undefined;
  let score = withSource
    ? features.chrfSynonyms ** c * (1 - features.extra) ** a * (1 - features.missing) ** b
    : features.chrfSynonyms;
  if (features.polarityFlip) score *= 1 - polarityCost;
  if (terms) {
    const missing = terms.filter((t) => t.status === 'missing').length / terms.length;
    const other = terms.filter((t) => t.status === 'other').length / terms.length;
    score *= 1 - missingTermCost * missing - otherTermCost * other;
  }
  score = Math.min(1, Math.max(0, score));
  const t = (withSource ? translationThresholds : chrfOnlyThresholds)[direction];
  let suggestion: Suggestion = score < t.again ? 1 : score < t.good ? 2 : score < t.easy ? 3 : 4;
  let reason = suggestion === 3 ? 'close to the reference' : suggestion === 4 ? 'matches the reference' : problem(features);
  // A term missing is an error a reviser would mark; another rendering is a consistency warning.
  if (terms?.some((x) => x.status === 'missing') && suggestion > 2) {
    suggestion = 2;
    reason = 'a known term is missing';
  } else if (terms?.some((x) => x.status === 'other') && suggestion > 3) {
    suggestion = 3;
    reason = 'a term is rendered differently from the glossary';
  }
  return { ...base, score: round(score), suggestion, reason };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The main thing wrong with a low-scoring answer, in a few words. */
function problem(f: TranslationFeatures): string {
  if (f.polarityFlip) return 'the negation differs from the reference';
  if (f.missing > 0 && f.missing >= f.extra) return 'leaves out part of the source';
  if (f.extra > 0) return 'says something the source does not';
  return f.chrfSynonyms < 0.3 ? 'far from the reference' : 'partly right';
}

/** Translation text compared as typed, but folded: punctuation stays (a "?" is meaning). */
function foldTranslation(text: string, lang: Lang, evidence?: GradingEvidence): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (evidence?.toSimplified) s = evidence.toSimplified(s).normalize('NFKC');
  s = s.replace(/[。｡]/g, '.').replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
  // Punctuation as separate units, so "it." and "it" share the word; an apostrophe inside a
  // word stays ("doesn't").
  s = s
    .replace(/(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])/gu, ' ')
    .replace(/([^\p{L}\p{N}\p{M}\s'])/gu, ' $1 ')
    .replace(/\s+/g, ' ')
    .trim();
  return lang === 'zh' ? s.replace(/ /g, '') : s;
}

/** Null for an empty answer. Exported for the calibration eval. */
export function translationFeatures(input: TranslationInput, evidence?: GradingEvidence): TranslationFeatures | null {
  const lang: Lang = input.direction === 'zh-en' ? 'en' : 'zh';
  const answer = foldTranslation(input.answer, lang, evidence);
  const reference = foldTranslation(input.reference, lang, evidence);
  if (!/[\p{L}\p{N}]/u.test(answer)) return null;
  if (answer === reference) return { chrf: 1, chrfSynonyms: 1, extra: 0, missing: 0 };
  const wordOrder = lang === 'en' ? 2 : 0;
  const refWords = lang === 'en' ? words(reference) : [];
  const score = (hypUnits: string[]): number => {
    const hyp = hypUnits.join(lang === 'en' ? ' ' : '');
    return chrfScore(chrfStats(charsOf(hyp), charsOf(reference), lang === 'en' ? hypUnits : [], refWords, { wordOrder }));
  };
  const answerUnits = lang === 'en' ? words(answer) : segmentZh(answer, evidence);
  const referenceUnits = lang === 'en' ? words(reference) : segmentZh(reference, evidence);
  const plain = score(answerUnits);
  const source = input.source ? foldTranslation(input.source, lang === 'en' ? 'zh' : 'en', evidence) : '';
  const links = evidence?.glosses ? new Links(evidence, input.direction, source) : null;
  if (!links) return { chrf: plain, chrfSynonyms: plain, extra: 0, missing: 0 };

  const substituted = links.substitute(answerUnits, referenceUnits);
  const synonyms = Math.max(plain, score(substituted));
  // Synonyms of reference words are neither extra content nor missing.
  const d = links.hasSource ? links.compare(substituted, answerUnits, referenceUnits, reference) : null;
  if (!d) return { chrf: plain, chrfSynonyms: synonyms, extra: 0, missing: 0 };
  const k = smoothing[input.direction];
  return {
    chrf: plain,
    chrfSynonyms: synonyms,
    polarityFlip: negated(answerUnits, lang) !== negated(referenceUnits, lang),
    extra: d.extra ? d.extra / (d.content + k) : 0,
    missing: d.missing ? d.missing / (d.rendered + k) : 0,
    divergence: d,
  };
}

/** Chinese words: the server's segmenter when given, else longest dictionary match, else characters. */
export function segmentZh(text: string, evidence?: GradingEvidence): string[] {
  if (evidence?.segment) return evidence.segment(text).filter((w) => w.trim());
  const glosses = evidence?.glosses;
  const chars = Array.from(text);
  if (!glosses) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let len = Math.min(4, chars.length - i);
    while (len > 1 && glosses(chars.slice(i, i + len).join('')).length === 0) len--;
    out.push(chars.slice(i, i + len).join(''));
    i += len;
  }
  return out;
}

/** Keys of English text: "to take part in" → take, part (with stop words: also to, in). */
function englishKeys(list: string[], withStopWords = false): Set<string> {
  const out = new Set<string>();
  for (const g of list) {
    for (const w of g.toLowerCase().split(/[^\p{L}\p{N}']+/u)) {
      const k = w && (withStopWords ? roughStem(w) : contentKey(w));
      if (k) out.add(k);
    }
  }
  return out;
}

/** Every shorter substring of a word (its dictionary parts are among them): 看电视 → 看, 电视, 电, 视… */
function parts(zh: string): string[] {
  const chars = Array.from(zh);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++)
    for (let j = i + 1; j <= chars.length; j++) if (j - i < chars.length) out.push(chars.slice(i, j).join(''));
  return out;
}

/** Glosses of a word that count for synonymy: CC-CEDICT lists the common senses first. */
const primarySenses = 3;

// Particles and measure words: a translation adds or drops them freely.
const zhFunctionWords = new Set(Array.from('的了吗呢吧啊呀嘛么哦啦着过地得把被所之个是很'));

/** Dictionary links between the answer, the reference and the source. */
class Links {
  private readonly cache = new Map<string, Set<string>>();
  /** en-zh: the source's English content keys, and all its keys (which explain 能 by "can"). */
  private readonly sourceKeys = new Set<string>();
  private readonly sourceAllKeys = new Set<string>();
  private readonly fullCache = new Map<string, Set<string>>();
  /** zh-en: per source word, the keys of its glosses. */
  private readonly sourceSenses: Set<string>[] = [];
  private readonly sourcePrimary: Set<string>[] = [];
  private readonly sourceAll = new Set<string>();

  constructor(
    private readonly evidence: GradingEvidence,
    private readonly direction: GradeDirection,
    source: string,
  ) {
    if (!source) return;
    if (direction === 'zh-en') {
      for (const word of segmentZh(source, evidence)) {
        if (!isHan(word)) continue;
        const senses = this.sensesOf(word);
        // Any gloss of a word or of its parts explains an answer word ("television" for 看电视);
        // only content words count as something the answer must render.
        for (const k of senses) this.sourceAll.add(k);
        for (const p of parts(word)) for (const k of englishKeys(evidence.glosses!(p))) this.sourceAll.add(k);
        if (senses.size && !zhFunctionWords.has(word)) {
          this.sourceSenses.push(senses);
          this.sourcePrimary.push(this.primarySensesOf(word));
        }
      }
    } else {
      for (const k of englishKeys([source])) this.sourceKeys.add(k);
      for (const k of englishKeys([source], true)) this.sourceAllKeys.add(k);
    }
  }

  get hasSource(): boolean {
    return this.direction === 'zh-en' ? this.sourceSenses.length > 0 : this.sourceKeys.size > 0;
  }

  /** Gloss keys of a Chinese word; a word the dictionary lacks borrows the glosses of its parts. */
  sensesOf(zh: string): Set<string> {
    let s = this.cache.get(zh);
    if (s) return s;
    const direct = this.evidence.glosses!(zh);
    s = englishKeys(direct);
    if (!direct.length) for (const p of parts(zh)) for (const g of englishKeys(this.evidence.glosses!(p))) s.add(g);
    this.cache.set(zh, s);
    return s;
  }

  /** Like sensesOf, stop words included. */
  private fullSensesOf(zh: string): Set<string> {
    let s = this.fullCache.get(zh);
    if (s) return s;
    const direct = this.evidence.glosses!(zh);
    s = englishKeys(direct, true);
    if (!direct.length) for (const p of parts(zh)) for (const g of englishKeys(this.evidence.glosses!(p), true)) s.add(g);
    this.fullCache.set(zh, s);
    return s;
  }

  /** Answer units replaced by the reference unit they are a dictionary synonym of. */
  substitute(answer: string[], reference: string[]): string[] {
    const refSet = new Set(reference);
    const unused = new Set(reference.filter((r) => !answer.includes(r)));
    return answer.map((unit) => {
      if (refSet.has(unit)) return unit;
      for (const r of unused) {
        if (this.synonyms(unit, r)) {
          unused.delete(r);
          return r;
        }
      }
      return unit;
    });
  }

  private synonyms(a: string, r: string): boolean {
    // Only the first senses count: a character like 点 has dozens, and would match anything.
    if (this.direction === 'en-zh') {
      if (!isHan(a) || !isHan(r) || zhFunctionWords.has(a) || zhFunctionWords.has(r)) return false;
      const sa = this.primarySensesOf(a);
      for (const g of this.primarySensesOf(r)) if (hasKey(sa, g)) return true;
      return false;
    }
    // English: two words are synonyms when one source word is glossed by both.
    const ka = contentKey(a);
    const kr = contentKey(r);
    if (!ka || !kr) return false;
    if (ka === kr) return true;
    return this.sourcePrimary.some((s) => hasKey(s, ka) && hasKey(s, kr));
  }

  private readonly primaryCache = new Map<string, Set<string>>();
  private primarySensesOf(zh: string): Set<string> {
    let s = this.primaryCache.get(zh);
    if (!s) {
      s = englishKeys(this.evidence.glosses!(zh).slice(0, primarySenses));
      this.primaryCache.set(zh, s);
    }
    return s;
  }

  /**
   * How far the answer strays from the source where the reference does not: its content units
   * neither in the reference nor explained by the source (extra), and the source words the
   * reference renders that the answer leaves out (missing).
   */
  compare(answer: string[], typed: string[], reference: string[], referenceText: string): Divergence {
    // `answer` has synonyms of reference words replaced (they are not extra); what the answer
    // renders is judged on both forms (the typed word may be the gloss of another source word).
    if (this.direction === 'zh-en') {
      const aKeys = answer.map(contentKey).filter((k): k is string => !!k);
      const rKeys = new Set(reference.map(contentKey).filter((k): k is string => !!k));
      const aSet = new Set([...aKeys, ...typed.map(contentKey).filter((k): k is string => !!k)]);
      const extra = aKeys.filter((k) => !hasKey(rKeys, k) && !hasKey(this.sourceAll, k)).length;
      const rendered = this.sourceSenses.filter((s) => [...s].some((k) => hasKey(rKeys, k)));
      const missing = rendered.filter((s) => ![...s].some((k) => hasKey(aSet, k))).length;
      return { extra, content: aKeys.length, missing, rendered: rendered.length };
    }
    const content = answer.filter((u) => isHan(u) && !zhFunctionWords.has(u));
    const extra = content.filter((u) => {
      if (referenceText.includes(u)) return false;
      const senses = this.fullSensesOf(u);
      return senses.size > 0 && ![...senses].some((k) => hasKey(this.sourceAllKeys, k));
    }).length;
    const keysOf = (units: string[]): Set<string> => {
      const out = new Set<string>();
      for (const u of units) {
        if (!isHan(u)) continue;
        const senses = this.sensesOf(u);
        for (const k of this.sourceKeys) if (hasKey(senses, k)) out.add(k);
      }
      return out;
    };
    const byReference = keysOf(reference);
    const byAnswer = keysOf([...answer, ...typed]);
    const missing = [...byReference].filter((k) => !byAnswer.has(k)).length;
    return { extra, content: content.length, missing, rendered: byReference.size };
  }
}

/** For each known term: did the answer use an accepted rendering, another one, or none? */
export function termCoverage(input: TranslationInput, evidence?: GradingEvidence): TermCoverage[] {
  const toEnglish = input.direction === 'zh-en';
  const answer = normalizeAnswer(input.answer, toEnglish ? 'en' : 'zh', evidence);
  const padded = ` ${answer} `;
  const containsEnglish = (phrase: string): boolean => {
    const p = normalizeAnswer(phrase, 'en', evidence);
    return p !== '' && padded.includes(` ${p} `);
  };
  return (input.terms ?? []).map((entry): TermCoverage => {
    const { zh } = entry;
    const accepted = acceptedOf(entry);
    if (toEnglish) {
      const hit = accepted.find(containsEnglish);
      if (hit !== undefined) return { zh, status: 'accepted', found: hit };
      // Another rendering: a dictionary gloss of the term that the glossary does not accept.
      const other = (evidence?.glosses?.(normalizeAnswer(zh, 'zh', evidence)) ?? [])
        .filter((g) => g.split(' ').length <= 6)
        .sort((a, b) => b.length - a.length)
        .find(containsEnglish);
      return other !== undefined ? { zh, status: 'other', found: other } : { zh, status: 'missing', found: null };
    }
    const term = normalizeAnswer(zh, 'zh', evidence);
    if (term && answer.includes(term)) return { zh, status: 'accepted', found: zh };
    // Another Chinese word glossed with one of the term's accepted English renderings.
    const wanted = new Set(accepted.map((a) => normalizeAnswer(a, 'en', evidence)));
    if (evidence?.glosses) {
      for (const word of segmentZh(answer, evidence)) {
        if (!isHan(word) || word.length < 2) continue;
        if (evidence.glosses(word).some((g) => wanted.has(normalizeAnswer(g, 'en', evidence)))) {
          return { zh, status: 'other', found: word };
        }
      }
    }
    return { zh, status: 'missing', found: null };
  });
}
