// From bitext pairs (paragraphs, rows) to sentence pairs: split both sides, align inside each pair
// with a length model learned on the whole document (its paragraph pairs are known
// translations: an unbiased sample of the ratio and variance), and fold 1–0 / 0–1 beads into
// a neighbour (a card needs both languages).
import type { SentencePair } from '../types.ts';
import type { BitextPair } from '../formats/types.ts';
import { runSteps, type Steps } from '../steps.ts';
import { alignUnits, estimateModelOf, lengthCost, measure, toUnits, type Bead, type LengthModel } from './align.ts';
import { splitEn, splitZh } from './split.ts';

export interface AlignPairsOptions {
  onProgress?: (done: number, total: number) => void;
}

export function alignPairs(pairs: BitextPair[], options: AlignPairsOptions = {}): SentencePair[] {
  return runSteps(alignPairsSteps(pairs), options.onProgress);
}

/** alignPairs in pieces: progress after every hundredth of the pairs and after the last. */
export function* alignPairsSteps(pairs: BitextPair[]): Steps<SentencePair[]> {
  const zhLengths = new Int32Array(pairs.length);
  const enLengths = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    zhLengths[k] = measure(pairs[k].zh);
    enLengths[k] = measure(pairs[k].en);
  }
  const model = estimateModelOf(zhLengths, enLengths);
  const out: SentencePair[] = [];
  const every = Math.max(1, Math.floor(pairs.length / 100));
  for (let from = 0; from < pairs.length; ) {
    // Up to and including the next paragraph that reports: a multiple of `every`, or the last.
    const last = from % every === 0 ? from : Math.min(pairs.length - 1, Math.ceil(from / every) * every);
    alignRange(pairs, from, last + 1, zhLengths, enLengths, model, out);
    from = last + 1;
    yield [from, pairs.length];
  }
  return out;
}

function alignRange(
  pairs: BitextPair[],
  from: number,
  to: number,
  zhLengths: Int32Array,
  enLengths: Int32Array,
  model: LengthModel,
  out: SentencePair[],
): void {
  for (let paragraph = from; paragraph < to; paragraph++) {
    const zh = splitZh(pairs[paragraph].zh);
    const en = splitEn(pairs[paragraph].en);
    if (zh.length === 1 || en.length === 1) {
      // One sentence on either side: after folding omissions, whatever the aligner found is one
      // bead, so the work (segmentation for lexical evidence above all) is skipped. Splitting
      // drops only whitespace, which measure() does not count, so the pair's lengths are its
      // bead's, and the score is the aligner's for one unit against one.
      if (zh.length && en.length) {
        const score = Math.exp(-lengthCost(zhLengths[paragraph], enLengths[paragraph], model));
        out.push({
          paragraph,
          sentence: 0,
          zh: joinZh(zh, 0, zh.length),
          en: en.length === 1 ? en[0] : en.join(' '),
          score: zh.length === en.length ? score : Math.min(score, 0.9),
        });
      }
    } else {
      const beads = foldEmpty(alignUnits(toUnits(zh), toUnits(en), model));
      for (let sentence = 0; sentence < beads.length; sentence++) {
        const b = beads[sentence];
        out.push({
          paragraph,
          sentence,
          zh: joinZh(zh, b.zh[0], b.zh[1]),
          en: b.en[1] - b.en[0] === 1 ? en[b.en[0]] : en.slice(b.en[0], b.en[1]).join(' '),
          score: b.score,
        });
      }
    }
  }
}

/** Chinese sentences join without a space, unless Latin text meets at the seam. */
function joinZh(parts: string[], from: number, to: number): string {
  if (to - from === 1) return parts[from];
  let out = '';
  for (let k = from; k < to; k++) {
    const p = parts[k];
    out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p) ? ' ' + p : p;
  }
  return out;
}

/** A bead with one empty side joins the previous bead (or the next, at the start). */
export function foldEmpty(beads: Bead[]): Bead[] {
  const out: Bead[] = [];
  let pending: Bead | null = null;
  for (const b of beads) {
    const empty = b.zh[0] === b.zh[1] || b.en[0] === b.en[1];
    const last = out[out.length - 1];
    if (empty && last) {
      last.zh[1] = b.zh[1];
      last.en[1] = b.en[1];
      last.score = Math.min(last.score, 0.5);
    } else if (empty) {
      pending = { zh: [pending ? pending.zh[0] : b.zh[0], b.zh[1]], en: [pending ? pending.en[0] : b.en[0], b.en[1]], score: 0 };
    } else if (pending) {
      out.push({ zh: [pending.zh[0], b.zh[1]], en: [pending.en[0], b.en[1]], score: Math.min(b.score, 0.5) });
      pending = null;
    } else out.push({ zh: [b.zh[0], b.zh[1]], en: [b.en[0], b.en[1]], score: b.score });
  }
  // Only empty beads: the pair had one side empty, and nothing in it can be paired.
  return out;
}
