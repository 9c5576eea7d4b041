// Answer normalization: what a typed answer is compared as. Pure and dictionary-free (the
// client bundles it); simplified≡traditional only when the server passes evidence.toSimplified.
import type { GradingEvidence } from './types.ts';

export type Lang = 'zh' | 'en';

const han = /\p{Script=Han}/u;
export const isHan = (ch: string): boolean => han.test(ch);

// Articles are dropped only at the start: "the Belt and Road Initiative" is the term itself; an
// article dropped inside a phrase is a near miss that term grading reports separately.
export const articles = new Set(['the', 'a', 'an']);

/** NFKC folds full-width letters, digits and punctuation to half width; then case and spaces. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFKC');
}

/** Punctuation and symbols become spaces; apostrophes vanish so "people's" ≡ "peoples". */
function stripPunctuation(text: string): string {
  return text
    .replace(/['’‘`´]/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * British and American spellings meet on the American one (CATTI material mixes both), and
 * regular plurals lose their ending. Each rule's output cannot trigger a rule again, so the
 * stem of a stem is itself (normalization is idempotent).
 */
export function stemWord(word: string, plurals = true): string {
  let w = word;
  if (plurals && w.length > 3 && /[a-z]s$/.test(w)) {
    if (/ies$/.test(w) && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (/(?:sses|xes|ches|shes|zzes)$/.test(w)) w = w.slice(0, -2);
    else if (!/(?:ss|us|is|ys)$/.test(w)) w = w.slice(0, -1);
  }
  if (w.length > 5) {
    w = w
      .replace(/isation$/, 'ization')
      .replace(/([a-z]{2})is(e|ed|es|ing)$/, '$1iz$2')
      .replace(/([a-z]{2})our$/, '$1or')
      .replace(/([bt])re$/, '$1er')
      .replace(/([bt])red$/, '$1ered');
  }
  return w;
}

export interface NormalizeOptions {
  /** Strip regular plural endings (true for normalizeAnswer; term grading compares both ways). */
  plurals?: boolean;
  /** Drop leading articles (English). */
  leadingArticles?: boolean;
}

/**
 * The comparison form of an answer. English: NFKC, lower case, punctuation out, leading
 * articles out, light stemming. Chinese: the same folding, then simplified through the
 * evidence, and spaces removed (Chinese words are not separated by spaces).
 */
export function normalizeAnswer(
  text: string,
  lang: Lang,
  evidence?: GradingEvidence,
  options: NormalizeOptions = {},
): string {
  const plurals = options.plurals ?? true;
  let s = fold(text);
  if (evidence?.toSimplified) s = fold(evidence.toSimplified(s));
  s = stripPunctuation(s);
  if (lang === 'zh') {
    // Keep a space only between two Latin/digit runs ("gdp 增长" → "gdp增长").
    return s.replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
  }
  const out = s
    .split(' ')
    .filter(Boolean)
    .map((w) => stemWord(w, plurals));
  // After stemming: "thes" stems to "the", which must go too for idempotence.
  if (options.leadingArticles ?? true) while (out.length && articles.has(out[0])) out.shift();
  return out.join(' ');
}

/** Words of a normalized English string. */
export const words = (normalized: string): string[] => normalized.split(' ').filter(Boolean);
