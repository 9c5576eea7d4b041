// English spans for a Chinese candidate: every span of the aligned sentence is scored by how
// well its content words are explained by the candidate (dictionary glosses of the whole, of its
// words, of their characters; pinyin for names; association learned on the text) and by how much
// of the candidate they cover. Spans start and end on explained content words, so a rendering
// never begins or ends with "of", "the", "and" and never stops halfway through a phrase.
import { glosses, isKnownWord, nameInPinyin } from '../lexicon.ts';
import type { Association } from './association.ts';
import type { Candidate } from './candidates.ts';
import { contentStems, stem, type EnWord } from './english.ts';

export interface SpanChoice {
  start: number;
  end: number;
  /** Normalized key used to count renderings: lowercased, single spaces, no possessive 's. */
  key: string;
  text: string;
  score: number;
  /** Share of the candidate's characters the span renders, in [0, 1]. */
  coverage: number;
  /** The span begins at the sentence's first word (its capital may be only the sentence's). */
  initial: boolean;
  /**
   * A one-word candidate's span ending in an adjective that renders only modifiers of its
   * glosses, none's head: "Commercial" of 商务处 "commercial office", "criminal" of 犯罪行为
   * "criminal behavior". (Not a name.)
   */
  headless: boolean;
  /**
   * A one-word candidate's span rendering half of it or less, and that half a part: some of its
   * characters not rendered at all ("import" of 进口关税, "households" of 普通家庭), as happens
   * for words CC-CEDICT lacks, rendered through their known parts. (A dictionary word's own
   * glosses cover all its characters alike: half of "Glasgow, Scotland" leaves none of 格拉斯哥
   * unrendered.) Also a span leaving out a word's own final character, its head when no known
   * word ends there ("design" of 设计界 "design circles", "opening" of 开幕会). Not a name, and
   * not a whole gloss.
   */
  part: boolean;
}

/**
 * One gloss of one part of the candidate, the part given as a range of its characters. A span
 * covers those characters as far as it contains the gloss's content words: "China" alone covers
 * a sixth of 中国政法大学's gloss, and the 中国 of it entirely.
 */
interface GlossUnit {
  from: number;
  to: number;
  size: number;
  weight: number;
}

/** What a candidate can explain, built once per candidate and reused for every occurrence. */
export interface CandidateEvidence {
  /** The candidate's jieba words with their character ranges: the pieces association works on. */
  pieces: { word: string; from: number; to: number }[];
  chars: number;
  /** Characters that need no rendering (的 in 党的领导). */
  silent: Set<number>;
  units: GlossUnit[];
  /** Each unit's gloss (same index as units): what the shared stem index is built from. */
  glosses: PreparedGloss[];
  /** Whole glosses as phrases: a span equal to one is a perfect rendering. */
  phrases: Set<string>;
  /** bestSpan's scratch: unit → its local number in the sentence being aligned, -1 between calls. */
  localOf?: Int32Array;
  /** The lengths of `phrases`, for bestSpan: a span of another length is no whole gloss. */
  phraseLengths?: Set<number>;
  /**
   * Several words, not a name: a rendering of it holds no auxiliary ("crew is suspected", "Congress
   * has started"), no participle before "by" ("broadcast by satellite TV"), and ends in no past
   * form ("Moutai announced", "attackers camouflaged"): those are clauses.
   */
  multiword: boolean;
  /** A personal name, rendered through pinyin. */
  name: boolean;
  /**
   * Where a noun or more is followed by a final verb (网络空间治理, 全球变暖, but also 风险率降低),
   * the character at which the verb starts; -1 otherwise. Its rendering does not run the verb on
   * into an object ("reduce the risk"): a term's is a noun phrase ("tightening of monetary policy").
   */
  finalVerbFrom: number;
  /**
   * The characters a one-word candidate's rendering must not leave out altogether (see
   * SpanChoice.part): all of them but a light verb, causative, complement or suffix at an edge,
   * which English renders inside a word or not at all (令人鼓舞 "encouraging", 作出反应 "react",
   * 紧张局势 "tensions", 泄密者 "leakers").
   */
  coreFrom: number;
  coreTo: number;
  /**
   * The core of a one-word candidate of three characters or more ends in a character that is no
   * part of a known word there: a suffix of its own (厅 of 环保厅, 界 of 设计界, 额 of 进口额),
   * the head of the word, which a rendering must render.
   */
  loneHead: boolean;
}

const MAX_SPAN_WORDS = 9;
// What a span cutting a run of capitalized words keeps of its score.
const NAME_CUT = 0.9;
const MAX_UNIT_STEMS = 8;
// Characters are weaker evidence than words: 清 "clear" is only sometimes the 清 of 风清气正.
const CHAR_WEIGHT = 0.6;
const SUBWORD_WEIGHT = 0.85;
const MIN_DICE = 0.3;
// Association alone may start or end a span only when it is strong.
const EDGE_DICE = 0.45;

const HAN = /\p{Script=Han}/u;
const SILENT_CHARS = new Set(['的', '之']);

interface PreparedGloss {
  stems: string[];
  phrase: string;
  /** The stems as interned ids (same order), numbered in `epoch`. */
  stemIds: Int32Array;
  epoch: number;
  /** Ids of its words of three letters or more, unstemmed, and of their first three letters:
   * what splitting English compounds (cybersecurity) looks for. */
  wordIds: Int32Array;
  prefixIds: Int32Array;
  /** Bits of `stems` (by index) that are its head, the last word before any comma: a span holding
   * none of them renders a modifier of the gloss only. */
  head: number;
}

// Stems (of glosses and of the sentences aligned), gloss words and word prefixes as small
// integers, one number per distinct string: a candidate's evidence is then an index over typed
// arrays, rebuilt in place for each candidate, instead of a Map and its arrays allocated for each
// of thousands of candidates. Numbering starts over (a new epoch) when a long-running server has
// seen too many distinct words.
const ids = new Map<string, number>();
const MAX_IDS = 1_000_000;
let epoch = 0;

function idOf(text: string): number {
  let id = ids.get(text);
  if (id === undefined) {
    id = ids.size;
    ids.set(text, id);
  }
  return id;
}

/** The id of a string something has interned already, or -1: no gloss can contain it. */
function knownId(text: string): number {
  return ids.get(text) ?? -1;
}

// A gloss's distinct content stems and longer words, computed once per gloss text: the same
// glosses (of 网, of 治理…) come back for hundreds of candidates in a large import.
const prepared = new Map<string, PreparedGloss | null>();

function prepare(phrase: string): PreparedGloss | null {
  let p = prepared.get(phrase);
  if (p !== undefined) return p;
  const stems = [...new Set(contentStems(phrase))];
  if (stems.length && stems.length <= MAX_UNIT_STEMS) {
    const words = phrase.split(/[^a-z0-9-]+/).filter((w) => w.length >= 3);
    const stemIds = new Int32Array(stems.length);
    for (let k = 0; k < stems.length; k++) stemIds[k] = idOf(stems[k]);
    const wordIds = new Int32Array(words.length);
    const prefixIds = new Int32Array(words.length);
    for (let k = 0; k < words.length; k++) {
      wordIds[k] = idOf(words[k]);
      prefixIds[k] = idOf(words[k].slice(0, 3));
    }
    p = { stems, phrase, stemIds, epoch, wordIds, prefixIds, head: headBits(phrase, stems) };
  } else p = null;
  if (prepared.size > 200_000) prepared.clear();
  prepared.set(phrase, p);
  return p;
}

/** The bits of `stems` (a gloss's, by index) that its head word gives: "battery" of "lithium battery", "Glasgow" of "Glasgow, Scotland". */
function headBits(phrase: string, stems: string[]): number {
  const words = phrase.split(/[,;(]/)[0].split(/\s+/).filter((w) => /[a-z]/.test(w) && !/\d/.test(w));
  for (let i = words.length - 1; i >= 0; i--) {
    let bits = 0;
    for (const stem of contentStems(words[i])) {
      const k = stems.indexOf(stem);
      if (k >= 0) bits |= 1 << k;
    }
    if (bits) return bits;
  }
  // No head found (a gloss of digits, or of function words): every stem counts as one.
  return (1 << stems.length) - 1;
}

class EvidenceBuilder {
  readonly units: GlossUnit[] = [];
  readonly glosses: PreparedGloss[] = [];

  /**
   * Adds groups of prepared glosses, offsets relative to `at`. No range repeats a phrase: a
   * word's glosses are distinct, and the whole, a piece, its known subwords and its characters
   * never share a range.
   */
  addAll(groups: readonly GlossGroup[], at: number): void {
    for (const g of groups) {
      for (const p of g.list) {
        this.glosses.push(p);
        this.units.push({ from: at + g.from, to: at + g.to, size: p.stems.length, weight: g.weight });
      }
    }
  }
}

/** The usable glosses of a word, or of a part of a word, with the characters they cover. */
interface GlossGroup {
  list: readonly PreparedGloss[];
  from: number;
  to: number;
  weight: number;
}

// A word's usable glosses, prepared once: the same characters and words recur across thousands
// of candidates as pieces, subwords and characters.
const wordGlossCache = new Map<string, readonly PreparedGloss[]>();
const NO_GLOSSES: readonly PreparedGloss[] = [];

function preparedGlosses(word: string): readonly PreparedGloss[] {
  let out = wordGlossCache.get(word);
  if (out) return out;
  const list: PreparedGloss[] = [];
  for (const g of glosses(word)) {
    const p = prepare(g);
    if (p) list.push(p);
  }
  out = list.length ? list : NO_GLOSSES;
  if (wordGlossCache.size > 100_000) wordGlossCache.clear();
  wordGlossCache.set(word, out);
  return out;
}

// pieceGlosses by its two flags (bit 1: own glosses, bit 0: characters): the same words are
// pieces of many candidates.
const pieceCache = [new Map<string, GlossGroup[]>(), new Map<string, GlossGroup[]>(), new Map<string, GlossGroup[]>(), new Map<string, GlossGroup[]>()];

/** What a jieba word contributes to a candidate it is a piece of, offsets relative to the word. */
function pieceGlosses(word: string, ownGlosses: boolean, chars: boolean): GlossGroup[] {
  const cache = pieceCache[(ownGlosses ? 2 : 0) + (chars ? 1 : 0)];
  let out = cache.get(word);
  if (out) return out;
  out = wordGlossGroups(word, ownGlosses, chars);
  if (cache.size > 100_000) cache.clear();
  cache.set(word, out);
  return out;
}

function wordGlossGroups(word: string, ownGlosses: boolean, chars: boolean): GlossGroup[] {
  const out: GlossGroup[] = [];
  const add = (list: readonly PreparedGloss[], from: number, to: number, weight: number) => {
    if (list.length) out.push({ list, from, to, weight });
  };
  if (ownGlosses) add(preparedGlosses(word), 0, word.length, word.length === 1 ? CHAR_WEIGHT : 1);
  // Known words inside a longer word: 频道 in 多频道, 创新 in 守正创新, 集中 in 集中统一.
  if (word.length >= 3) {
    for (let i = 0; i < word.length; i++) {
      for (let j = i + 2; j <= word.length && j - i < word.length; j++) {
        const sub = word.slice(i, j);
        if (isKnownWord(sub)) add(preparedGlosses(sub), i, j, SUBWORD_WEIGHT);
      }
    }
  }
  if (chars && word.length >= 2) {
    for (let i = 0; i < word.length; i++) {
      const ch = word[i];
      if (HAN.test(ch) && !SILENT_CHARS.has(ch)) add(preparedGlosses(ch), i, i + 1, CHAR_WEIGHT);
    }
  }
  return out;
}

function evidence(
  b: EvidenceBuilder,
  pieces: CandidateEvidence['pieces'],
  chars: number,
  silent: Set<number>,
  phrases: Set<string>,
  tags: readonly string[] | 'name',
): CandidateEvidence {
  const name = tags === 'name';
  const multiword = !name && tags.length >= 2;
  const finalVerbFrom = multiword && tags[0] !== 'v' && tags[tags.length - 1] === 'v' ? pieces[pieces.length - 1].from : -1;
  const [coreFrom, coreTo] = name || multiword ? [0, chars] : coreOf(pieces[0].word);
  const word = pieces[0].word;
  const loneHead = !name && !multiword && coreTo - coreFrom >= 3 && !isKnownWord(word.slice(coreTo - 2, coreTo)) && !isKnownWord(word.slice(coreTo - 3, coreTo));
  return { pieces, chars, silent, units: b.units, glosses: b.glosses, phrases, localOf: undefined, phraseLengths: undefined, multiword, name, finalVerbFrom, coreFrom, coreTo, loneHead };
}

// Light elements at the edge of a word: causatives (令人鼓舞 "encouraging"), light verbs (作出反应
// "react", 表示遗憾 "regret"), "without any" (毫无意义 "meaningless"); aspect and result complements
// (解释一下 "explain", 冷静下来 "calm down", 肩负起 "shoulder"), nouns of situation (紧急情况
// "emergency"), suffixes English renders inside a word or leaves out (泄密者 "leakers", 精准性
// "precision", 乡亲们 "villagers", 新墨西哥州 "New Mexico", 合同书 "contract", 首映礼 "premiere",
// 出口国 "exporter", 阿尔卑斯山 "Alps"), localizers (入口处 "entrance") and prepositions (归咎于
// "blame"). Not 署 会 奖 片 额, which news leaves out only where the rendering is a fragment
// (环保署 "Environmental Protection", 开幕会 "opening", 青春片 "youths", 进口额 "imported").
const LIGHT_PREFIXES = new Set(['令人', '使人', '让人', '作出', '做出', '进行', '加以', '予以', '给予', '表示', '感到', '受到', '毫无']);
const LIGHT_SUFFIXES = new Set(['情况', '局势', '一下', '起来', '下来', '者', '于', '性', '化', '度', '率', '感', '员', '家', '手', '师', '式', '型', '们', '俩', '里', '内', '州', '省', '市', '县', '起', '出', '上', '下', '中', '间', '处', '人', '书', '物', '赛', '画', '声', '礼', '记', '级', '机', '国', '岛', '山', '金']);

/** The characters of a one-word candidate its rendering must render something of: [from, to). */
function coreOf(word: string): [number, number] {
  let from = 0;
  let to = word.length;
  if (to >= 4 && LIGHT_PREFIXES.has(word.slice(0, 2))) from = 2;
  if (to - from >= 4 && LIGHT_SUFFIXES.has(word.slice(-2))) to -= 2;
  else if (to - from >= 3 && LIGHT_SUFFIXES.has(word.slice(-1))) to -= 1;
  return [from, to];
}

/**
 * The stem index of one candidate's evidence, in typed arrays shared by all candidates: stem id
 * → its entries (unit × 8 + the stem's index in the unit) as a linked list in insertion order,
 * valid where the id's stamp equals the current build's. Candidates are aligned one after
 * another, so the index is rebuilt only when bestSpan is given another candidate's evidence.
 */
interface StemIndex {
  ev: CandidateEvidence | null;
  build: number;
  stamp: Int32Array;
  head: Int32Array;
  tail: Int32Array;
  /** Gloss words and prefixes present, by the same stamp. */
  wordStamp: Int32Array;
  prefixStamp: Int32Array;
  next: Int32Array;
  entry: Int32Array;
}

const stemIndex: StemIndex = {
  ev: null,
  build: 0,
  stamp: new Int32Array(1024),
  head: new Int32Array(1024),
  tail: new Int32Array(1024),
  wordStamp: new Int32Array(1024),
  prefixStamp: new Int32Array(1024),
  next: new Int32Array(256),
  entry: new Int32Array(256),
};

/**
 * Starts the numbering of stems over, with the caches that hold numbers; evidence built before
 * is numbered again when next aligned. Exported for tests: it runs by itself only after a
 * million distinct stems and words.
 */
export function renumberStems(): void {
  ids.clear();
  prepared.clear();
  wordGlossCache.clear();
  for (const cache of pieceCache) cache.clear();
  wordStemCache.clear();
  epoch++;
}

function indexOf(ev: CandidateEvidence): StemIndex {
  const x = stemIndex;
  if (x.ev === ev && ev.glosses[0]?.epoch === epoch) return x;
  x.ev = ev;
  if (ids.size > MAX_IDS) renumberStems();
  // Evidence built in an earlier epoch has its glosses numbered again.
  for (let u = 0; u < ev.glosses.length; u++) if (ev.glosses[u].epoch !== epoch) ev.glosses[u] = prepare(ev.glosses[u].phrase)!;
  const build = ++x.build;
  if (x.stamp.length < ids.size) {
    const size = Math.max(ids.size, x.stamp.length * 2);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    x.stamp = grow(x.stamp);
    x.head = new Int32Array(size);
    x.tail = new Int32Array(size);
    x.wordStamp = grow(x.wordStamp);
    x.prefixStamp = grow(x.prefixStamp);
  }
  let entries = 0;
  for (const g of ev.glosses) entries += g.stemIds.length;
  if (x.entry.length < entries) {
    x.entry = new Int32Array(entries * 2);
    x.next = new Int32Array(entries * 2);
  }
  const { stamp, head, tail, next, entry, wordStamp, prefixStamp } = x;
  let e = 0;
  for (let u = 0; u < ev.glosses.length; u++) {
    const g = ev.glosses[u];
    for (let k = 0; k < g.stemIds.length; k++) {
      const id = g.stemIds[k];
      entry[e] = u * 8 + k;
      next[e] = -1;
      if (stamp[id] !== build) {
        stamp[id] = build;
        head[id] = e;
      } else next[tail[id]] = e;
      tail[id] = e;
      e++;
    }
    for (let k = 0; k < g.wordIds.length; k++) {
      wordStamp[g.wordIds[k]] = build;
      prefixStamp[g.prefixIds[k]] = build;
    }
  }
  return x;
}

/** A sentence's words numbered: each word's stem, and the head of each long word (-1: none). */
interface SentenceIds {
  stems: Int32Array;
  heads: Int32Array;
  /** Each word's clause marks (AUXILIARY, DETERMINER, BY, PAST), for noun phrases' spans. */
  marks: Uint8Array;
  epoch: number;
}

// What makes a span a clause rather than a noun phrase, as marks of its words.
const AUXILIARY = 1;
const DETERMINER = 2;
const BY = 4;
const PAST = 8;
// Inside a run of capitalized words (a name, a title): the word before it, or after, is one of
// them ("Royal | Tyrrell Museum", "Federal Protective | Service").
const NAME_BEFORE = 16;
const NAME_AFTER = 32;
// Auxiliaries and copulas: no noun phrase holds one ("Congress has started", "crew is suspected").
const AUXILIARIES = new Set('is are was were be been being am has have had having does did shall should could would might must'.split(' '));
// A determiner right after a word rendering a final verb makes it a predicate with its object
// ("reduce the risk" for 风险率降低); in a noun phrase, determiners follow function words
// ("tightening of the monetary policy").
const DETERMINERS = new Set('the a an this these those his her its their our my your'.split(' '));
// Past forms no phrase's rendering ends with: "Colin wrote", "attackers camouflaged" (and
// participles before "by": "broadcast by satellite TV", "entrusted by the party").
const IRREGULAR_PAST = new Set(
  ('wrote rose fell began took made gave went came grew became saw said told won led held left met sent spent built brought ' +
    'bought caught thought fought sought taught struck stood ran broke chose drove flew knew lost paid sold shot spoke stole ' +
    'threw understood withdrew written risen fallen begun taken given gone grown seen told known broken chosen driven ' +
    'stolen thrown withdrawn broadcast').split(' '),
);

// Words in -ed that are no past form: nouns and adjectives ("racial hatred", "deep seabed"),
// names (Ahmed). Verbs in -red have a vowel or r before it (ordered, stored, referred); these a
// consonant (hatred, hundred, kindred, sacred).
const NOT_PAST = new Set(
  ('naked wicked rugged ragged crooked beloved learned limited united wretched jagged sacred hatred hundred kindred ' +
    'seabed riverbed hotbed testbed flatbed sickbed deathbed seedbed roadbed lakebed streambed ahmed mohammed muhammed').split(' '),
);

function marksOf(word: string): number {
  const lower = word.toLowerCase();
  if (AUXILIARIES.has(lower)) return AUXILIARY;
  if (DETERMINERS.has(lower)) return DETERMINER;
  if (lower === 'by') return BY;
  if (IRREGULAR_PAST.has(lower) || (lower.length >= 5 && lower.endsWith('ed') && !lower.endsWith('eed') && !/[^aeiour]red$/.test(lower) && !NOT_PAST.has(lower))) return PAST;
  return 0;
}

/** A capitalized word that is no function word: "Tyrrell", "Museum", not "The" or "Of". */
function namePart(w: EnWord): boolean {
  const c = w.text.charCodeAt(0);
  return c >= 65 && c <= 90 && !w.function;
}

// Per sentence (its word list, which callers keep while they align in it).
const sentenceIds = new WeakMap<readonly EnWord[], SentenceIds>();

function idsOf(words: readonly EnWord[], en: string): SentenceIds {
  let cached = sentenceIds.get(words);
  if (!cached || cached.epoch !== epoch) {
    const stems = new Int32Array(words.length);
    const heads = new Int32Array(words.length);
    const marks = new Uint8Array(words.length);
    // Function words are never evidence: no number needed.
    for (let j = 0; j < words.length; j++) {
      const w = words[j];
      stems[j] = w.function ? -1 : idOf(w.stem);
      heads[j] = w.head && !w.function ? idOf(w.head) : -1;
      marks[j] = marksOf(w.text);
    }
    for (let j = 1; j < words.length; j++) {
      if (namePart(words[j - 1]) && namePart(words[j]) && !words[j - 1].possessive && !breakBetween(en, words[j - 1].end, words[j].start)) {
        marks[j] |= NAME_BEFORE;
        marks[j - 1] |= NAME_AFTER;
      }
    }
    cached = { stems, heads, marks, epoch };
    sentenceIds.set(words, cached);
  }
  return cached;
}

// A word's gloss stems as ids, for the sentences association visits: the same words recur in
// thousands.
const wordStemCache = new Map<string, Int32Array>();

function glossStemIds(word: string): Int32Array {
  let out = wordStemCache.get(word);
  if (out) return out;
  const list: number[] = [];
  for (const p of preparedGlosses(word)) for (const id of p.stemIds) list.push(id);
  out = Int32Array.from(list);
  if (wordStemCache.size > 100_000) wordStemCache.clear();
  wordStemCache.set(word, out);
  return out;
}

// Per sentence (its Chinese words, which callers keep while they align in it), once asked.
const claimedStems = new WeakMap<readonly string[], { ids: Set<number>; epoch: number }>();

/** Whether the dictionary explains the stem by one of a sentence's words (of two characters or more). */
function claimedBy(words: readonly string[], stemId: number): boolean {
  let claimed = claimedStems.get(words);
  if (!claimed || claimed.epoch !== epoch) {
    const ids = new Set<number>();
    for (const w of words) if (w.length >= 2) for (const id of glossStemIds(w)) ids.add(id);
    claimed = { ids, epoch };
    claimedStems.set(words, claimed);
  }
  return claimed.ids.has(stemId);
}

export function candidateEvidence(c: Candidate): CandidateEvidence {
  const b = new EvidenceBuilder();
  const phrases = new Set<string>();
  const n = c.zh.length;
  const silent = new Set<number>();
  if (c.kind === 'name') {
    // Surname and given name cover their own characters: "Xi" alone is a third of 习近平.
    const roman = nameInPinyin(c.zh);
    const [family, given = ''] = roman.toLowerCase().split(' ');
    const parts: GlossGroup[] = [];
    const fp = prepare(family);
    if (fp) parts.push({ list: [fp], from: 0, to: 1, weight: 1 });
    const gp = given ? prepare(given) : null;
    if (gp) parts.push({ list: [gp], from: 1, to: n, weight: 1 });
    b.addAll(parts, 0);
    phrases.add(roman.toLowerCase());
    return evidence(b, [{ word: c.zh, from: 0, to: n }], n, silent, phrases, 'name');
  }
  const whole = glosses(c.zh);
  for (const g of whole) phrases.add(g);
  b.addAll([{ list: preparedGlosses(c.zh), from: 0, to: n, weight: 1 }], 0);
  const pieces: CandidateEvidence['pieces'] = [];
  let at = 0;
  for (const word of c.pieces) {
    pieces.push({ word, from: at, to: at + word.length });
    at += word.length;
  }
  [...c.zh].forEach((ch, i) => {
    if (SILENT_CHARS.has(ch)) silent.add(i);
  });
  const single = pieces.length === 1;
  // A dictionary word alone is explained by its own glosses; its characters' senses are noise.
  // Ranges never repeat across the whole and the pieces: a lone piece adds no glosses of its own.
  for (const p of pieces) b.addAll(pieceGlosses(p.word, !single, !(single && whole.length)), p.from);
  return evidence(b, pieces, n, silent, phrases, c.tags);
}

/** Punctuation between two words that a term cannot span: commas, stops, brackets, quotes. */
function breakBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const ch = text.charCodeAt(k);
    // , ; : . ! ? ( ) " “ ” / — –
    if (
      ch === 44 || ch === 59 || ch === 58 || ch === 46 || ch === 33 || ch === 63 || ch === 40 ||
      ch === 41 || ch === 34 || ch === 0x201c || ch === 0x201d || ch === 47 || ch === 0x2014 || ch === 0x2013
    ) return true;
  }
  return false;
}

// What spanKey changes beyond lowercasing (apostrophes, whitespace other than single spaces),
// and the letters (İ, Σ) whose lower case depends on length or context.
const PLAIN_KEY_BREAKERS = /['’]|\s\s|[^\S ]|[\u0130\u03a3]/;

const KEY_BREAKS = new RegExp(PLAIN_KEY_BREAKERS.source, 'g');

// Per sentence (its word list, which callers keep while they align in it): whether span keys
// are plain slices, the lowercased text they are sliced from, and otherwise where the
// characters spanKey would change are (start, end pairs): a span clear of them is plain too.
interface SentenceKeys {
  en: string;
  plain: boolean;
  lower: string | undefined;
  breaks: number[] | null;
}
const sentenceKeys = new WeakMap<readonly EnWord[], SentenceKeys>();

function sentenceKeysOf(words: readonly EnWord[], en: string): SentenceKeys {
  let sentence = sentenceKeys.get(words);
  if (!sentence || sentence.en !== en) {
    const plain = !PLAIN_KEY_BREAKERS.test(en);
    let breaks: number[] | null = null;
    if (!plain) {
      breaks = [];
      for (const m of en.matchAll(KEY_BREAKS)) breaks.push(m.index, m.index + m[0].length);
    }
    sentence = { en, plain, lower: undefined, breaks };
    sentenceKeys.set(words, sentence);
  }
  return sentence;
}

/** Whether en[start, end) holds nothing spanKey would change but letter case. */
function plainSpan(sentence: SentenceKeys, start: number, end: number): boolean {
  const breaks = sentence.breaks;
  if (!breaks) return true;
  for (let i = 0; i < breaks.length; i += 2) if (breaks[i] >= start && breaks[i + 1] <= end) return false;
  return true;
}

/** spanKey of a plain span (plainSpan): its text lowercased, nothing else to normalize. */
function plainKey(sentence: SentenceKeys, start: number, end: number): string {
  if (sentence.plain) return (sentence.lower ??= sentence.en.toLowerCase()).slice(start, end);
  return sentence.en.slice(start, end).toLowerCase();
}

/** spanKey(en.slice(start, end)), without normalizing a span that needs none. */
function keyOf(sentence: SentenceKeys, start: number, end: number): string {
  return plainSpan(sentence, start, end) ? plainKey(sentence, start, end) : spanKey(sentence.en.slice(start, end));
}

export function spanKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

// bestSpan's working memory, reused from call to call (it never re-enters itself): a typed
// array costs more to allocate than the scoring of a short sentence. Its three phases are
// separate functions over this state, without closures: each is compiled on its own, small,
// and a phase seeing a new kind of input no longer throws away the optimized code of the others
// (bestSpan whole was recompiled six times in one large import).
interface SpanScratch {
  /** Explanation weight of each word, and whether a span may start or end on it. */
  w: Float64Array;
  edge: Uint8Array;
  /** Word j's hits are flatHits[hitStart[j] .. hitStart[j + 1]), local unit × 8 + stem index. */
  hitStart: Int32Array;
  flatHits: number[];
  /** Association adds at most one hit per word (-1: none). */
  assocHit: Int32Array;
  /** The evidence's units hit in this sentence, numbered densely in order of first hit. */
  localUnits: GlossUnit[];
  /** Their numbers in the evidence, to reset its localOf afterwards. */
  hitIds: number[];
  unitHits: Int32Array;
  charCov: Float64Array;
  /** Characters that need no rendering, when the candidate has any. */
  silent: Uint8Array;
}

const scratch: SpanScratch = {
  w: new Float64Array(64),
  edge: new Uint8Array(64),
  hitStart: new Int32Array(65),
  flatHits: [],
  assocHit: new Int32Array(64),
  localUnits: [],
  hitIds: [],
  unitHits: new Int32Array(64),
  charCov: new Float64Array(16),
  silent: new Uint8Array(16),
};

/** The scratch, ready for a sentence of n words: weights and edges zeroed, no hits. */
function scratchFor(n: number): SpanScratch {
  const s = scratch;
  if (s.w.length < n) {
    const size = Math.max(n, s.w.length * 2);
    s.w = new Float64Array(size);
    s.edge = new Uint8Array(size);
    s.hitStart = new Int32Array(size + 1);
    s.assocHit = new Int32Array(size);
  }
  s.w.fill(0, 0, n);
  s.edge.fill(0, 0, n);
  s.assocHit.fill(-1, 0, n);
  s.flatHits.length = 0;
  s.localUnits.length = 0;
  s.hitIds.length = 0;
  return s;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** The best English span for one occurrence of a candidate, or null when nothing credible. */
export function bestSpan(
  ev: CandidateEvidence,
  en: string,
  words: EnWord[],
  assoc: Association | null,
  minScore: number,
  /** Character ranges already taken by another occurrence of the same candidate. */
  taken: { start: number; end: number }[] = [],
  /** The sentence's Chinese words: a stem the dictionary gives one of them is not association's. */
  claimed: readonly string[] | null = null,
): SpanChoice | null {
  const n = words.length;
  if (n === 0) return null;
  const s = scratchFor(n);
  // localOf maps the evidence's units to local ones (-1: not hit); it is the evidence's, reset
  // before returning, so the candidate's occurrences share one.
  const localOf = (ev.localOf ??= new Int32Array(ev.units.length).fill(-1));
  const sentence = idsOf(words, en);
  dictionaryHits(ev, indexOf(ev), words, sentence, s, localOf);
  if (assoc && ev.pieces.length > 1) associationHits(ev, words, sentence.stems, assoc, claimed, s);
  const best = scoreSpans(ev, en, words, sentence.marks, minScore, taken, s);
  for (const u of s.hitIds) localOf[u] = -1;
  return best;
}

/**
 * Records the evidence's units containing the stem `id` as hits of the current word. Returns the
 * highest weight among them, 0 when there are none (every unit weighs more than 0).
 */
function hit(ev: CandidateEvidence, x: StemIndex, id: number, s: SpanScratch, localOf: Int32Array): number {
  if (!has(x.stamp, x.build, id)) return 0;
  let weight = 0;
  for (let e = x.head[id]; e >= 0; e = x.next[e]) {
    const packed = x.entry[e];
    const u = packed >> 3;
    let local = localOf[u];
    if (local < 0) {
      local = s.localUnits.length;
      localOf[u] = local;
      s.hitIds.push(u);
      s.localUnits.push(ev.units[u]);
    }
    s.flatHits.push(local * 8 + (packed & 7));
    if (ev.units[u].weight > weight) weight = ev.units[u].weight;
  }
  return weight;
}

/** Whether the index's current build stamped `id` (ids interned after the build never were). */
function has(stamps: Int32Array, build: number, id: number): boolean {
  return id >= 0 && id < stamps.length && stamps[id] === build;
}

/** First, the dictionary: which words of the sentence the candidate's glosses explain. */
function dictionaryHits(ev: CandidateEvidence, x: StemIndex, words: EnWord[], { stems, heads }: SentenceIds, s: SpanScratch, localOf: Int32Array): void {
  const n = words.length;
  for (let j = 0; j < n; j++) {
    const word = words[j];
    s.hitStart[j] = s.flatHits.length;
    if (word.function) continue;
    let weight = hit(ev, x, stems[j], s, localOf);
    const parts = word.parts;
    for (let p = 0; p < parts.length; p++) weight = Math.max(weight, hit(ev, x, knownId(parts[p]), s, localOf));
    // English compounds of two glosses: cybersecurity = cyber + security, cyberspace, cybercrime.
    if (weight === 0 && has(x.prefixStamp, x.build, heads[j])) {
      const lower = word.text.toLowerCase();
      for (let cut = 3; cut <= lower.length - 3; cut++) {
        if (!has(x.wordStamp, x.build, knownId(lower.slice(0, cut)))) continue;
        const tail = knownId(stem(lower.slice(cut)));
        if (!has(x.stamp, x.build, tail)) continue;
        weight = Math.max(hit(ev, x, knownId(stem(lower.slice(0, cut))), s, localOf), hit(ev, x, tail, s, localOf));
        break;
      }
    }
    if (weight > 0) s.edge[j] = 1;
    s.w[j] = weight;
  }
  s.hitStart[n] = s.flatHits.length;
}

/**
 * Association, second: only for words no dictionary explains ("emphasized" is 强调's, by the
 * dictionary, even if it co-occurs with 网络生态治理), and only towards pieces the dictionary
 * found no rendering for in this sentence ("online" is 网络's, not 乱象's).
 */
function associationHits(
  ev: CandidateEvidence,
  words: EnWord[],
  stems: Int32Array,
  assoc: Association,
  claimed: readonly string[] | null,
  s: SpanScratch,
): void {
  const units = s.localUnits;
  const open = ev.pieces.filter((p) => !units.some((u) => u.from < p.to && u.to > p.from));
  if (!open.length) return;
  // Most pairs never co-occur twice (Dice 0): the joint counts rule them out before Dice.
  const joints = open.map((p) => assoc.cooccurrences(p.word));
  for (let j = 0; j < words.length; j++) {
    const word = words[j];
    if (word.function || s.w[j] > 0) continue;
    let bestD = 0;
    let best: (typeof open)[number] | null = null;
    for (let q = 0; q < open.length; q++) {
      if ((joints[q].get(word.stem) ?? 0) < 2) continue;
      const p = open[q];
      const d = assoc.dice(p.word, word.stem);
      if (d > bestD) {
        bestD = d;
        best = p;
      }
    }
    if (!best || bestD < MIN_DICE || (claimed && claimedBy(claimed, stems[j]))) continue;
    const local = units.length;
    units.push({ from: best.from, to: best.to, size: 1, weight: Math.min(0.8, bestD) });
    s.assocHit[j] = local * 8;
    s.w[j] = Math.min(0.8, bestD);
    if (bestD >= EDGE_DICE) s.edge[j] = 1;
  }
}

/** Adds a hit to the span being grown: its unit's share of stems, and the characters it covers. */
function raise(h: number, s: SpanScratch): void {
  const u = h >> 3;
  const bits = s.unitHits[u] | (1 << (h & 7));
  if (bits === s.unitHits[u]) return;
  s.unitHits[u] = bits;
  const unit = s.localUnits[u];
  const c = popcount(bits) / unit.size;
  const charCov = s.charCov;
  for (let k = unit.from; k < unit.to; k++) if (c > charCov[k]) charCov[k] = c;
}

/** Last, every span that starts and ends on an explained word, scored; the best, or null. */
function scoreSpans(
  ev: CandidateEvidence,
  en: string,
  words: EnWord[],
  marks: Uint8Array,
  minScore: number,
  taken: { start: number; end: number }[],
  s: SpanScratch,
): SpanChoice | null {
  const n = words.length;
  const { w, edge, hitStart, flatHits, assocHit } = s;
  const multiword = ev.multiword;
  const finalVerbFrom = ev.finalVerbFrom;
  // Without apostrophes, odd spaces or letters whose lower case changes length, a span's key is
  // a slice of the lowercased sentence: no normalization per span, and a span whose length no
  // whole gloss has cannot be one, so most spans are scored without making their key at all.
  const sentence = sentenceKeysOf(words, en);
  const phraseLengths = (ev.phraseLengths ??= lengthsOf(ev.phrases));
  const units = s.localUnits.length;
  if (s.unitHits.length < units) s.unitHits = new Int32Array(units * 2);
  // Per character, the best share of one unit's stems the span holds. A span grows word by word
  // from its start, and a unit's share only grows with it: each word updates the units it hits.
  if (s.charCov.length < ev.chars) s.charCov = new Float64Array(ev.chars * 2);
  const { unitHits, charCov } = s;
  let silent: Uint8Array | null = null;
  if (ev.silent.size) {
    if (s.silent.length < ev.chars) s.silent = new Uint8Array(ev.chars * 2);
    silent = s.silent.fill(0, 0, ev.chars);
    for (const k of ev.silent) silent[k] = 1;
  }
  const needed = ev.chars - ev.silent.size;
  let bestScore = -1;
  let bestA = -1;
  let bestB = -1;
  let bestEnd = 0;
  let bestCov = 1;
  let bestPhrase = false;
  let bestGap = false;
  let bestHeadGap = false;
  for (let a = 0; a < n; a++) {
    if (!edge[a]) continue;
    const start = words[a].start;
    if (taken.length && overlapsTaken(taken, start, words[a].end)) continue;
    let sumW = 0;
    let content = 0;
    let functionWords = 0;
    unitHits.fill(0, 0, units);
    charCov.fill(0, 0, ev.chars);
    for (let b = a; b < n && b < a + MAX_SPAN_WORDS; b++) {
      if (b > a && breakBetween(en, words[b - 1].end, words[b].start)) break;
      if (taken.length && overlapsTaken(taken, words[b].start, words[b].end)) break;
      // A phrase's rendering stops before it would become a clause.
      if (multiword && b > a && clauseAt(marks, words, b, finalVerbFrom, s)) break;
      if (!words[b].function) {
        content++;
        sumW += w[b];
        for (let q = hitStart[b]; q < hitStart[b + 1]; q++) raise(flatHits[q], s);
        if (assocHit[b] >= 0) raise(assocHit[b], s);
      } else functionWords++;
      if (!edge[b]) continue;
      let end = words[b].end;
      if (words[b].possessive) end -= 2;
      // A lone adverb renders no term: 大力 "vigorously" is how, not what.
      if (a === b && words[b].adverb) continue;
      if (multiword && marks[b] & PAST) continue;
      if (multiword && !headRendered(ev, charCov)) continue;
      const phrase = plainSpan(sentence, start, end)
        ? phraseLengths.has(end - start) && ev.phrases.has(plainKey(sentence, start, end))
        : ev.phrases.has(spanKey(en.slice(start, end)));
      let score: number;
      let cov = 1;
      if (phrase) score = 1;
      else {
        let covered = 0;
        for (let k = 0; k < ev.chars; k++) if (!silent?.[k]) covered += charCov[k];
        cov = needed > 0 ? covered / needed : 0;
        const precision = sumW / content;
        // Coverage matters a little less than precision: English often drops a redundant
        // piece (网络生态治理 → "cyberspace governance"), but never adds unexplained words.
        // Explained words cost nothing, so "research and development outcomes" is not beaten by
        // "development outcomes"; each function word inside costs a little.
        score = Math.pow(cov, 0.8) * precision * Math.pow(0.99, b - a + functionWords);
      }
      // A span starting or ending inside a run of capitalized words most often cuts a name
      // ("Central Military" of "Central Military Commission"); but a title stands before a name
      // too ("Prime Minister Theresa May"), and a name's rendering may be cut by association's
      // (Nemanja before Matic), so it only scores a little less. A whole gloss is exempt.
      if (!ev.name && !phrase && (marks[a] & NAME_BEFORE || marks[b] & NAME_AFTER)) score *= NAME_CUT;
      // On a tie the longer span wins: "systematic nature" over "systematic".
      if (score >= minScore && (bestA < 0 || score > bestScore + 1e-9 || (score > bestScore - 1e-9 && end - start > bestEnd - words[bestA].start))) {
        bestScore = score;
        bestA = a;
        bestB = b;
        bestEnd = end;
        bestCov = cov;
        bestPhrase = phrase;
        bestGap = !phrase && hasGap(charCov, ev.coreFrom, ev.coreTo, silent);
        bestHeadGap = bestGap && charCov[ev.coreTo - 1] === 0;
      }
    }
  }
  if (bestA < 0) return null;
  const start = words[bestA].start;
  const key = keyOf(sentence, start, bestEnd);
  // English often names a thing by its modifier noun alone (dairy, Sulawesi, families), never by
  // its adjective: "criminal" is no rendering of 犯罪行为 "criminal behavior". A proper adjective is
  // a name, though: the Pacific of 太平洋 "Pacific Ocean".
  const last = words[bestB].text;
  const oneWord = ev.pieces.length === 1 && !ev.name && !bestPhrase;
  const headless = oneWord && ADJECTIVE_END.test(last) && !/^[A-Z]/.test(last) && !rendersAHead(ev, s, bestA, bestB);
  const part = oneWord && ((bestCov <= 0.5 && bestGap) || (bestHeadGap && ev.loneHead));
  return { start, end: bestEnd, key, text: en.slice(start, bestEnd), score: bestScore, coverage: bestCov, initial: bestA === 0, headless, part };
}

/** Whether a character in [from, to) of the candidate that needs rendering has none in the span. */
function hasGap(charCov: Float64Array, from: number, to: number, silent: Uint8Array | null): boolean {
  for (let k = from; k < to; k++) if (charCov[k] === 0 && !silent?.[k]) return true;
  return false;
}

const ADJECTIVE_END = /(?:al|ic|ive|ous|ary|ful|less|able|ible)$/i;

/** Whether words a..b hold the head of a gloss they render, or a word association gave the candidate. */
function rendersAHead(ev: CandidateEvidence, s: SpanScratch, a: number, b: number): boolean {
  for (let j = a; j <= b; j++) {
    if (s.assocHit[j] >= 0) return true;
    for (let q = s.hitStart[j]; q < s.hitStart[j + 1]; q++) {
      const h = s.flatHits[q];
      const local = h >> 3;
      // Units numbered past the dictionary's are association's.
      if (local >= s.hitIds.length || ev.glosses[s.hitIds[local]].head & (1 << (h & 7))) return true;
    }
  }
  return false;
}

/**
 * Whether the span renders some of the candidate's last piece, the head of a Chinese compound:
 * "Colin" renders only the subject of 科林写道, "security" only the modifier of 安保措施. A head
 * of one character is a suffix as often (炸弹手 "bomber", 脸谱网 "Facebook", 弗林 "Flynn"), and
 * English renders it inside one word.
 */
function headRendered(ev: CandidateEvidence, charCov: Float64Array): boolean {
  const head = ev.pieces[ev.pieces.length - 1];
  if (head.to - head.from < 2) return true;
  for (let k = head.from; k < head.to; k++) if (charCov[k] > 0) return true;
  return false;
}

/** Whether word b, after word b - 1 in the same span, makes the span a clause. */
function clauseAt(marks: Uint8Array, words: EnWord[], b: number, finalVerbFrom: number, s: SpanScratch): boolean {
  const m = marks[b];
  if (m & AUXILIARY) return true;
  if (m & BY) return (marks[b - 1] & PAST) !== 0;
  if (m & DETERMINER && finalVerbFrom >= 0 && !words[b - 1].function) return rendersFrom(b - 1, finalVerbFrom, s);
  return false;
}

/** Whether word j is explained (by the dictionary or by association) by characters from `from` on. */
function rendersFrom(j: number, from: number, s: SpanScratch): boolean {
  for (let q = s.hitStart[j]; q < s.hitStart[j + 1]; q++) if (s.localUnits[s.flatHits[q] >> 3].from >= from) return true;
  return s.assocHit[j] >= 0 && s.localUnits[s.assocHit[j] >> 3].from >= from;
}

function overlapsTaken(taken: { start: number; end: number }[], start: number, end: number): boolean {
  for (const t of taken) if (start < t.end && end > t.start) return true;
  return false;
}

function lengthsOf(phrases: Set<string>): Set<number> {
  const out = new Set<number>();
  for (const p of phrases) out.add(p.length);
  return out;
}
