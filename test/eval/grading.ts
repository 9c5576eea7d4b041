// `npm run eval grading`: translation scoring calibrated on Tatoeba. For each direction, a
// source with two translations gives a valid alternative (one graded against the other) and a
// near miss (another source's translation sharing the most bigrams with the reference). We
// report ROC AUC (does a valid alternative outscore a near miss?) and how often each side is
// suggested Again, beside plain chrF (Again below 0.3) measured in the same run.
//
// The constants in server/grading/translation.ts were tuned on the even-numbered items
// (`npm run eval grading -- --tune` prints that search); the table reports the odd-numbered ones.
import { join } from 'node:path';
import { chrf } from '../../server/grading/chrf.ts';
import { serverEvidence } from '../../server/grading/evidence.ts';
import {
  gradeTranslation,
  translationFeatures,
  translationThresholds,
  type TranslationFeatures,
} from '../../server/grading/translation.ts';
import type { GradeDirection } from '../../server/grading/types.ts';
import { corporaDir, haveCorpora } from '../corpora.ts';
import { calibrationItems, rocAuc, type CalibrationItem } from './grading-data.ts';

/** Plain chrF's Again rule for the baseline: below 0.3 (a common "unusable" cut for chrF). */
const baselineAgain = 0.3;

const pct = (x: number): string => `${(100 * x).toFixed(0)}%`.padStart(5);
const share = (xs: boolean[]): number => xs.filter(Boolean).length / Math.max(1, xs.length);

function report(direction: GradeDirection, items: CalibrationItem[]): void {
  const evidence = serverEvidence();
  const started = performance.now();
  const grade = (answer: string, it: CalibrationItem) =>
    gradeTranslation({ reference: it.reference, answer, direction, source: it.source }, evidence);
  const valid = items.map((it) => grade(it.alternative, it));
  const misses = items.map((it) => grade(it.nearMiss, it));
  const ms = (performance.now() - started) / (2 * items.length);
  const chrfValid = items.map((it) => chrf(it.alternative, it.reference));
  const chrfMisses = items.map((it) => chrf(it.nearMiss, it.reference));

  const rows: [string, number, number, number][] = [
    [
      'plain chrF',
      rocAuc(chrfValid, chrfMisses),
      share(chrfValid.map((s) => s < baselineAgain)),
      share(chrfMisses.map((s) => s < baselineAgain)),
    ],
    [
      'duizhao',
      rocAuc(
        valid.map((r) => r.score),
        misses.map((r) => r.score),
      ),
      share(valid.map((r) => r.suggestion === 1)),
      share(misses.map((r) => r.suggestion === 1)),
    ],
  ];
  console.log(`\n${direction}: ${items.length} sources (odd-numbered half; thresholds tuned on the even half)`);
  console.log('scorer        ROC AUC   valid→Again   near miss→Again');
  for (const [name, auc, again, missAgain] of rows) {
    console.log(`${name.padEnd(12)}  ${auc.toFixed(3).padStart(7)}   ${pct(again).padStart(11)}   ${pct(missAgain).padStart(15)}`);
  }
  const dist = (rs: { suggestion: number }[]) => [1, 2, 3, 4].map((s) => pct(share(rs.map((r) => r.suggestion === s)))).join(' ');
  console.log(`suggestions 1/2/3/4: valid ${dist(valid)}   near miss ${dist(misses)}   (${ms.toFixed(2)} ms per grade)`);
}

/** Grid search of the score's shape and the Again threshold on the even half. */
function tune(direction: GradeDirection, items: CalibrationItem[]): void {
  const evidence = serverEvidence();
  const feats = (answer: string, it: CalibrationItem): TranslationFeatures =>
    translationFeatures({ reference: it.reference, answer, direction, source: it.source }, evidence)!;
  const valid = items.map((it) => feats(it.alternative, it));
  const misses = items.map((it) => feats(it.nearMiss, it));
  const results: { auc: number; c: number; a: number; b: number }[] = [];
  for (const c of [0.25, 0.5, 0.75, 1])
    for (const a of [0.5, 1, 2, 3, 4])
      for (const b of [0.5, 1, 2, 3, 4]) {
        const f = (x: TranslationFeatures) => Math.pow(x.chrfSynonyms, c) * Math.pow(1 - x.extra, a) * Math.pow(1 - x.missing, b);
        results.push({ auc: rocAuc(valid.map(f), misses.map(f)), c, a, b });
      }
  results.sort((x, y) => y.auc - x.auc);
  console.log(`\n${direction} tuning on ${items.length} even-numbered sources; best shapes (chrF^c · (1-extra)^a · (1-missing)^b):`);
  for (const r of results.slice(0, 5)) console.log(`  AUC ${r.auc.toFixed(3)}  c=${r.c} a=${r.a} b=${r.b}`);
  const best = results[0];
  const f = (x: TranslationFeatures) => Math.pow(x.chrfSynonyms, best.c) * Math.pow(1 - x.extra, best.a) * Math.pow(1 - x.missing, best.b);
  console.log('  Again below t: valid→Again / near miss→Again');
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4]) {
    console.log(`  t=${t.toFixed(2)}  ${pct(share(valid.map((x) => f(x) < t)))} / ${pct(share(misses.map((x) => f(x) < t)))}`);
  }
}

export async function run(): Promise<void> {
  if (!haveCorpora()) return;
  const tsv = join(corporaDir, 'tatoeba', 'cmn-eng.tsv');
  const tuning = process.argv.includes('--tune');
  for (const direction of ['en-zh', 'zh-en'] as const) {
    const items = calibrationItems(tsv, direction);
    if (tuning) tune(direction, items.filter((_, i) => i % 2 === 0));
    else report(direction, items.filter((_, i) => i % 2 === 1));
  }
  if (!tuning) {
    console.log('\nthresholds in use:', JSON.stringify(translationThresholds));
  }
}
