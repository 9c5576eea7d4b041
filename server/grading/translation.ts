// Sentence translation scoring: chrF against the reference (characters for Chinese output,
// chrF++ for English), lifted by dictionary evidence where the answer says the same thing in
// other words, lowered where it says things the source does not, and checked for the known
// terms of the source sentence.
import { charsOf, chrfScore, chrfStats } from './chrf.ts';
import { diffTokens } from './diff.ts';
import { contentForm } from './english.ts';
import { isHan, normalizeAnswer, stemWord, words, type Lang } from './normalize.ts';
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
 * Calibrated on Tatoeba (test/eval/grading.ts: tuned on the even-numbered half, reported on the
 * odd half). `again`: below it a valid alternative is rare and most near misses fall; `good`:
 * above it answers are almost all valid alternatives; `easy`: essentially the reference.
 */
export const translationThresholds = {
  'en-zh': { again: 0.3, good: 0.6, easy: 0.9 },
  'zh-en': { again: 0.3, good: 0.6, easy: 0.9 },
} as const;

/** How strongly source-side evidence (words the source does not explain) lowers the score. */
export const adequacyWeight = { 'en-zh': 0.5, 'zh-en': 0.5 } as const;

/** Share of the score a missing / non-accepted term costs, in proportion to the terms affected. */
const missingTermCost = 0.3;
const otherTermCost = 0.1;

export interface TranslationFeatures {
  chrf: number;
  /** chrF after dictionary synonyms in the answer were replaced by the reference's words. */
  chrfSynonyms: number;
  /** Share of the answer's content the source explains, relative to the reference's share; 1 without evidence. */
  adequacy: number;
  /** Share of the source's content words the answer renders, relative to the reference's; 1 without evidence. */
  coverage: number;
}

export function gradeTranslation(input: TranslationInput, evidence?: GradingEvidence): GradeResult {
  const { direction } = input;
  const lang: Lang = direction === 'zh-en' ? 'en' : 'zh';
  const terms = input.terms?.length ? termCoverage(input, evidence) : undefined;
  const diff = diffTokens(input.answer, input.reference, lang);
  const base = { diff, matched: input.reference, ...(terms ? { terms } : {}) };
  const features = translationFeatures(input, evidence);
  if (!features) return { ...base, score: 0, suggestion: 1, reason: 'no answer' };

  const w = adequacyWeight[direction];
  let score = features.chrfSynonyms * (1 - w + w * features.adequacy);
  if (terms) {
    const missing = terms.filter((t) => t.status === 'missing').length / terms.length;
    const other = terms.filter((t) => t.status === 'other').length / terms.length;
    score *= 1 - missingTermCost * missing - otherTermCost * other;
  }
  score = Math.min(1, Math.max(0, score));
  const t = translationThresholds[direction];
  let suggestion: Suggestion = score < t.again ? 1 : score < t.good ? 2 : score < t.easy ? 3 : 4;
  let reason =
    suggestion === 1 ? 'far from the reference' : suggestion === 2 ? 'partly right' : suggestion === 3 ? 'close to the reference' : 'matches the reference';
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

/** Translation text compared as typed, but folded: punctuation stays (a "?" is meaning). */
function foldTranslation(text: string, lang: Lang, evidence?: GradingEvidence): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (evidence?.toSimplified) s = evidence.toSimplified(s).normalize('NFKC');
  s = s.replace(/[。｡]/g, '.').replace(/[‘’`´]/g, "'").replace(/[“”]/g, '"');
  // Punctuation as separate units, so "it." and "it" share the word.
  s = s.replace(/([\p{P}\p{S}])/gu, ' $1 ').replace(/\s+/g, ' ').trim();
  return lang === 'zh' ? s.replace(/ /g, '') : s;
}

/** Null for an empty answer. Exported for the calibration eval. */
export function translationFeatures(input: TranslationInput, evidence?: GradingEvidence, beta = 2): TranslationFeatures | null {
  const lang: Lang = input.direction === 'zh-en' ? 'en' : 'zh';
  const answer = foldTranslation(input.answer, lang, evidence);
  const reference = foldTranslation(input.reference, lang, evidence);
  if (!/[\p{L}\p{N}]/u.test(answer)) return null;
  if (answer === reference) return { chrf: 1, chrfSynonyms: 1, adequacy: 1, coverage: 1 };
  const wordOrder = lang === 'en' ? 2 : 0;
  const refWords = lang === 'en' ? words(reference) : [];
  const score = (hypUnits: string[]): number => {
    const hyp = hypUnits.join(lang === 'en' ? ' ' : '');
    return chrfScore(chrfStats(charsOf(hyp), charsOf(reference), lang === 'en' ? hypUnits : [], refWords, { wordOrder }), beta);
  };
  const answerUnits = lang === 'en' ? words(answer) : segmentZh(answer, evidence);
  const referenceUnits = lang === 'en' ? words(reference) : segmentZh(reference, evidence);
  const plain = score(answerUnits);
  const source = input.source ? foldTranslation(input.source, lang === 'en' ? 'zh' : 'en', evidence) : '';
  const links = evidence?.glosses ? new Links(evidence, input.direction, source) : null;
  if (!links) return { chrf: plain, chrfSynonyms: plain, adequacy: 1, coverage: 1 };

  const substituted = links.substitute(answerUnits, referenceUnits);
  const synonyms = Math.max(plain, score(substituted));
  let adequacy = 1;
  let coverage = 1;
  if (source) {
    adequacy = relative(links.explainedShare(answerUnits), links.explainedShare(referenceUnits));
    coverage = relative(links.sourceCovered(answerUnits), links.sourceCovered(referenceUnits));
  }
  return { chrf: plain, chrfSynonyms: synonyms, adequacy, coverage };
}

/** The answer's share relative to the reference's: the dictionary's gaps hit both alike. */
function relative(answer: number | null, reference: number | null): number {
  if (answer === null) return 1;
  if (reference === null || reference === 0) return answer === 0 ? 1 : Math.min(1, answer);
  return Math.min(1, answer / reference);
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

/** Content words of English glosses, stemmed: "to take part in" → part, take. */
function glossWords(list: string[]): Set<string> {
  const out = new Set<string>();
  for (const g of list) {
    for (const w of g.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
      const c = w && contentForm(w);
      if (c) out.add(stemWord(c));
    }
  }
  return out;
}

/** Dictionary links between the answer, the reference and the source. */
class Links {
  private readonly cache = new Map<string, Set<string>>();
  /** zh-en: English words the source's Chinese words can be rendered with; en-zh: the source's English content words. */
  private readonly sourceWords = new Set<string>();
  /** zh-en: per source word, its gloss words (a reference word and an answer word sharing one are synonyms here). */
  private readonly sourceSenses: Set<string>[] = [];

  constructor(
    private readonly evidence: GradingEvidence,
    private readonly direction: GradeDirection,
    source: string,
  ) {
    if (!source) return;
    if (direction === 'zh-en') {
      for (const word of segmentZh(source, evidence)) {
        const senses = this.sensesOf(word);
        this.sourceSenses.push(senses);
        for (const s of senses) this.sourceWords.add(s);
      }
    } else {
      for (const w of words(source)) {
        const c = contentForm(w);
        if (c) this.sourceWords.add(stemWord(c));
      }
    }
  }

  /** Gloss words of a Chinese word; a word the dictionary lacks borrows its characters' glosses. */
  sensesOf(zh: string): Set<string> {
    let s = this.cache.get(zh);
    if (s) return s;
    const direct = this.evidence.glosses!(zh);
    s = glossWords(direct);
    if (!direct.length && zh.length > 1) for (const ch of zh) for (const g of this.sensesOf(ch)) s.add(g);
    this.cache.set(zh, s);
    return s;
  }

  private englishKey(word: string): string | null {
    const c = contentForm(word);
    return c && stemWord(c);
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
    if (this.direction === 'en-zh') {
      if (!isHan(a) || !isHan(r)) return false;
      const sa = this.sensesOf(a);
      for (const g of this.sensesOf(r)) if (sa.has(g)) return true;
      return false;
    }
    // English: two words are synonyms when one source word is glossed by both.
    const ka = this.englishKey(a);
    const kr = this.englishKey(r);
    if (!ka || !kr || ka === kr) return false;
    return this.sourceSenses.some((s) => s.has(ka) && s.has(kr));
  }

  /** Share of the source's content words some unit of the text renders; null when none can be judged. */
  sourceCovered(units: string[]): number | null {
    if (this.direction === 'zh-en') {
      const keys = new Set(units.map((u) => this.englishKey(u)).filter((k): k is string => !!k));
      const judged = this.sourceSenses.filter((s) => s.size > 0);
      if (!judged.length) return null;
      return judged.filter((s) => [...s].some((g) => keys.has(g))).length / judged.length;
    }
    if (!this.sourceWords.size) return null;
    const rendered = new Set<string>();
    for (const unit of units) if (isHan(unit)) for (const g of this.sensesOf(unit)) if (this.sourceWords.has(g)) rendered.add(g);
    return rendered.size / this.sourceWords.size;
  }

  /** Share of the text's content units the source explains; null when it has none to judge. */
  explainedShare(units: string[]): number | null {
    let judged = 0;
    let explained = 0;
    for (const unit of units) {
      if (this.direction === 'zh-en') {
        const k = this.englishKey(unit);
        if (!k) continue;
        judged++;
        if (this.sourceWords.has(k)) explained++;
      } else {
        if (!isHan(unit)) continue;
        const senses = this.sensesOf(unit);
        if (!senses.size) continue;
        judged++;
        for (const g of senses)
          if (this.sourceWords.has(g)) {
            explained++;
            break;
          }
      }
    }
    return judged ? explained / judged : null;
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
