// English words with offsets, a light stemmer and the function words a term may contain inside
// but never start or end with.

export interface EnWord {
  text: string;
  start: number;
  end: number;
  /** Stem of the whole word (lowercased); hyphenated words also match through their parts. */
  stem: string;
  /** Stems of a hyphenated word's parts (long-term → long, term); empty otherwise. */
  parts: string[];
  /** A function word: allowed inside a span, never at its edges, never evidence. */
  function: boolean;
  /** Ends in a possessive 's (China's): a span ending here stops before it. */
  possessive: boolean;
  /** Ends in -ly (vigorously): alone, an adverb renders no term. */
  adverb: boolean;
  /** A word of eight letters or more, lowercased, its first three (a compound's head may start
   * there: cybersecurity); '' for shorter words. */
  head: string;
}

export const FUNCTION_WORDS = new Set(
  (
    'a an the of and or but nor to in on at by for from with without into onto upon over under ' +
    'as than that this these those which who whom whose what when where while whether if so such ' +
    'is are was were be been being am do does did done has have had having would shall should ' +
    'could might must not no its it their them they he she his her him we our us you your ' +
    'i me my all any each every both either neither some more most other another own same also ' +
    'very too just only even then there here about against between through during before after ' +
    'above below up down out off again further once well via per among within toward towards ' +
    "'s s"
  ).split(' '),
);

const WORD = /[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*/g;
const NO_PARTS: string[] = [];

// Everything about a word form but its offsets: the same forms fill every sentence.
type TokenInfo = Omit<EnWord, 'text' | 'start' | 'end'>;
const tokenCache = new Map<string, TokenInfo>();

function tokenInfo(token: string): TokenInfo {
  let info = tokenCache.get(token);
  if (info) return info;
  let raw = token;
  // Possessive 's belongs to the noun (China's → China) but stays inside the span offsets.
  const possessive = /['’]s$/i.test(raw);
  if (possessive) raw = raw.slice(0, -2);
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const parts = lower.includes('-') ? lower.split('-').filter((p) => p && !FUNCTION_WORDS.has(p)).map(stem) : NO_PARTS;
  info = { stem: stem(lower), parts, function: FUNCTION_WORDS.has(lower), possessive, adverb: /ly$/i.test(token), head: token.length >= 8 ? token.slice(0, 3).toLowerCase() : '' };
  if (tokenCache.size > 200_000) tokenCache.clear();
  tokenCache.set(token, info);
  return info;
}

/** English words of a sentence with their offsets, stems and function-word flags. */
export function englishWords(text: string): EnWord[] {
  const out: EnWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const info = tokenInfo(m[0]);
    out.push({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      stem: info.stem,
      parts: info.parts,
      function: info.function,
      possessive: info.possessive,
      adverb: info.adverb,
      head: info.head,
    });
  }
  return out;
}

const NOT_WORD = /[^a-z0-9'’-]+/;
const EDGE_MARK = /^['’-]|['’-]$/;
const EDGE_MARKS = /^['’-]+|['’-]+$/g;

// Lowercased word → its stem, or '' for a function word: one lookup per word of every sentence.
const contentCache = new Map<string, string>();

/** The distinct content-word stems of a sentence: the cheap form association statistics need. */
export function contentStemSet(text: string): string[] {
  const out = new Set<string>();
  for (let w of text.toLowerCase().split(NOT_WORD)) {
    if (!w) continue;
    let st = contentCache.get(w);
    if (st === undefined) {
      const raw = w;
      if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
      // Quotes and dashes around a word: 'this → this.
      if (EDGE_MARK.test(w)) w = w.replace(EDGE_MARKS, '');
      st = !w || FUNCTION_WORDS.has(w) ? '' : stem(w);
      if (contentCache.size > 200_000) contentCache.clear();
      contentCache.set(raw, st);
    }
    if (st) out.add(st);
  }
  return [...out];
}

const stemCache = new Map<string, string>();

// Ordered longest first; the stem keeps at least three letters so "uses"/"used" meet at "us".
const SUFFIXES = [
  'izations', 'ization', 'isms', 'ism', 'ists', 'ist', 'ational', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment',
  'nesses', 'ness', 'iety', 'ially', 'ial', 'ities', 'ity', 'ances', 'ance', 'ences', 'ence', 'ings', 'ing', 'ives', 'ive',
  'ically', 'ical', 'ally', 'ates', 'ated', 'ate', 'ions', 'ion', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e', 'y', 'al', 'ic', 'at',
];

// Suffixes grouped by their last letter, keeping their order: one short list per word.
const SUFFIXES_BY_LAST = new Map<string, string[]>();
for (const s of SUFFIXES) {
  const last = s.charAt(s.length - 1);
  const list = SUFFIXES_BY_LAST.get(last);
  if (list) list.push(s);
  else SUFFIXES_BY_LAST.set(last, [s]);
}

/** A light stemmer: governance/governing/govern → govern, innovation/innovating → innov. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase();
  if (w.length > 3 && !/^\d/.test(w)) {
    for (let round = 0; round < 2; round++) {
      const bucket = SUFFIXES_BY_LAST.get(w.charAt(w.length - 1));
      const suffix = bucket?.find((s) => w.endsWith(s) && w.length - s.length >= 3);
      if (!suffix) break;
      w = w.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') w += 'y';
      if (/(.)\1$/.test(w) && !/(ss|ll)$/.test(w)) w = w.slice(0, -1);
    }
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}

const phraseCache = new Map<string, string[]>();

/** Stems of the content words of an English phrase (a gloss), with hyphen parts added. */
export function contentStems(phrase: string): string[] {
  let out = phraseCache.get(phrase);
  if (out) return out;
  out = [];
  // englishWords' reading of the phrase, without the offsets and word objects a gloss never needs.
  for (const m of phrase.matchAll(WORD)) {
    const info = tokenInfo(m[0]);
    if (info.function) continue;
    out.push(info.stem);
    for (const part of info.parts) out.push(part);
  }
  if (phraseCache.size > 100_000) phraseCache.clear();
  phraseCache.set(phrase, out);
  return out;
}
