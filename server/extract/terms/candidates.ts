// Chinese term candidates: contiguous token runs inside a clause that can stand as a term, names,
// and enumeration members, gathered with their occurrences and nesting counts.
import { tag } from '../segment.ts';
import { hasCommonSense, isKnownWord, isSurname } from '../lexicon.ts';

export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface CandidateOccurrence {
  sentence: number;
  /** Token range [first, last) in the sentence's token list. */
  first: number;
  last: number;
  zhStart: number;
  zhEnd: number;
  /** Clause number inside the sentence; candidates compete only inside their clause. */
  clause: number;
  /** Next to 、 (or closing an enumeration): a member of a list such as 前瞻性、精准性. */
  listMember: boolean;
}

export interface Candidate {
  zh: string;
  kind: 'term' | 'name';
  /** The jieba words of the candidate (from its first occurrence): its pieces for alignment. */
  pieces: string[];
  tags: string[];
  occurrences: CandidateOccurrence[];
  /** Occurrences lying inside an occurrence of a longer candidate seen at least twice. */
  nestedInFrequent: number;
  /** How many occurrences sit inside longer candidate occurrences at all. */
  nested: number;
}

export const MAX_TOKENS = 4;
export const MAX_CHARS = 10;

const LETTER_OR_HAN = /[\p{Script=Han}A-Za-z0-9]/u;
const HAN = /\p{Script=Han}/u;
const COMPLEMENT_END = /[给到在着了过]$/;
const COUNTED = /^[一二两三四五六七八九十几第百千万][个只条张本辆匹封位名件次课年月天岁点遍趟]/;
const GLUE_CHARS = /[了吗呢吧啊呀么的地得着过是我你他她它们这那就都也还很太在有不没]/;

// Parts of speech that never belong to a term: prepositions, conjunctions, particles, pronouns,
// measure words, numerals, time and place words, localizers (中, 下, 后), onomatopoeia.
const BREAKING = new Set(['x', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'y', 'e', 'o', 'r', 'rr', 'rz', 'q', 'm', 'mq', 't', 'tg', 'f', 's', 'z', 'zg', 'ad', 'vd', 'dg', 'w', 'k', 'h']);
// Heads a term may end with: nouns, nominal verbs, abbreviations, set phrases.
const NOMINAL = new Set(['n', 'ng', 'nr', 'nrfg', 'nrt', 'ns', 'nt', 'nz', 'nx', 'vn', 'j', 'l', 'i', 'an', 'b', 'g']);
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt']);
// jieba's full-name tags: a name stands alone, never inside a longer term (中共中央总书记习近平).
// Organizations (党中央, nt) likewise: 党中央集中统一领导 is two terms.
const FULL_NAME_TAGS = new Set(['nrfg', 'nrt', 'nt']);
// Verbs of saying, modal and light verbs: a run containing one is a clause, not a term.
const VERB_STOP = new Set(
  ('是 有 要 在 为 让 使 把 被 给 将 会 能 可 应 应该 需要 必须 可以 进行 加以 予以 开展 实施 采取 推动 推进 促进 ' +
    '促使 提出 指出 强调 表示 认为 说 称 提到 发表 坚持 加强 强化 提升 提高 增强 深化 健全 完善 形成 成为 作为 构建 ' +
    '建设 实现 发挥 推出 抓 让 结合 利用 运用 了解 认识 到 来 去 带来 提供 面临 参与 鼓励 注重 着力 积极 ' +
    '不断 持续 继续 已经 正在 没有 不是 还是 就是 也是 都是 只是 占有 摆在 听取 主持 切断 铲除 查找 采取 ' +
    '筑牢 携手 讲 展现 塑造 弘扬 营造 打击 遏制 壮大 污染 侵犯 滋生 解决 担负 敢于 事关 ' +
    // Titles and forms of address sit beside names and institutions, never inside a term.
    '教授 同志 先生 女士 记者 博士 院士 老师 主任 部长 ' +
    // Quantifying and framing nouns: 网络生态总体向上 is "the overall cyber ecosystem improves".
    '总体 整体 全体 各方 有关 相关 方面 问题上').split(' '),
);
// Adverbs that jieba fuses into four-character verb phrases (积极参与, 不断涌现, 充分调动):
// descriptions of action, not terms.
const ADVERB_HEADS = /^(积极|充分|不断|认真|深入|大力|坚决|及时|有效|进一步|全面|切实|努力|更加|持续|广泛|高度|严格|普遍)/;

/** Segments each sentence once; the token lists are reused by every later stage. */
export function tokenize(zh: string): Token[] {
  const tagged = tag(zh);
  let k = 0;
  while (k < tagged.length && !(tagged[k].tag === 'x' && HAN.test(tagged[k].word))) k++;
  // Most sentences have no unknown Chinese word: a copy of the segmenter's list is their tokens.
  const out: Token[] = tagged.slice(0, k);
  for (; k < tagged.length; k++) {
    const t = tagged[k];
    // jieba tags words it does not know "x", like punctuation: 亮剑, 筑牢 may be new terms, while
    // 了吗, 是我 are its HMM gluing particles and pronouns to their neighbours.
    if (t.tag === 'x' && HAN.test(t.word)) out.push({ word: t.word, tag: GLUE_CHARS.test(t.word) ? 'y' : 'nz', start: t.start, end: t.end });
    // The segmenter's word is a token as it stands (shared with its cache, never modified).
    else out.push(t);
  }
  return out;
}

// A token's facts as bits, from its word (computed once per distinct word of a collection) and its
// tag (once per tag): a run of up to MAX_TOKENS tests each token again from every earlier start,
// and regex tests and Set lookups per test were a measured share of the collection's time.
// Word facts:
const SEPARATOR = 1 << 0; // no letter, digit or Han character: ends a clause
const HAS_HAN = 1 << 1;
// One Han character other than a gluing particle: may follow a surname, or be cut off a word.
const HAN_CHAR = 1 << 2;
// One character other than a gluing particle: may be a surname.
const SINGLE = 1 << 3;
const STOP_WORD = 1 << 4;
const ADVERB_HEAD = 1 << 5;
// Tag facts:
const BREAKS = 1 << 6;
const NOMINAL_TAG = 1 << 7;
const NAME_TAG = 1 << 8;
const FULL_NAME_TAG = 1 << 9;
const NR = 1 << 10; // exactly "nr"
const VERB = 1 << 11; // exactly "v"
const OTHER_VERB = 1 << 12; // other v-tags than v and vn
const MODIFIER = 1 << 13; // a, d, ag
const IDIOM = 1 << 14; // i
const SET_PHRASE = 1 << 15; // i or l
const ADVERB = 1 << 16; // d
const DISTINGUISHER = 1 << 17; // b
const PLACE_OR_NAME = 1 << 20; // nr, nrfg, nrt, ns: a piece of a transliterated name
// Token facts, from both:
const STARTS = 1 << 18;
const CONTINUES = 1 << 19;

function wordFactsOf(word: string): number {
  if (!LETTER_OR_HAN.test(word)) return SEPARATOR;
  let f = 0;
  if (HAN.test(word)) f |= HAS_HAN;
  if (word.length === 1 && !GLUE_CHARS.test(word)) {
    f |= SINGLE;
    if (f & HAS_HAN) f |= HAN_CHAR;
  }
  if (VERB_STOP.has(word)) f |= STOP_WORD;
  if (ADVERB_HEADS.test(word)) f |= ADVERB_HEAD;
  return f;
}

const tagFacts = new Map<string, number>();

function tagFactsOf(tag: string): number {
  let f = tagFacts.get(tag);
  if (f !== undefined) return f;
  f = 0;
  if (BREAKING.has(tag)) f |= BREAKS;
  if (NOMINAL.has(tag)) f |= NOMINAL_TAG;
  if (NAME_TAGS.has(tag)) f |= NAME_TAG;
  if (FULL_NAME_TAGS.has(tag)) f |= FULL_NAME_TAG;
  if (tag === 'nr') f |= NR;
  if (tag === 'v') f |= VERB;
  else if (tag.startsWith('v') && tag !== 'vn') f |= OTHER_VERB;
  if (tag === 'a' || tag === 'd' || tag === 'ag') f |= MODIFIER;
  if (tag === 'i') f |= IDIOM;
  if (tag === 'i' || tag === 'l') f |= SET_PHRASE;
  if (tag === 'd') f |= ADVERB;
  if (tag === 'b') f |= DISTINGUISHER;
  if (tag === 'ns' || NAME_TAGS.has(tag)) f |= PLACE_OR_NAME;
  tagFacts.set(tag, f);
  return f;
}

function tokenFacts(t: Token, words: Map<string, number>): number {
  let w = words.get(t.word);
  if (w === undefined) words.set(t.word, (w = wordFactsOf(t.word)));
  if (w & SEPARATOR) return w;
  const f = w | tagFactsOf(t.tag);
  return f | (canStart(f, t.word.length) ? STARTS : 0) | (canContinue(f, t.word.length) ? CONTINUES : 0);
}

function canStart(f: number, length: number): boolean {
  if (f & (BREAKS | STOP_WORD)) return false;
  if (f & SET_PHRASE && f & ADVERB_HEAD) return false;
  // A two-character verb may modify a noun (治理合力, 突出问题); termhood discounts it.
  if (f & VERB) return length === 2;
  return !(f & (OTHER_VERB | MODIFIER));
}

function canContinue(f: number, length: number): boolean {
  if (f & (BREAKS | STOP_WORD)) return false;
  return !(f & ADVERB && length < 2);
}

/** Whether a token (facts `f`) is one Han character, no particle, preposition or other breaking word. */
function loneChar(f: number): boolean {
  return (f & (HAN_CHAR | BREAKS)) === HAN_CHAR;
}

/**
 * The members of lists written without 、: three or more two-character words in a row sharing
 * their last character (立法/执法/司法/普法 "legislation, law enforcement, judicial proceedings
 * and legal education"); null when the sentence has none.
 */
function unmarkedList(toks: Token[], facts: Int32Array, n: number): Uint8Array | null {
  let out: Uint8Array | null = null;
  for (let i = 0; i < n; ) {
    const w = toks[i].word;
    let j = i + 1;
    if (w.length === 2 && facts[i] & HAS_HAN) {
      while (j < n && toks[j].word.length === 2 && toks[j].word.charCodeAt(1) === w.charCodeAt(1) && facts[j] & HAS_HAN) j++;
      if (j - i >= 3) (out ??= new Uint8Array(n)).fill(1, i, j);
    }
    i = j;
  }
  return out;
}

/**
 * Whether the run toks[first..last] starts or ends with a piece cut off a name jieba split into
 * pieces, the rest beside it outside the run: a character tagged as (part of) a name or place next
 * to another lone character (弗/林 "Flynn", 礼/嘉 of 礼嘉 "Lijia", 特/恩/布尔 "Turnbull"), or a
 * name's longer piece next to a lone character of a name (泰/瑞尔 "Tyrrell").
 * Single characters of everyday words keep their runs (去/上厕所, 站/换火车).
 */
function cutOff(toks: Token[], facts: Int32Array, first: number, last: number, n: number): boolean {
  return (first > 0 && cutFrom(toks[first], facts[first], facts[first - 1])) || (last + 1 < n && cutFrom(toks[last], facts[last], facts[last + 1]));
}

/**
 * Whether token `t` (facts `f`) at a run's edge belongs with the lone character (facts `g`) beside
 * it: both of a name, or the edge a single character of one. A single character of an everyday
 * word stays (核 of 核协议 after 伊 "Iran"), and so does a whole place (如皋市 before 东/陈镇). A
 * place's two-character word does not (大桥 after 港/珠/澳: 港珠澳大桥 is the candidate).
 */
function cutFrom(t: Token, f: number, g: number): boolean {
  if (!loneChar(g)) return false;
  if (t.word.length === 1) return (f & PLACE_OR_NAME) !== 0;
  // A two-character piece (瑞尔), not a whole place (如皋市 before 东/陈镇).
  return t.word.length === 2 && (f & g & PLACE_OR_NAME) !== 0;
}

/** Whether a one-character token (facts `f`) and the next word spell a dictionary word of three or more. */
function gluesTo(a: string, f: number, b: Token | undefined, g: number): boolean {
  return (f & HAN_CHAR) !== 0 && b !== undefined && b.word.length >= 2 && !(g & SEPARATOR) && isKnownWord(a + b.word);
}

/** Whether the run toks[first..last] (inclusive) may end there; `facts` are the tokens'. */
function canEnd(toks: Token[], facts: Int32Array, first: number, last: number): boolean {
  const end = facts[last];
  const length = last - first + 1;
  // An idiom (不断涌现) after other words is the clause's predicate, not the head of a term.
  if (length > 1 && end & IDIOM) return false;
  if (end & NOMINAL_TAG) return !(length === 1 && end & DISTINGUISHER);
  // 治理, 护航, 传承 after a noun are nominal in this register: 网络生态治理, 文化传承.
  if (end & VERB && length >= 2 && toks[last].word.length >= 2) {
    const prev = facts[last - 1];
    return (prev & NOMINAL_TAG) !== 0 && !(prev & DISTINGUISHER);
  }
  return false;
}

/** Collects candidates over all sentences. `tokens[i]` is the segmentation of sentence i. */
export function collectCandidates(tokens: Token[][]): Map<string, Candidate> {
  const byZh = new Map<string, Candidate>();
  // Every occurrence created, in order, beside its candidate: to count nesting once every
  // frequency is known.
  const spans: CandidateOccurrence[] = [];
  const spanCands: Candidate[] = [];
  const wordFacts = new Map<string, number>();
  let facts = new Int32Array(256);

  const add = (zh: string, kind: Candidate['kind'], toks: Token[], first: number, last: number, occ: CandidateOccurrence) => {
    let c = byZh.get(zh);
    // Arrays made at their final size: pushing to an empty array reserves room for 17 elements,
    // and most candidates occur once (25,000 types on WMT18, 50,000 occurrences).
    if (!c) {
      const pieces = new Array<string>(last - first);
      const tags = new Array<string>(last - first);
      for (let k = first; k < last; k++) {
        pieces[k - first] = toks[k].word;
        tags[k - first] = toks[k].tag;
      }
      c = { zh, kind, pieces, tags, occurrences: [occ], nestedInFrequent: 0, nested: 0 };
      byZh.set(zh, c);
    } else {
      if (kind === 'name') c.kind = 'name';
      c.occurrences.push(occ);
    }
    spans.push(occ);
    spanCands.push(c);
  };

  for (let s = 0; s < tokens.length; s++) {
    const toks = tokens[s];
    const n = toks.length;
    if (n > facts.length) facts = new Int32Array(n * 2);
    for (let i = 0; i < n; i++) facts[i] = tokenFacts(toks[i], wordFacts);
    const listed = unmarkedList(toks, facts, n);
    let clause = 0;
    // Whether the previous token glues to this one (元/宇宙): no run starts inside the word.
    let gluedBefore = false;
    for (let i = 0; i < n; i++) {
      const f = facts[i];
      if (f & SEPARATOR) {
        clause++;
        gluedBefore = false;
        continue;
      }
      const t = toks[i];
      // Names: a tagged personal name, or a surname followed by one or two single-character
      // tokens (时/建/中) — jieba cuts unknown names into characters; English confirms them later.
      // The surname is asked last: a character's dictionary entries are decoded on first use.
      if (f & NAME_TAG && t.word.length >= 2 && t.word.length <= 4) {
        add(t.word, 'name', toks, i, i + 1, occurrence(s, toks, i, i + 1, clause));
      } else if (f & SINGLE && i + 1 < n && facts[i + 1] & HAN_CHAR && isSurname(t.word)) {
        let text = t.word;
        for (let j = i + 1; j < n && j <= i + 2; j++) {
          if (!(facts[j] & HAN_CHAR)) break;
          text += toks[j].word;
          add(text, 'name', toks, i, j + 1, occurrence(s, toks, i, j + 1, clause));
        }
      }
      // A member of a list written without 、 (立法执法司法普法) is a term of its own, whatever
      // its tag, and joins no run.
      if (listed?.[i]) {
        add(t.word, 'term', toks, i, i + 1, { ...occurrence(s, toks, i, i + 1, clause), listMember: true });
        gluedBefore = false;
        continue;
      }
      // A dictionary word jieba cut off its first character (元/宇宙 for 元宇宙 "metaverse"):
      // a run may start at the character, and not inside the word.
      const glued = gluesTo(t.word, f, toks[i + 1], facts[i + 1]);
      const inWord = gluedBefore;
      gluedBefore = glued;
      if (!glued && (!(f & STARTS) || inWord)) continue;
      let chars = 0;
      let han = false;
      // A run of single characters beside another (梅/德/韦/杰夫 "Medvedev", 马/尔/鲍): a piece
      // of a name or word jieba cut into characters, not a term of its own (德韦, 尔鲍).
      const charBefore = i > 0 && loneChar(facts[i - 1]);
      let singles = true;
      // The run's text, built only as far as a run is offered (most runs end elsewhere first).
      let zh = '';
      let built = i;
      for (let j = i; j < n && j < i + MAX_TOKENS; j++) {
        const g = facts[j];
        if (g & SEPARATOR || (j > i && !(glued && j === i + 1) && !(g & CONTINUES))) break;
        if (listed?.[j]) break;
        if (j > i) {
          // A name or an organization stands alone (中国政法大学, 党中央), never inside a longer run.
          if ((f | g) & FULL_NAME_TAG) break;
          // jieba's "nr" covers real names (汤姆) and common words it mistags (道德, 弘扬).
          if ((f | g) & NR && !hasCommonSense(f & NR ? t.word : toks[j].word)) break;
        }
        chars += toks[j].word.length;
        if (chars > MAX_CHARS) break;
        if (toks[j].word.length > 1) singles = false;
        if (g & HAS_HAN) han = true;
        if (!canEnd(toks, facts, i, j)) continue;
        if (f & VERB && (j === i || !(facts[i + 1] & NOMINAL_TAG))) continue;
        // Single characters are too ambiguous to drill alone.
        if (chars < 2 || !han) continue;
        if (singles && (charBefore || (j + 1 < n && loneChar(facts[j + 1])))) continue;
        // Nor does a run start or end with a piece of a name whose other pieces lie beside it.
        if (cutOff(toks, facts, i, j, n)) continue;
        while (built <= j) zh += toks[built++].word;
        // Verb complements (嫁给, 写信给) and counted things (两辆车, 第十课) are no terms.
        if ((COMPLEMENT_END.test(zh) || COUNTED.test(zh)) && !isKnownWord(zh)) continue;
        add(zh, 'term', toks, i, j + 1, occurrence(s, toks, i, j + 1, clause));
      }
    }
  }

  // Nesting: which occurrences lie inside a longer candidate occurrence (and a frequent one).
  // `spans` run sentence by sentence and, in a sentence, by first token; no occurrence is longer
  // than MAX_TOKENS tokens or crosses a clause. So those that may contain one are its neighbours in
  // `spans` starting at most MAX_TOKENS tokens before its end and no later than it does (comparing
  // a clause's occurrences all with all made 420,000 comparisons on WMT18).
  for (let a = 0; a < spans.length; a++) {
    const inner = spans[a];
    let nested = false;
    let inFrequent = false;
    let b = a;
    while (b > 0 && spans[b - 1].sentence === inner.sentence && spans[b - 1].first >= inner.last - MAX_TOKENS) b--;
    for (; b < spans.length && spans[b].sentence === inner.sentence && spans[b].first <= inner.first; b++) {
      const outer = spans[b];
      const outerCand = spanCands[b];
      if (b === a || outerCand.kind === 'name') continue;
      if (outer.last >= inner.last && outer.last - outer.first > inner.last - inner.first) {
        nested = true;
        if (outerCand.occurrences.length >= 2) inFrequent = true;
      }
    }
    if (nested) spanCands[a].nested++;
    if (inFrequent) spanCands[a].nestedInFrequent++;
  }
  return byZh;
}

function occurrence(sentence: number, toks: Token[], first: number, last: number, clause: number): CandidateOccurrence {
  const before = toks[first - 1]?.word;
  const after = toks[last]?.word;
  return {
    sentence,
    first,
    last,
    zhStart: toks[first].start,
    zhEnd: toks[last - 1].end,
    clause,
    listMember: before === '、' || after === '、',
  };
}
