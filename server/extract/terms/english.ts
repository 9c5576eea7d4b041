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

const NO_PARTS: string[] = [];

// Word forms keyed by their characters where they lie: a lookup hashes and compares character
// codes in place, so the forms seen before (nearly every word of a corpus) cost no substring.
// Profiles of a cold import put Map lookups of freshly sliced words among the top costs.
class FormCache<V> {
  private keys: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private values: V[] = [];
  private size = 0;

  constructor(private readonly limit: number) {
    this.clear();
  }

  get(codes: Uint16Array, length: number, hash: number): V | undefined {
    const mask = this.hashes.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const key = this.keys[i];
      if (key === undefined) return undefined;
      if (this.hashes[i] === hash && key.length === length && sameCodes(key, codes, length)) return this.values[i];
    }
  }

  /** Past its limit: the owner clears it when that is safe (a long-lived server sees ever new forms). */
  get full(): boolean {
    return this.size >= this.limit;
  }

  /** Adds a form `get` did not find, under the hash its codes have in `get`. */
  add(key: string, hash: number, value: V): void {
    if (2 * ++this.size > this.hashes.length) this.grow();
    this.place(key, hash, value);
  }

  clear(): void {
    this.keys = new Array<string | undefined>(1024).fill(undefined);
    this.hashes = new Int32Array(1024);
    this.values = new Array<V>(1024);
    this.size = 0;
  }

  private place(key: string, hash: number, value: V): void {
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.keys[i] !== undefined) i = (i + 1) & mask;
    this.keys[i] = key;
    this.hashes[i] = hash;
    this.values[i] = value;
  }

  private grow(): void {
    const { keys, hashes, values } = this;
    this.keys = new Array<string | undefined>(2 * hashes.length).fill(undefined);
    this.hashes = new Int32Array(2 * hashes.length);
    this.values = new Array<V>(2 * hashes.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) this.place(key, hashes[i], values[i]);
    }
  }
}

function sameCodes(key: string, codes: Uint16Array, length: number): boolean {
  for (let k = 0; k < length; k++) if (key.charCodeAt(k) !== codes[k]) return false;
  return true;
}

// FNV-1a over UTF-16 code units, added to one unit at a time as a word is scanned.
const HASH_START = 0x811c9dc5 | 0;
const hashStep = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);

// The codes of the word being scanned; grown for the rare word longer than it.
let codes = new Uint16Array(256);

function pushCode(length: number, code: number): void {
  if (length === codes.length) {
    const longer = new Uint16Array(2 * length);
    longer.set(codes);
    codes = longer;
  }
  codes[length] = code;
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
// Inside a word, between letters or digits: long-term, China's, don’t.
const isJoiner = (c: number) => c === 45 || c === 39 || c === 0x2019;

// A word form as the sentence spells it, with everything about it but its offsets: the same
// forms fill every sentence.
type FormInfo = Omit<EnWord, 'start' | 'end'>;
const formCache = new FormCache<FormInfo>(200_000);

function formInfo(token: string): FormInfo {
  let raw = token;
  // Possessive 's belongs to the noun (China's → China) but stays inside the span offsets.
  const possessive = /['’]s$/i.test(raw);
  if (possessive) raw = raw.slice(0, -2);
  const lower = raw.toLowerCase().replace(/’/g, "'");
  const parts = lower.includes('-') ? lower.split('-').filter((p) => p && !FUNCTION_WORDS.has(p)).map(stem) : NO_PARTS;
  return { text: token, stem: stem(lower), parts, function: FUNCTION_WORDS.has(lower), possessive, adverb: /ly$/i.test(token), head: token.length >= 8 ? token.slice(0, 3).toLowerCase() : '' };
}

// Where the word scanWord last found lies in its text.
let wordStart = 0;
let wordEnd = 0;

/**
 * The first word at or after `from` (letters and digits, joined by single hyphens and
 * apostrophes), its offsets left in wordStart and wordEnd; null when none is left.
 */
function scanWord(text: string, from: number): FormInfo | null {
  const n = text.length;
  let i = from;
  while (i < n && !isAlnum(text.charCodeAt(i))) i++;
  if (i === n) return null;
  wordStart = i;
  let length = 0;
  let hash = HASH_START;
  for (;;) {
    let c: number;
    while (i < n && isAlnum((c = text.charCodeAt(i)))) {
      pushCode(length++, c);
      hash = hashStep(hash, c);
      i++;
    }
    // A joiner counts only with a letter or digit after it: "well-" ends before its hyphen.
    if (i + 1 < n && isJoiner((c = text.charCodeAt(i))) && isAlnum(text.charCodeAt(i + 1))) {
      pushCode(length++, c);
      hash = hashStep(hash, c);
      i++;
    } else break;
  }
  wordEnd = i;
  let info = formCache.get(codes, length, hash);
  if (!info) {
    info = formInfo(text.slice(wordStart, i));
    if (formCache.full) formCache.clear();
    formCache.add(info.text, hash, info);
  }
  return info;
}

/** English words of a sentence with their offsets, stems and function-word flags. */
export function englishWords(text: string): EnWord[] {
  const out: EnWord[] = [];
  for (let info = scanWord(text, 0); info; info = scanWord(text, wordEnd)) {
    out.push({
      text: info.text,
      start: wordStart,
      end: wordEnd,
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

const EDGE_MARK = /^['’-]|['’-]$/;
const EDGE_MARKS = /^['’-]+|['’-]+$/g;

// Lowercased word → the number of its content stem, or -1 for a function word: one lookup per
// word of every sentence. Numbering the stems lets a sentence drop repeats with a stamp per stem
// instead of a Set.
const contentCache = new FormCache<number>(200_000);
let stemOfNumber: string[] = [];
let numberOfStem = new Map<string, number>();
let seenIn = new Int32Array(1024);
let sentenceStamp = 0;

function contentStemNumber(word: string): number {
  let w = word;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  // Quotes and dashes around a word: 'this → this.
  if (EDGE_MARK.test(w)) w = w.replace(EDGE_MARKS, '');
  if (!w || FUNCTION_WORDS.has(w)) return -1;
  const st = stem(w);
  let number = numberOfStem.get(st);
  if (number === undefined) {
    number = stemOfNumber.length;
    numberOfStem.set(st, number);
    stemOfNumber.push(st);
    if (number === seenIn.length) {
      const longer = new Int32Array(2 * number);
      longer.set(seenIn);
      seenIn = longer;
    }
  }
  return number;
}

/** The distinct content-word stems of a sentence: the cheap form association statistics need. */
export function contentStemSet(text: string): string[] {
  // Between sentences, where no stamp is pending, a full cache starts over with its stem numbers.
  if (contentCache.full) {
    contentCache.clear();
    stemOfNumber = [];
    numberOfStem = new Map();
    seenIn = new Int32Array(1024);
  }
  const out: string[] = [];
  const stamp = ++sentenceStamp;
  const n = text.length;
  let length = 0;
  let hash = HASH_START;
  // The words of text.toLowerCase().split(/[^a-z0-9'’-]+/), read in place: toLowerCase turns
  // exactly two characters outside ASCII into such letters, the Kelvin sign into k and İ into
  // i and a combining dot (a separator).
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    else if (c === 0x212a) c = 107;
    else if (c === 0x130) {
      pushCode(length++, 105);
      hash = hashStep(hash, 105);
      c = 32;
    }
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 39 || c === 0x2019) {
      pushCode(length++, c);
      hash = hashStep(hash, c);
      continue;
    }
    if (!length) continue;
    let number = contentCache.get(codes, length, hash);
    if (number === undefined) {
      // apply, not a spread: spreading a typed array walks an iterator, an object per code.
      const word = String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
      number = contentStemNumber(word);
      contentCache.add(word, hash, number);
    }
    if (number >= 0 && seenIn[number] !== stamp) {
      seenIn[number] = stamp;
      out.push(stemOfNumber[number]);
    }
    length = 0;
    hash = HASH_START;
  }
  return out;
}

const stemCache = new Map<string, string>();

// Tried in this order, the first that fits wins; a stem keeps at least three letters. Exported
// for the test that holds stem() to its regular-expression specification.
export const SUFFIXES = [
  'izations', 'ization', 'isms', 'ism', 'ists', 'ist', 'ational', 'ations', 'ation', 'ements', 'ement', 'ments', 'ment',
  'nesses', 'ness', 'iety', 'ially', 'ial', 'ities', 'ity', 'ances', 'ance', 'ences', 'ence', 'ings', 'ing', 'ives', 'ive',
  'ically', 'ical', 'ally', 'ates', 'ated', 'ate', 'ions', 'ion', 'ers', 'er', 'ed', 'es', 'ly', 's', 'e', 'y', 'al', 'ic', 'at',
];

// Suffixes grouped by the code of their last letter, keeping their order: one short list per word.
const SUFFIXES_BY_LAST: (string[] | undefined)[] = [];
for (const s of SUFFIXES) (SUFFIXES_BY_LAST[s.charCodeAt(s.length - 1)] ??= []).push(s);

/** A light stemmer: governance/governing/govern → govern, innovation/innovating → innov. */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  let w = word.toLowerCase();
  const first = w.charCodeAt(0);
  // Character tests and loops rather than regular expressions and a closure: every new word form
  // of an import comes through here once, in a cold pass.
  if (w.length > 3 && !(first >= 48 && first <= 57)) {
    // A word in -ies or -ied is stemmed as its form in -y: batteries as battery, policies as
    // policy (as one more suffix, -ies took one of the two rounds, and battery lost one more).
    // Words in -ie (movies, cookies) have no such form; they stem as they did.
    if (w.length >= 6 && (w.endsWith('ies') || w.endsWith('ied'))) w = w.slice(0, -3) + 'y';
    for (let round = 0; round < 2; round++) {
      const suffix = suffixOf(w);
      if (suffix === undefined) break;
      w = w.slice(0, -suffix.length);
      // A doubled final letter (planned → plann → plan), except ss and ll.
      const n = w.length;
      const last = w.charCodeAt(n - 1);
      if (n >= 2 && last === w.charCodeAt(n - 2) && last !== 115 && last !== 108) w = w.slice(0, -1);
    }
  }
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, w);
  return w;
}

/** The first suffix in SUFFIXES the word ends with that leaves at least three letters. */
function suffixOf(w: string): string | undefined {
  const bucket = SUFFIXES_BY_LAST[w.charCodeAt(w.length - 1)];
  if (!bucket) return undefined;
  for (const s of bucket) if (w.length - s.length >= 3 && w.endsWith(s)) return s;
  return undefined;
}

const phraseCache = new Map<string, string[]>();

/** Stems of the content words of an English phrase (a gloss), with hyphen parts added. */
export function contentStems(phrase: string): string[] {
  let out = phraseCache.get(phrase);
  if (out) return out;
  out = [];
  // englishWords' reading of the phrase, without the offsets and word objects a gloss never needs.
  for (let info = scanWord(phrase, 0); info; info = scanWord(phrase, wordEnd)) {
    if (info.function) continue;
    out.push(info.stem);
    for (const part of info.parts) out.push(part);
  }
  if (phraseCache.size > 100_000) phraseCache.clear();
  phraseCache.set(phrase, out);
  return out;
}
