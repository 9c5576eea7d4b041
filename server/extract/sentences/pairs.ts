// From bitext pairs (paragraphs, rows) to sentence pairs: split both sides, align inside each pair
// with a length model learned on the whole document (its paragraph pairs are known
// translations: an unbiased sample of the ratio and variance), and fold 1–0 / 0–1 beads into
// a neighbour (a card needs both languages).
import type { SentencePair } from '../types.ts';
import type { BitextPair } from '../formats/types.ts';
import { alignUnits, estimateModel, measure, toUnits, type Bead, type LengthModel } from './align.ts';
import { splitEn, splitZh } from './split.ts';

export interface AlignPairsOptions {
  onProgress?: (done: number, total: number) => void;
}

export function alignPairs(pairs: BitextPair[], options: AlignPairsOptions = {}): SentencePair[] {
  const model = estimateModel(pairs.map((p) => [measure(p.zh), measure(p.en)]));
  const split = pairs.map((p) => ({ zh: splitZh(p.zh), en: splitEn(p.en) }));
  const out: SentencePair[] = [];
  const every = Math.max(1, Math.floor(pairs.length / 100));
  split.forEach((s, paragraph) => {
    const beads = alignInside(s.zh, s.en, model);
    beads.forEach((b, sentence) => {
      out.push({
        paragraph,
        sentence,
        zh: joinZh(s.zh.slice(b.zh[0], b.zh[1])),
        en: s.en.slice(b.en[0], b.en[1]).join(' '),
        score: b.score,
      });
    });
    if (options.onProgress && (paragraph % every === 0 || paragraph === pairs.length - 1)) {
      options.onProgress(paragraph + 1, pairs.length);
    }
  });
  return out;
}

function alignInside(zh: string[], en: string[], model: LengthModel): Bead[] {
  // One sentence on either side: after folding omissions, whatever the aligner found is one bead,
  // so the work (segmentation for lexical evidence above all) is skipped.
  if (zh.length === 1 || en.length === 1) {
    if (zh.length === 0 || en.length === 0) return [];
    const [bead] = alignUnits([{ text: '', length: sumLengths(zh) }], [{ text: '', length: sumLengths(en) }], model);
    return [{ zh: [0, zh.length], en: [0, en.length], score: zh.length === en.length ? bead.score : Math.min(bead.score, 0.9) }];
  }
  return foldEmpty(alignUnits(toUnits(zh), toUnits(en), model));
}

function sumLengths(texts: string[]): number {
  let total = 0;
  for (const t of texts) total += measure(t);
  return total;
}

/** Chinese sentences join without a space, unless Latin text meets at the seam. */
function joinZh(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  let out = '';
  for (const p of parts) out += out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(p) ? ' ' + p : p;
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
