// Calibration data for translation grading, built from Tatoeba (cmn-eng.tsv): a source sentence
// with two different translations gives a valid alternative (one graded against the other); the
// translation of ANOTHER source that shares the most bigrams with the reference gives a near miss.
import { readFileSync } from 'node:fs';

export interface CalibrationItem {
  source: string;
  reference: string;
  alternative: string;
  nearMiss: string;
  direction: 'zh-en' | 'en-zh';
}

const bare = (s: string): string => s.replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();

function charBigrams(s: string): Set<string> {
  const chars = Array.from(bare(s));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

function wordBigrams(s: string): Set<string> {
  const w = s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 1 < w.length; i++) out.add(w[i] + ' ' + w[i + 1]);
  return out;
}

/** en-zh: English sources, Chinese answers; zh-en: Chinese sources, English answers. */
export function calibrationItems(tsvPath: string, direction: 'zh-en' | 'en-zh'): CalibrationItem[] {
  const text = readFileSync(tsvPath, 'utf8').replace(/^\uFEFF/, '');
  const bySource = new Map<string, string[]>();
  const targetSource = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [en, zh] = line.split('\t');
    if (!en || !zh) continue;
    const [source, target] = direction === 'en-zh' ? [en, zh] : [zh, en];
    const list = bySource.get(source) ?? [];
    if (!list.includes(target)) list.push(target);
    bySource.set(source, list);
    if (!targetSource.has(target)) targetSource.set(target, source);
  }
  const bigrams = direction === 'en-zh' ? charBigrams : wordBigrams;
  // Inverted index: bigram → targets containing it, in corpus order.
  const targets = [...targetSource.keys()];
  const grams = targets.map(bigrams);
  const index = new Map<string, number[]>();
  grams.forEach((set, i) => {
    for (const g of set) {
      const list = index.get(g) ?? [];
      list.push(i);
      index.set(g, list);
    }
  });

  const items: CalibrationItem[] = [];
  for (const [source, list] of bySource) {
    if (list.length < 2) continue;
    const [reference, alternative] = list;
    const own = new Set(list.map(bare));
    const shared = new Map<number, number>();
    for (const g of bigrams(reference)) for (const i of index.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    let best = -1;
    let bestCount = 0;
    for (const [i, count] of shared) {
      // Another source's translation; an identical wording (你好。 for "Hi." and "Hello.") is no miss.
      if (targetSource.get(targets[i]) === source || own.has(bare(targets[i]))) continue;
      if (count > bestCount || (count === bestCount && i < best)) {
        best = i;
        bestCount = count;
      }
    }
    if (best < 0) continue;
    items.push({ source, reference, alternative, nearMiss: targets[best], direction });
  }
  return items;
}

/** ROC AUC: the probability that a valid alternative outscores a near miss (ties count half). */
export function rocAuc(positives: number[], negatives: number[]): number {
  const all = [...positives.map((s) => [s, 1] as const), ...negatives.map((s) => [s, 0] as const)].sort(
    (a, b) => a[0] - b[0],
  );
  let rankSum = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    do j++;
    while (j < all.length && all[j][0] === all[i][0]);
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k][1] === 1) rankSum += avgRank;
    i = j;
  }
  const p = positives.length;
  const n = negatives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * n);
}
