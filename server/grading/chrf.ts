// chrF (Popović 2015) and chrF++ (2017): character n-gram F-score, β = 2 (recall counts twice
// as much as precision), orders averaged as sacreBLEU does.

export interface ChrfOptions {
  /** Character n-gram orders 1..charOrder (6 is the standard). */
  charOrder?: number;
  /** Word n-gram orders 1..wordOrder: 0 for chrF, 2 for chrF++. */
  wordOrder?: number;
  beta?: number;
}

export interface ChrfStats {
  /** Per order: [matches, hypothesis n-grams, reference n-grams]. */
  orders: [number, number, number][];
}

function ngramCounts(units: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= units.length; i++) {
    const g = n === 1 ? units[i] : units.slice(i, i + n).join('\u0001');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

function orderStats(hyp: string[], ref: string[], n: number): [number, number, number] {
  const h = ngramCounts(hyp, n);
  const r = ngramCounts(ref, n);
  let matches = 0;
  for (const [g, c] of h) matches += Math.min(c, r.get(g) ?? 0);
  return [matches, Math.max(0, hyp.length - n + 1), Math.max(0, ref.length - n + 1)];
}

/** Characters without whitespace: chrF ignores spaces. */
export const charsOf = (text: string): string[] => Array.from(text.replace(/\s+/g, ''));

export function chrfStats(
  hypChars: string[],
  refChars: string[],
  hypWords: string[],
  refWords: string[],
  options: ChrfOptions = {},
): ChrfStats {
  const orders: [number, number, number][] = [];
  for (let n = 1; n <= (options.charOrder ?? 6); n++) orders.push(orderStats(hypChars, refChars, n));
  for (let n = 1; n <= (options.wordOrder ?? 0); n++) orders.push(orderStats(hypWords, refWords, n));
  return { orders };
}

/**
 * F-score in [0, 1]: the F of each order, averaged over the orders both sides are long enough
 * to have (sacreBLEU's effective order), so a short perfect answer still scores 1.
 */
export function chrfScore(stats: ChrfStats, beta = 2): number {
  const b2 = beta * beta;
  let sum = 0;
  let used = 0;
  for (const [m, h, ref] of stats.orders) {
    if (h === 0 || ref === 0) continue;
    const p = m / h;
    const r = m / ref;
    if (p + r > 0) sum += ((1 + b2) * p * r) / (b2 * p + r);
    used++;
  }
  return used ? sum / used : 0;
}

/** chrF of already-normalized text; words split on spaces. */
export function chrf(hypothesis: string, reference: string, options: ChrfOptions = {}): number {
  const hw = hypothesis.split(/\s+/).filter(Boolean);
  const rw = reference.split(/\s+/).filter(Boolean);
  return chrfScore(chrfStats(charsOf(hypothesis), charsOf(reference), hw, rw, options), options.beta);
}
