// Term answers: exact (after normalization) against the preferred rendering or a variant is
// Good; a near miss a teacher would only underline (typo, article, number, two list items
// swapped, pinyin instead of characters) is Hard, with what differs; anything else is Again.
import { diffTokens } from './diff.ts';
import { articles, normalizeAnswer, words, type Lang } from './normalize.ts';
import type { GradeDirection, GradeResult, GradingEvidence } from './types.ts';

export interface TermInput {
  answer: string;
  /** The preferred rendering first, then the variants. */
  accepted: string[];
  direction: GradeDirection;
  /** Tone-marked pinyin of the term ("wǎng luò"), for en→zh answers typed in pinyin. */
  pinyin?: string;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (!s.length) return t.length;
  if (!t.length) return s.length;
  let prev2 = new Array<number>(t.length + 1).fill(0);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = new Array<number>(t.length + 1);
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length];
}

/**
 * Typos forgiven for an answer of this many characters: none for very short words (where one
 * letter is another word: "tax"/"tab"), one up to 8, two up to 20, then three. Chinese allows one
 * character in four or more (a wrong homophone from the input method), two from eight.
 */
export function typoAllowance(length: number, lang: Lang): number {
  if (lang === 'zh') return length >= 8 ? 2 : length >= 4 ? 1 : 0;
  return length <= 3 ? 0 : length <= 8 ? 1 : length <= 20 ? 2 : 3;
}

const listSeparator = /\s*(?:,|;|、|，|；|\band\b|\bor\b|&)\s*/u;

/** Items of a short list ("poverty alleviation and rural revitalization", "前瞻性、精准性"). */
function listItems(text: string, lang: Lang, evidence?: GradingEvidence): string[] {
  const folded = text.normalize('NFKC').toLowerCase();
  return folded
    .split(listSeparator)
    .map((item) => normalizeAnswer(item, lang, evidence))
    .filter(Boolean);
}

/** Two items of a short list (at most five) swapped, all else equal. */
function swappedItems(answer: string, accepted: string, lang: Lang, evidence?: GradingEvidence): boolean {
  const a = listItems(answer, lang, evidence);
  const b = listItems(accepted, lang, evidence);
  if (a.length < 2 || a.length !== b.length || a.length > 5) return false;
  const differing = a.map((x, i) => (x === b[i] ? -1 : i)).filter((i) => i >= 0);
  return differing.length === 2 && a[differing[0]] === b[differing[1]] && a[differing[1]] === b[differing[0]];
}

const withoutArticles = (normalized: string): string => words(normalized).filter((w) => !articles.has(w)).join(' ');

const toneMarks = '\u0304\u0301\u030c\u0300';

/**
 * Pinyin as letters and tones: "wǎng luò", "wang3 luo4" and "Wang3luo4" all give letters
 * "wangluo" and tones [3, 4]. Neutral tones (no mark, or 5/0) are left out of the tones, so
 * syllables need not be found. ü may be typed as v or u:.
 */
export function pinyinKey(text: string): { letters: string; tones: number[] } | null {
  const decomposed = text.normalize('NFD').toLowerCase().replace(/u\u0308|u:/g, 'v');
  if (!/^[a-z\s\d'’:\u0300-\u036f-]+$/.test(decomposed)) return null;
  const tones: number[] = [];
  for (const ch of decomposed) {
    const mark = toneMarks.indexOf(ch);
    if (mark >= 0) tones.push(mark + 1);
    else if (ch >= '1' && ch <= '4') tones.push(Number(ch));
  }
  const letters = decomposed.replace(/[^a-z]/g, '');
  return letters ? { letters, tones } : null;
}

const latinOnly = /^[\p{Script=Latin}\p{M}\s\d'’:-]+$/u;

export function gradeTerm(input: TermInput, evidence?: GradingEvidence): GradeResult {
  const lang: Lang = input.direction === 'zh-en' ? 'en' : 'zh';
  const accepted = input.accepted.filter((a) => a.trim());
  const preferred = accepted[0] ?? '';
  const typed = input.answer.trim();
  const result = (score: number, suggestion: 1 | 2 | 3, matched: string, reason: string): GradeResult => ({
    score,
    suggestion,
    // A match after normalization has nothing to correct: case, width or script are not errors.
    diff: score === 1 ? [{ op: 'same', text: typed }] : diffTokens(typed, matched, lang, evidence),
    matched,
    reason,
  });
  // An answer that is only an article ("A" for a grade) keeps it: it is not empty.
  const onlyArticles = !normalizeAnswer(input.answer, lang, evidence) && /[\p{L}\p{N}]/u.test(input.answer);
  const options = { plurals: false, leadingArticles: !onlyArticles };
  const answer = normalizeAnswer(input.answer, lang, evidence, options);
  if (!answer) return result(0, 1, preferred, 'no answer');

  const forms = accepted.map((text, index) => ({
    text,
    index,
    exact: normalizeAnswer(text, lang, evidence, options),
  }));
  const exact = forms.find((f) => f.exact === answer);
  if (exact) return result(1, 3, exact.text, exact.index === 0 ? 'matches the preferred rendering' : 'matches a variant');

  if (lang === 'zh' && input.pinyin && latinOnly.test(input.answer)) {
    const typed = pinyinKey(input.answer);
    const wanted = pinyinKey(input.pinyin);
    if (typed && wanted && typed.letters === wanted.letters) {
      // Toneless pinyin is forgiven like marked pinyin: tone marks are awkward to type.
      const tonesRight = !typed.tones.length || typed.tones.join() === wanted.tones.join();
      if (tonesRight) return result(0.6, 2, preferred, 'pinyin only: type the characters');
      return result(0.3, 1, preferred, 'pinyin with wrong tones');
    }
  }

  // Near misses, the closest reason first.
  if (lang === 'en') {
    const answerStem = normalizeAnswer(input.answer, lang, evidence);
    const stemMatch = forms.find((f) => normalizeAnswer(f.text, lang, evidence) === answerStem);
    if (stemMatch) return result(0.8, 2, stemMatch.text, 'singular/plural differs');
    const bare = withoutArticles(answerStem);
    const articleMatch = forms.find((f) => withoutArticles(normalizeAnswer(f.text, lang, evidence)) === bare);
    if (articleMatch) return result(0.8, 2, articleMatch.text, 'an article differs');
  }
  const swapped = forms.find((f) => swappedItems(input.answer, f.text, lang, evidence));
  if (swapped) return result(0.8, 2, swapped.text, 'two list items swapped');

  let best = forms[0];
  let bestDistance = Infinity;
  for (const f of forms) {
    const d = editDistance(answer, f.exact);
    if (d < bestDistance) {
      best = f;
      bestDistance = d;
    }
  }
  if (!best) return result(0, 1, preferred, 'nothing to compare with');
  const length = Math.max(Array.from(answer).length, Array.from(best.exact).length);
  const similarity = Math.max(0, 1 - bestDistance / length);
  if (bestDistance <= typoAllowance(Array.from(best.exact).length, lang)) {
    return result(Math.min(0.9, similarity), 2, best.text, lang === 'zh' ? 'a character differs' : 'typo');
  }
  return result(Math.min(0.49, similarity / 2), 1, best.text, 'different from every accepted rendering');
}
