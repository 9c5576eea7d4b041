// English spans for a Chinese candidate: every span of the aligned sentence is scored by how
// well its content words are explained by the candidate (dictionary glosses of the whole, of its
// words, of their characters; pinyin for names; association learned on the text) and by how much
// of the candidate they cover. Spans start and end on explained content words, so a rendering
// never begins or ends with "of", "the", "and" and never stops halfway through a phrase.
import { glosses, isKnownWord, nameInPinyin } from '../lexicon.ts';
import type { Association } from './association.ts';
import type { Candidate } from './candidates.ts';
import { contentStems, type EnWord } from './english.ts';

export interface SpanChoice {
  start: number;
  end: number;
  /** Normalized key used to count renderings: lowercased, single spaces, no possessive 's. */
  key: string;
  text: string;
  score: number;
  /** The span begins at the sentence's first word (its capital may be only the sentence's). */
  initial: boolean;
}

/**
 * One gloss of one part of the candidate. A span covers the part as far as it contains the
 * gloss's content words: "China" alone covers a sixth of 中国政法大学's gloss, not all of it.
 */
interface GlossUnit {
  /** The candidate's pieces this gloss stands for (bit i = piece i). */
  mask: number;
  size: number;
  weight: number;
}

/** What a candidate can explain, built once per candidate and reused for every occurrence. */
export interface CandidateEvidence {
  pieces: string[];
  /** Share of the candidate each piece stands for (by characters), summing to 1. */
  pieceWeights: number[];
  units: GlossUnit[];
  /** stem → [unit, index of the stem in the unit] pairs. */
  index: Map<string, [number, number][]>;
  /** Whole glosses as phrases: a span equal to one is a perfect rendering. */
  phrases: Set<string>;
  full: number;
}

const MAX_SPAN_WORDS = 9;
const MAX_UNIT_STEMS = 8;
// Characters are weaker evidence than words: 清 "clear" is only sometimes the 清 of 风清气正.
const CHAR_WEIGHT = 0.6;
const SUBWORD_WEIGHT = 0.85;
const MIN_DICE = 0.3;
// Association alone may start or end a span only when it is strong.
const EDGE_DICE = 0.6;

const HAN = /\p{Script=Han}/u;

class EvidenceBuilder {
  readonly units: GlossUnit[] = [];
  readonly index = new Map<string, [number, number][]>();
  private readonly seen = new Set<string>();

  add(phrase: string, mask: number, weight: number): void {
    const key = `${mask}:${phrase}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const stems = [...new Set(contentStems(phrase))];
    if (!stems.length || stems.length > MAX_UNIT_STEMS) return;
    const u = this.units.length;
    this.units.push({ mask, size: stems.length, weight });
    stems.forEach((s, k) => {
      const list = this.index.get(s);
      if (list) list.push([u, k]);
      else this.index.set(s, [[u, k]]);
    });
  }
}

export function candidateEvidence(c: Candidate): CandidateEvidence {
  const b = new EvidenceBuilder();
  const phrases = new Set<string>();
  if (c.kind === 'name') {
    // Surname and given name are two pieces: "Xi" alone covers a third of 习近平.
    const roman = nameInPinyin(c.zh);
    const [family, given = ''] = roman.toLowerCase().split(' ');
    b.add(family, 1, 1);
    if (given) b.add(given, 2, 1);
    phrases.add(roman.toLowerCase());
    const nGiven = c.zh.length - 1;
    return {
      pieces: [c.zh.slice(0, 1), c.zh.slice(1)],
      pieceWeights: given ? [1 / (1 + nGiven), nGiven / (1 + nGiven)] : [1, 0],
      units: b.units,
      index: b.index,
      phrases,
      full: given ? 3 : 1,
    };
  }
  const whole = glosses(c.zh);
  // A one-word candidate is covered character by character (风清气正: 清 clean, 正 upright).
  const pieces = c.pieces.length > 1 ? c.pieces : [...c.zh];
  const full = (1 << pieces.length) - 1;
  for (const g of whole) {
    phrases.add(g);
    b.add(g, full, 1);
  }
  if (c.pieces.length > 1) {
    pieces.forEach((p, i) => {
      const bit = 1 << i;
      for (const g of glosses(p)) b.add(g, bit, p.length === 1 ? CHAR_WEIGHT : 1);
      if (p.length >= 3) addSubwords(b, p, () => bit);
      if (p.length >= 2) for (const ch of p) if (HAN.test(ch)) for (const g of glosses(ch)) b.add(g, bit, CHAR_WEIGHT);
    });
  } else {
    // Known words inside a one-word candidate cover their characters: 创新 in 守正创新.
    addSubwords(b, c.zh, (from, to) => {
      let mask = 0;
      for (let k = from; k < to; k++) mask |= 1 << k;
      return mask;
    });
    // A dictionary word is explained by its own glosses; its characters' senses only add noise.
    if (!whole.length) [...c.zh].forEach((ch, i) => {
      if (HAN.test(ch)) for (const g of glosses(ch)) b.add(g, 1 << i, CHAR_WEIGHT);
    });
  }
  const total = pieces.reduce((n, p) => n + p.length, 0);
  return { pieces, pieceWeights: pieces.map((p) => p.length / total), units: b.units, index: b.index, phrases, full };
}

function addSubwords(b: EvidenceBuilder, word: string, maskOf: (from: number, to: number) => number): void {
  for (let from = 0; from < word.length; from++) {
    for (let to = from + 2; to <= word.length && to - from < word.length; to++) {
      const sub = word.slice(from, to);
      if (isKnownWord(sub)) for (const g of glosses(sub)) b.add(g, maskOf(from, to), SUBWORD_WEIGHT);
    }
  }
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

export function spanKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
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
): SpanChoice | null {
  const n = words.length;
  if (n === 0) return null;
  const w = new Float64Array(n);
  const edge = new Uint8Array(n);
  // Units hit in this sentence, renumbered densely: hitUnit[j] lists [local unit, stem bit].
  const localOf = new Map<number, number>();
  const localUnits: GlossUnit[] = [];
  const wordHits: [number, number][][] = new Array(n);
  for (let j = 0; j < n; j++) {
    const word = words[j];
    const hits: [number, number][] = [];
    wordHits[j] = hits;
    if (word.function) continue;
    let weight = 0;
    for (const key of word.parts.length ? [word.stem, ...word.parts] : [word.stem]) {
      const list = ev.index.get(key);
      if (!list) continue;
      for (const [u, k] of list) {
        let local = localOf.get(u);
        if (local === undefined) {
          local = localUnits.length;
          localOf.set(u, local);
          localUnits.push(ev.units[u]);
        }
        hits.push([local, 1 << k]);
        weight = Math.max(weight, ev.units[u].weight);
      }
    }
    if (weight > 0) edge[j] = 1;
    // Association only for words no dictionary explains: "online" is 网络's, and must not also
    // become 乱象's because the two often co-occur.
    if (assoc && weight === 0 && ev.pieces.length > 1) {
      let bestD = 0;
      let bestPiece = 0;
      ev.pieces.forEach((p, i) => {
        const d = assoc.dice(p, word.stem);
        if (d > bestD) {
          bestD = d;
          bestPiece = i;
        }
      });
      if (bestD >= MIN_DICE) {
        const local = localUnits.length;
        localUnits.push({ mask: 1 << bestPiece, size: 1, weight: Math.min(0.8, bestD) });
        hits.push([local, 1]);
        weight = Math.min(0.8, bestD);
        if (bestD >= EDGE_DICE) edge[j] = 1;
      }
    }
    w[j] = weight;
  }

  const unitHits = new Int32Array(localUnits.length);
  const pieceCov = new Float64Array(ev.pieces.length);
  let best: SpanChoice | null = null;
  for (let a = 0; a < n; a++) {
    if (!edge[a]) continue;
    if (taken.some((t) => words[a].start < t.end && words[a].end > t.start)) continue;
    let sumW = 0;
    let content = 0;
    unitHits.fill(0);
    for (let b = a; b < n && b < a + MAX_SPAN_WORDS; b++) {
      if (b > a && breakBetween(en, words[b - 1].end, words[b].start)) break;
      if (taken.some((t) => words[b].start < t.end && words[b].end > t.start)) break;
      if (!words[b].function) {
        content++;
        sumW += w[b];
        for (const [local, bit] of wordHits[b]) unitHits[local] |= bit;
      }
      if (!edge[b]) continue;
      let end = words[b].end;
      if (/['’]s$/i.test(words[b].text)) end -= 2;
      const text = en.slice(words[a].start, end);
      const key = spanKey(text);
      let score: number;
      if (ev.phrases.has(key)) score = 1;
      else {
        pieceCov.fill(0);
        for (let u = 0; u < localUnits.length; u++) {
          if (!unitHits[u]) continue;
          const unit = localUnits[u];
          const c = popcount(unitHits[u]) / unit.size;
          for (let p = 0; p < pieceCov.length; p++) if (unit.mask & (1 << p) && c > pieceCov[p]) pieceCov[p] = c;
        }
        let cov = 0;
        for (let p = 0; p < pieceCov.length; p++) cov += pieceCov[p] * ev.pieceWeights[p];
        const precision = sumW / content;
        // Coverage matters a little less than precision: English often drops a redundant
        // piece (网络生态治理 → "cyberspace governance"), but never adds unexplained words.
        score = Math.pow(cov, 0.8) * precision * Math.pow(0.98, b - a);
      }
      if (score >= minScore && (!best || score > best.score + 1e-9)) {
        best = { start: words[a].start, end, key, text, score, initial: a === 0 };
      }
    }
  }
  return best;
}
