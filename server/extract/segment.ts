// Chinese word segmentation: the only module that imports nodejieba. Everything else sees plain
// tokens, so a change of segmenter (or of its dictionaries) stays in this file.
import nodejieba from 'nodejieba';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TaggedWord {
  word: string;
  /** jieba's (ICTCLAS-style) part of speech: n, nr, ns, nt, v, vn, a, d, uj, x, m … */
  tag: string;
  /** Offsets of the word in the segmented text: callers need them, and the words are cached. */
  start: number;
  end: number;
}

// Words jieba's dictionary lacks or cuts wrongly in political and news prose: set phrases it
// breaks into fragments (风清气正 → 风清气/正), coinages of the field. Added once, at first use.
const USER_WORDS: [word: string, tag: string][] = [
  ['风清气正', 'i'],
  ['守正创新', 'i'],
  ['源清则流清', 'i'],
  ['命运共同体', 'n'],
  ['自媒体', 'n'],
  ['正能量', 'n'],
  ['网信', 'n'],
  ['多频道', 'n'],
  // "manage and govern the internet", not 管网 "pipe network" + 治网.
  ['管网治网', 'i'],
  ['补短板', 'i'],
  ['亮剑', 'i'],
  ['固根基', 'i'],
  ['分众化', 'vn'],
  ['精准化', 'vn'],
  ['利益链', 'n'],
  ['产业链', 'n'],
  ['人工智能', 'n'],
  ['人民至上', 'i'],
  ['十八大', 'n'],
  ['十九大', 'n'],
  ['二十大', 'n'],
  ['大数据', 'n'],
  ['网络安全', 'n'],
  ['数据安全', 'n'],
  ['高质量发展', 'n'],
  ['全过程人民民主', 'n'],
  ['新质生产力', 'n'],
  ['一带一路', 'n'],
  ['人类命运共同体', 'n'],
];

// Tokens jieba keeps whole although they straddle a word boundary in this register:
// in "时建中" 建中 is the given name, and elsewhere 建中 is 在建中 "under construction".
const SPLIT_EXCEPTIONS = new Map<string, { word: string; tag: string }[]>([
  ['建中', [{ word: '建', tag: 'v' }, { word: '中', tag: 'f' }]],
]);

// Bound suffixes that make abstract nouns (前瞻性, 精准化, 知名度); jieba often leaves them loose.
const NOMINAL_SUFFIXES = new Set(['性', '化', '度', '率', '感']);

const USER_SET = new Map(USER_WORDS);
const USER_MAX = Math.max(...USER_WORDS.map(([w]) => w.length));
// Every proper prefix of a user word: where a join may start or continue.
const USER_PREFIXES = new Set(USER_WORDS.flatMap(([w]) => [...w].map((_, i) => w.slice(0, i + 1)).slice(0, -1)));

let ready = false;

let packed: Map<string, number> = new Map();
let totalFreq = 1;

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('nodejieba')), 'submodules/cppjieba/dict');
}

function ensureLoaded(): void {
  if (ready) return;
  // nodejieba loads its dictionaries on first call; a second load() would cost another second.
  // Its default load also reads a 6 MB IDF table for keyword extraction, which we never use
  // (idf() below is derived from the main dictionary): given a one-line table instead, the
  // segmenter is ready about 0.15 s sooner at every start (1.26 s instead of 1.43 s here).
  const idfTable = fileURLToPath(new URL('./jieba-idf.utf8', import.meta.url));
  if (existsSync(idfTable)) nodejieba.load({ idfDict: idfTable });
  for (const [word, tag] of USER_WORDS) nodejieba.insertWord(word, tag);
  // nodejieba.tag() is cut() plus a dictionary lookup per word, at twice cut()'s cost; the same
  // lookup in a JS Map is nearly free, so we read the tags once and tag cut()'s words ourselves.
  // Lines are "word frequency tag"; both are kept, the frequency for idf().
  // One Map entry per word, frequency and tag packed in one small integer (frequency × 64 + the
  // tag's index): a third of a million entries stay cheap for the garbage collector.
  const map = new Map<string, number>();
  let total = 0;
  const text = readFileSync(join(dictDir(), 'jieba.dict.utf8'), 'utf8');
  for (let at = 0; at < text.length; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    const a = text.indexOf(' ', at);
    const b = text.lastIndexOf(' ', nl);
    if (a > at && b > a && b < nl) {
      const f = Math.min(Number(text.slice(a + 1, b)), 2 ** 24);
      map.set(text.slice(at, a), f * 64 + tagIndex(text.slice(b + 1, nl).trim()));
      total += f;
    }
    at = nl + 1;
  }
  for (const [word, tag] of USER_WORDS) map.set(word, (map.get(word) ?? 0) - ((map.get(word) ?? 0) % 64) + tagIndex(tag));
  packed = map;
  totalFreq = total;
  ready = true;
}

const TAGS: string[] = [];
const TAG_INDEX = new Map<string, number>();

function tagIndex(tag: string): number {
  let i = TAG_INDEX.get(tag);
  if (i === undefined) {
    i = TAGS.length;
    TAGS.push(tag);
    TAG_INDEX.set(tag, i);
  }
  return i;
}

function posOf(word: string): string | undefined {
  const v = packed.get(word);
  return v === undefined ? undefined : TAGS[v % 64];
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether the word is ASCII letters and digits only. */
function asciiAlnum(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!(isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return word.length > 0;
}

/** cppjieba's rule for words outside its dictionary: digits → m, Latin → eng, otherwise x. */
function specialTag(word: string): string {
  let ascii = 0;
  let digits = 0;
  for (let i = 0; i < word.length && ascii < word.length / 2; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x80) {
      ascii++;
      if (c >= 48 && c <= 57) digits++;
    }
  }
  if (ascii === 0 || !/[A-Za-z0-9]/.test(word)) return 'x';
  return digits === ascii ? 'm' : 'eng';
}

const HAN = /\p{Script=Han}/u;

// Sentence alignment and term extraction both segment every Chinese sentence of an import;
// the second pass is served from here. Bounded (two million characters, a few tens of MB of
// tokens: several large imports) so a long-running server does not grow.
const tagCache = new Map<string, readonly TaggedWord[]>();
const TAG_CACHE_CHARS = 2_000_000;
let tagCacheChars = 0;

/**
 * Segments Chinese text into words, with parts of speech, applying our user dictionary and
 * fixes. The result is shared between callers: treat it as read-only.
 */
export function tag(text: string): readonly TaggedWord[] {
  if (!text) return [];
  const cached = tagCache.get(text);
  if (cached) return cached;
  const out = tagUncached(text);
  if (tagCacheChars + text.length > TAG_CACHE_CHARS) {
    tagCache.clear();
    tagCacheChars = 0;
  }
  tagCache.set(text, out);
  tagCacheChars += text.length;
  return out;
}

function tagUncached(text: string): TaggedWord[] {
  ensureLoaded();
  const words = nodejieba.cut(text);
  const out: TaggedWord[] = [];
  let at = 0;
  // One pass: join runs spelling a user word, split exceptions, glue nominal suffixes.
  for (let i = 0; i < words.length; i++) {
    let word = words[i];
    let pos: string | undefined;
    // nodejieba's cut (without its HMM, which would glue unknown Chinese characters together)
    // spells what its dictionary lacks letter by letter: N/H/S, i/P/h/o/n/e, and 6/./9. A run of
    // ASCII letters and digits, with a decimal point between digits, is one word again.
    if (asciiAlnum(word) && i + 1 < words.length) {
      let j = i;
      for (;;) {
        const next = words[j + 1];
        if (next !== undefined && asciiAlnum(next)) j++;
        else if (next === '.' && isDigit(words[j].charCodeAt(words[j].length - 1)) && j + 2 < words.length && isDigit(words[j + 2].charCodeAt(0)) && asciiAlnum(words[j + 2])) j += 2;
        else break;
      }
      if (j > i) {
        word = words.slice(i, j + 1).join('');
        i = j;
        // 6.9 is a number, 5G and 737MAX are words (cppjieba's rule below reads half the word).
        pos = /[A-Za-z]/.test(word) ? 'eng' : 'm';
      }
    }
    // jieba's inserted words lose to its own dictionary's paths (自/媒体, 大/数据): a run of
    // words spelling a user word is joined. Most words start no user word and cost one lookup.
    if (USER_PREFIXES.has(word)) {
      let joined = word;
      for (let j = i + 1; j < words.length && joined.length < USER_MAX; j++) {
        joined += words[j];
        const userTag = USER_SET.get(joined);
        if (userTag) {
          word = joined;
          pos = userTag;
          i = j;
          break;
        }
        if (!USER_PREFIXES.has(joined)) break;
      }
    }
    if (pos === undefined) {
      const split = SPLIT_EXCEPTIONS.get(word);
      if (split) {
        for (const t of split) {
          out.push({ word: t.word, tag: t.tag, start: at, end: at + t.word.length });
          at += t.word.length;
        }
        continue;
      }
      const prev = out[out.length - 1];
      // 精准 + 性 → 精准性: a nominal suffix glued to a two-character stem becomes one noun.
      if (
        word.length === 1 &&
        prev &&
        NOMINAL_SUFFIXES.has(word) &&
        prev.word.length === 2 &&
        HAN.test(prev.word) &&
        !NOMINAL_SUFFIXES.has(prev.word.charAt(1))
      ) {
        out[out.length - 1] = { word: prev.word + word, tag: word === '化' ? 'vn' : 'n', start: prev.start, end: prev.end + word.length };
        at += word.length;
        continue;
      }
      pos = posOf(word) ?? specialTag(word);
    }
    out.push({ word, tag: pos, start: at, end: at + word.length });
    at += word.length;
  }
  return out;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/**
 * The words of `text` that hold no Latin letter or digit, as tag() segments it: what sentence
 * alignment needs (numbers and Latin tokens it reads from the text itself). Served from tag()'s
 * cache, so term extraction does not segment the same sentence a second time; jieba keeps runs
 * of letters and digits apart from Chinese words, so this is the segmentation of the text with
 * them blanked (1077 of WMT18's 1078 such sentences alike; T恤 is the exception).
 */
export function tagWithoutLatin(text: string): readonly TaggedWord[] {
  const words = tag(text);
  if (!LATIN_OR_DIGIT.test(text)) return words;
  return words.filter((t) => !LATIN_OR_DIGIT.test(t.word));
}

/**
 * nodejieba's own segmentation of `text`, loaded as tag() loads it but without duizhao's tagging,
 * joins and cache: the floor `npm run bench` measures extraction against.
 */
export function jiebaCut(text: string): string[] {
  ensureLoaded();
  return nodejieba.cut(text);
}

/** Segments Chinese text into words; the concatenation of the words is the input text. */
export function cut(text: string): string[] {
  return tag(text).map((t) => t.word);
}

// A word jieba's dictionary lacks is rare: new coinages and names are what we look for.
const UNKNOWN_IDF = 11;

/**
 * Inverse document frequency of a word (higher = rarer), on the scale of jieba's idf.utf8
 * (发展 ≈ 4, 民意 ≈ 8, 乱象 ≈ 11). Derived from the frequencies of jieba's main dictionary,
 * which is already in memory: reading idf.utf8 as well would cost a third of a second.
 */
export function idf(word: string): number {
  ensureLoaded();
  const v = packed.get(word);
  const f = v === undefined ? 0 : Math.floor(v / 64);
  if (!f) return UNKNOWN_IDF;
  // Fitted on words present in both files: idf ≈ (ln(total / freq) − 0.8) / 1.45.
  return (Math.log(totalFreq / f) - 0.8) / 1.45;
}
