// Sentence (and paragraph) alignment: dynamic programming over beads, Gale–Church length cost with
// the length ratio and variance of the document at hand, plus lexical evidence (evidence.ts).
// Costs are in nats: -log of a probability, lexical matches subtract.
import { chineseItems, englishKeys, type Item } from './evidence.ts';

export interface Unit {
  text: string;
  /** Letters, digits and Han characters: what Gale–Church counts. */
  length: number;
}

/** zh units [zh[0], zh[1]) translate en units [en[0], en[1]); either side may be empty. */
export interface Bead {
  zh: [number, number];
  en: [number, number];
  /** Confidence in [0, 1]. */
  score: number;
}

export interface LengthModel {
  /** English length per Chinese length unit. */
  ratio: number;
  /** Variance of English length per unit of (mean) length. */
  variance: number;
}

export type Priors = Record<string, number>;

const allShapes: [number, number][] = [
  [1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1], [1, 4], [2, 3], [3, 2],
];

/**
 * Bead shapes as Chinese-to-English translations show them (close to MAC-Dev's counts): English
 * splits a long Chinese sentence far more often than it joins two.
 */
export const defaultPriors: Priors = {
  '1-1': 0.66, '1-0': 0.006, '0-1': 0.006, '1-2': 0.18, '2-1': 0.05, '2-2': 0.02,
  '1-3': 0.05, '3-1': 0.008, '1-4': 0.02, '2-3': 0.01, '3-2': 0.003,
};

/** Before a document has shown its own: the ratio of the seed, the variance of MAC-Dev's novels. */
export const defaultModel: LengthModel = { ratio: 3.1, variance: 20 };

const letterOrDigit = /[\p{L}\p{N}]/u;
// What letterOrDigit says of each other BMP code unit, asked once: 0 not yet, 1 yes, 2 no. Chinese
// punctuation (，。“”) would otherwise cost a one-character string and a regex run each time.
const letterOrDigitKnown = new Uint8Array(0x10000);

/** What Gale–Church count: letters, digits and Han characters (not spaces or punctuation). */
export function measure(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) n++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) n++;
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a pair was counted with the first
    else if (c >= 0xd800 && c <= 0xdbff) n++;
    else if (c >= 0xc0) {
      let known = letterOrDigitKnown[c];
      if (known === 0) {
        known = letterOrDigit.test(text[i]) ? 1 : 2;
        letterOrDigitKnown[c] = known;
      }
      if (known === 1) n++;
    }
  }
  return n;
}

export function toUnits(texts: string[]): Unit[] {
  return texts.map((text) => ({ text, length: measure(text) }));
}

/** Ratio and variance from pairs of lengths known to translate each other (paragraphs, beads). */
export function estimateModel(pairs: [zh: number, en: number][], fallback: LengthModel = defaultModel): LengthModel {
  return estimateModelOf(
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
    fallback,
  );
}

/**
 * estimateModel with the lengths in two arrays, pair k at index k of each: a document of 30,000
 * rows need not allocate a tuple per row, each one more object for the garbage collector to move.
 */
export function estimateModelOf(zhLengths: ArrayLike<number>, enLengths: ArrayLike<number>, fallback: LengthModel = defaultModel): LengthModel {
  // Indexed, not for-of: until the loop is optimized, each pair would cost an iterator (half the
  // instructions of a cold pass over Tatoeba's 29k pairs).
  let zh = 0;
  let en = 0;
  for (let k = 0; k < zhLengths.length; k++) {
    zh += zhLengths[k];
    en += enLengths[k];
  }
  if (zh === 0 || en === 0) return fallback;
  const ratio = en / zh;
  if (zhLengths.length < 4) return { ratio, variance: fallback.variance };
  let sq = 0;
  let base = 0;
  for (let k = 0; k < zhLengths.length; k++) {
    const z = zhLengths[k];
    const e = enLengths[k];
    sq += (e - ratio * z) ** 2;
    base += (z + e / ratio) / 2;
  }
  // A few outliers (a dropped sentence) should not make every length look plausible.
  const variance = Math.min(Math.max(sq / base, 2), 40);
  return { ratio, variance };
}

// Gale–Church take the length difference as normal. Literary and news translations stray further
// than a normal allows (a translator adds a clause, drops an aside), so the cost here is a
// Student-t's: the same near zero, lighter in the tail. On MAC-Dev this alone is worth ~5 points
// of bead F1 over the normal.
const tailDegrees = 8;

// log erfc(x) for x >= 0, from the Chebyshev fit in Numerical Recipes (erfcc): stable far in the tail.
function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 +
      t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly;
}

/**
 * -log of the (unnormalised) density of the length difference, Gale–Church's delta; `normal` is
 * their published two-sided normal tail, kept for the baseline.
 */
export function lengthCost(zhLength: number, enLength: number, model: LengthModel, normal = false): number {
  const mean = (zhLength + enLength / model.ratio) / 2;
  if (mean === 0) return 0;
  const delta = Math.abs(enLength - zhLength * model.ratio) / Math.sqrt(model.variance * mean);
  if (normal) return -logErfc(delta / Math.SQRT2);
  return ((tailDegrees + 1) / 2) * Math.log(1 + (delta * delta) / tailDegrees);
}

export interface AlignOptions {
  priors?: Priors;
  /** Use lexical evidence (costs a segmentation of the Chinese). */
  lexical?: boolean;
  /** Half-width of the search band around the diagonal; 0 = automatic. */
  band?: number;
  /** Nats per unit of matched lexical weight. */
  lexicalWeight?: number;
  /** Gale–Church's normal length model instead of ours (for baselines). */
  normal?: boolean;
  /** Bead shapes allowed, [zh, en] counts; all of ours by default. */
  shapes?: [number, number][];
}

// Tuned on MAC-Dev (1.0 → bead F1 0.816, 2.0 → 0.84, 3.0 → 0.826): matches matter, length still counts.
const defaultLexicalWeight = 2;
const missingNumberCost = 2;

interface Evidence {
  items: Item[][];
  /** Item weights discounted by how many English units could explain them (an IDF). */
  weights: Float64Array[];
  keys: Set<string>[];
  /** Match masks of (zh unit, en unit) pairs near the band, computed once; -1 = not yet. */
  masks: Int32Array;
}

function gatherEvidence(zh: Unit[], en: Unit[]): Evidence {
  const items = zh.map((u) => chineseItems(u.text));
  const keys = en.map((u) => englishKeys(u.text));
  const df = new Map<string, number>();
  for (const set of keys) for (const k of set) df.set(k, (df.get(k) ?? 0) + 1);
  const norm = Math.log(en.length + 1);
  // "boy" for 男孩 matches half the sentences of a story and tells little about which one.
  const weights = items.map((list) => {
    // A loop rather than Float64Array.from(list, fn), which walks the list with an iterator.
    const out = new Float64Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const item = list[k];
      let most = 0;
      for (let q = 0; q < item.keys.length; q++) most = Math.max(most, df.get(item.keys[q]) ?? 0);
      const specificity = most ? Math.min(1, Math.max(0.1, Math.log((en.length + 1) / most) / norm)) : 1;
      out[k] = item.weight * specificity;
    }
    return out;
  });
  return { items, weights, keys, masks: new Int32Array(0) };
}

function matchMask(items: Item[], keys: Set<string>): number {
  let mask = 0;
  for (let k = 0; k < items.length; k++) {
    const itemKeys = items[k].keys;
    for (let q = 0; q < itemKeys.length; q++) {
      if (keys.has(itemKeys[q])) {
        mask |= 1 << k;
        break;
      }
    }
  }
  return mask;
}

export function alignUnits(zh: Unit[], en: Unit[], model: LengthModel, options: AlignOptions = {}): Bead[] {
  const nz = zh.length;
  const ne = en.length;
  if (nz === 0 && ne === 0) return [];
  if (nz === 0) return [{ zh: [0, 0], en: [0, ne], score: 0 }];
  if (ne === 0) return [{ zh: [0, nz], en: [0, 0], score: 0 }];
  if (nz === 1 && ne === 1) {
    return [{ zh: [0, 1], en: [0, 1], score: Math.exp(-lengthCost(zh[0].length, en[0].length, model)) }];
  }
  const priors = options.priors ?? defaultPriors;
  const beadShapes = options.shapes ?? allShapes;
  const lexicalWeight = options.lexicalWeight ?? defaultLexicalWeight;
  const priorCost = beadShapes.map((shape) => -Math.log(priors[`${shape[0]}-${shape[1]}`] ?? 1e-4));
  const evidence: Evidence | null =
    options.lexical === false
      ? null
      : gatherEvidence(zh, en);

  const zhPrefix = prefixSums(zh);
  // Running totals of item weights: the most lexical evidence a bead could hold.
  const weightPrefix = new Float64Array(nz + 1);
  if (evidence) for (let k = 0; k < nz; k++) weightPrefix[k + 1] = weightPrefix[k] + sum(evidence.weights[k]);
  const enPrefix = prefixSums(en);
  const longest = Math.max(nz, ne);
  // Small inputs get the full table; long ones a band around the diagonal (translations drift
  // locally, not by a tenth of a book).
  // The band is capped: its table (and the masks beside it) grows with lines × band width, and a
  // book of 30,000 lines must stay within a few hundred megabytes.
  const w = options.band || (longest <= 400 ? longest + 4 : Math.min(300, Math.max(60, Math.ceil(0.12 * longest))));
  const width = 2 * w + 1;
  const lo = new Int32Array(nz + 1);
  for (let i = 0; i <= nz; i++) lo[i] = Math.round((i * ne) / nz) - w;
  // A bead's units lie near the band row of its last unit: up to 4 columns before it, and after it
  // by as far as the diagonal moves in 3 rows.
  const maskLow = 4;
  const maskWidth = width + maskLow + Math.ceil((3 * ne) / nz) + 2;
  if (evidence) evidence.masks = new Int32Array(nz * maskWidth).fill(-1);
  const cost = new Float64Array((nz + 1) * width).fill(Infinity);
  const back = new Int8Array((nz + 1) * width).fill(-1);
  const at = (i: number, j: number) => {
    const k = j - lo[i];
    return k < 0 || k >= width ? -1 : i * width + k;
  };
  cost[at(0, 0)] = 0;

  const beadLex = (i0: number, i1: number, j0: number, j1: number): [gain: number, missing: number, cover: number] => {
    if (!evidence || i0 === i1 || j0 === j1) return [0, 0, 0];
    let gain = 0;
    let missing = 0;
    let total = 0;
    const claimed = i1 - i0 > 1 ? new Set<string>() : null;
    for (let i = i0; i < i1; i++) {
      const items = evidence.items[i];
      if (items.length === 0) continue;
      let mask = 0;
      for (let j = j0; j < j1; j++) {
        const offset = j - lo[i] + maskLow;
        const slot = offset >= 0 && offset < maskWidth ? i * maskWidth + offset : -1;
        let m = slot >= 0 ? evidence.masks[slot] : -1;
        if (m === -1) {
          m = matchMask(items, evidence.keys[j]);
          if (slot >= 0) evidence.masks[slot] = m;
        }
        mask |= m;
      }
      const weights = evidence.weights[i];
      for (let k = 0; k < items.length; k++) {
        total += weights[k];
        if (mask & (1 << k)) {
          // In a bead of several Chinese sentences, one English word explains one of them only:
          // otherwise "morning" for 早上 in one sentence and 早早 in the next pulls an untranslated
          // sentence into its neighbour's bead.
          if (claimed && claimKey(items[k].keys, j0, j1, claimed)) continue;
          gain += weights[k];
        } else if (items[k].hard) missing++;
      }
    }
    return [gain, missing, total ? gain / total : 0];
  };

  /** Claims the key an English unit of the bead offers; true when it was claimed already. */
  const claimKey = (keys: string[], j0: number, j1: number, claimed: Set<string>): boolean => {
    for (let q = 0; q < keys.length; q++) {
      const key = keys[q];
      for (let j = j0; j < j1; j++) {
        if (!evidence!.keys[j].has(key)) continue;
        if (claimed.has(key)) return true;
        claimed.add(key);
        return false;
      }
    }
    return false;
  };

  // Shapes and beadLex's results are read by index, not destructured: destructuring steps an
  // iterator, and alignUnits runs a few hundred times per import, mostly before it is optimized.
  for (let i = 0; i <= nz; i++) {
    const jFrom = Math.max(0, lo[i]);
    const jTo = Math.min(ne, lo[i] + width - 1);
    for (let j = jFrom; j <= jTo; j++) {
      if (i === 0 && j === 0) continue;
      const here = at(i, j);
      let best = Infinity;
      let bestShape = -1;
      for (let s = 0; s < beadShapes.length; s++) {
        const a = beadShapes[s][0];
        const b = beadShapes[s][1];
        if (a > i || b > j) continue;
        const prev = at(i - a, j - b);
        if (prev < 0) continue;
        const base = cost[prev];
        if (base === Infinity) continue;
        const lz = zhPrefix[i] - zhPrefix[i - a];
        const le = enPrefix[j] - enPrefix[j - b];
        // A sentence left untranslated says nothing about translation lengths: its bead costs the
        // prior alone (Gale–Church also charge it a length cost, kept for the baseline).
        const omitted = !a || !b;
        let c = base + priorCost[s] + (omitted && !options.normal ? 0 : lengthCost(lz, le, model, options.normal));
        if (evidence && a && b) {
          // Even every item matched could not beat the best bead so far: skip the lookups.
          if (c - lexicalWeight * (weightPrefix[i] - weightPrefix[i - a]) >= best) continue;
          const lex = beadLex(i - a, i, j - b, j);
          c += -lexicalWeight * lex[0] + missingNumberCost * lex[1];
        }
        if (c < best) {
          best = c;
          bestShape = s;
        }
      }
      cost[here] = best;
      back[here] = bestShape;
    }
  }

  const beads: Bead[] = [];
  let i = nz;
  let j = ne;
  while (i > 0 || j > 0) {
    const s = back[at(i, j)];
    if (s < 0) throw new Error('alignment found no path');
    const a = beadShapes[s][0];
    const b = beadShapes[s][1];
    const lz = zhPrefix[i] - zhPrefix[i - a];
    const le = enPrefix[j] - enPrefix[j - b];
    const lengthP = a && b ? Math.exp(-lengthCost(lz, le, model)) : 0;
    const cover = beadLex(i - a, i, j - b, j)[2];
    const score = evidence && a && b ? 0.5 * lengthP + 0.5 * cover : lengthP;
    beads.push({ zh: [i - a, i], en: [j - b, j], score: Math.round(score * 1000) / 1000 });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}

/** Left to right from 0, as reduce((x, y) => x + y, 0) adds. */
function sum(values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k];
  return total;
}

function prefixSums(units: Unit[]): Float64Array {
  const out = new Float64Array(units.length + 1);
  for (let k = 0; k < units.length; k++) out[k + 1] = out[k] + units[k].length;
  return out;
}
