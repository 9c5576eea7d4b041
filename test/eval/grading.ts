// `npm run eval grading`: translation scoring calibrated on Tatoeba. For each direction, a
// source with two translations gives a valid alternative (one graded against the other) and a
// near miss (another source's translation sharing the most bigrams with the reference). We
// report ROC AUC (does a valid alternative outscore a near miss?) and how often each side is
// suggested Again, beside plain chrF (Again below 0.3) measured in the same run. Two pairings:
// the near miss graded against the reference it resembles (ours, harder: chrF is at chance on
// en→zh), and against the other translation (*, which reproduces the chrF figures).
//
// The constants in server/grading/translation.ts were tuned on the even-numbered items
// (`npm run eval grading -- --tune` prints that search); the table reports the odd-numbered ones.
import { join } from 'node:path';
import { chrf } from '../../server/grading/chrf.ts';
import { serverEvidence } from '../../server/grading/evidence.ts';
import {
  gradeTranslation,
  translationFeatures,
  chrfOnlyThresholds,
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
  // The browser's instant grade: no dictionary, no source.
  const bare = (answer: string, it: CalibrationItem) => gradeTranslation({ reference: it.reference, answer, direction });
  const bareValid = items.map((it) => bare(it.alternative, it));
  const bareMisses = items.map((it) => bare(it.nearMiss, it));
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
    [
      'browser',
      rocAuc(
        bareValid.map((r) => r.score),
        bareMisses.map((r) => r.score),
      ),
      share(bareValid.map((r) => r.suggestion === 1)),
      share(bareMisses.map((r) => r.suggestion === 1)),
    ],
  ];
  console.log(`\n${direction}: ${items.length} sources (odd-numbered half; thresholds tuned on the even half)`);
  console.log('scorer        ROC AUC   valid→Again   near miss→Again');
  for (const [name, auc, again, missAgain] of rows.slice(0, 3)) {
    console.log(`${name.padEnd(12)}  ${auc.toFixed(3).padStart(7)}   ${pct(again).padStart(11)}   ${pct(missAgain).padStart(15)}`);
  }
  // The pairing that reproduces the baseline figures (chrF AUC ≈ 0.72 en→zh, 0.86
  // zh→en): the near miss, picked for its bigrams shared with one translation, graded against
  // the other. Easier than ours, where it is graded against the translation it resembles.
  const crossMisses = items.map((it) =>
    gradeTranslation({ reference: it.alternative, answer: it.nearMiss, direction, source: it.source }, evidence),
  );
  const crossChrf = items.map((it) => chrf(it.nearMiss, it.alternative));
  rows.push(
    ['plain chrF*', rocAuc(chrfValid, crossChrf), share(chrfValid.map((s) => s < baselineAgain)), share(crossChrf.map((s) => s < baselineAgain))],
    [
      'duizhao*',
      rocAuc(
        valid.map((r) => r.score),
        crossMisses.map((r) => r.score),
      ),
      share(valid.map((r) => r.suggestion === 1)),
      share(crossMisses.map((r) => r.suggestion === 1)),
    ],
  );
  for (const [name, auc, again, missAgain] of rows.slice(3)) {
    console.log(`${name.padEnd(12)}  ${auc.toFixed(3).padStart(7)}   ${pct(again).padStart(11)}   ${pct(missAgain).padStart(15)}`);
  }
  console.log('(*: near miss graded against the other translation, the pairing behind the issue\'s baseline figures)');
  const dist = (rs: { suggestion: number }[]) => [1, 2, 3, 4].map((s) => pct(share(rs.map((r) => r.suggestion === s)))).join(' ');
  console.log(`duizhao suggestions 1/2/3/4: valid ${dist(valid)}   near miss ${dist(misses)}   (${ms.toFixed(2)} ms per grade)`);
  console.log('(duizhao: chrF with dictionary synonyms, shaped by source evidence; browser: the same core without dictionary or source)');
}

/** Grid search of the score's shape and the Again threshold on the even half. */
function tune(direction: GradeDirection, items: CalibrationItem[]): void {
  const evidence = serverEvidence();
  const feats = (answer: string, it: CalibrationItem): TranslationFeatures =>
    translationFeatures({ reference: it.reference, answer, direction, source: it.source }, evidence)!;
  const valid = items.map((it) => feats(it.alternative, it));
  const misses = items.map((it) => feats(it.nearMiss, it));
  type Shape = { c: number; a: number; b: number; k: number; p: number };
  const shaped = (s: Shape) => (x: TranslationFeatures) => {
    const d = x.divergence;
    const extra = d && d.extra ? d.extra / (d.content + s.k) : 0;
    const missing = d && d.missing ? d.missing / (d.rendered + s.k) : 0;
    return x.chrfSynonyms ** s.c * (1 - extra) ** s.a * (1 - missing) ** s.b * (x.polarityFlip ? 1 - s.p : 1);
  };
  const results: (Shape & { auc: number })[] = [];
  for (const p of [0, 0.25, 0.5, 0.75])
  for (const k of [1, 2, 3, 5])
    for (const c of [0.1, 0.2, 0.3, 0.5])
      for (const a of [2, 3, 4, 6])
        for (const b of [2, 3, 4, 6]) {
          const f = shaped({ c, a, b, k, p });
          results.push({ auc: rocAuc(valid.map(f), misses.map(f)), c, a, b, k, p });
        }
  results.sort((x, y) => y.auc - x.auc);
  console.log(`\n${direction} tuning on ${items.length} even-numbered sources; best shapes (chrF^c · (1-extra)^a · (1-missing)^b · (1-polarity if negation flips), shares smoothed by k):`);
  for (const r of results.slice(0, 5)) console.log(`  AUC ${r.auc.toFixed(3)}  c=${r.c} a=${r.a} b=${r.b} k=${r.k} polarity=${r.p}`);
  // The shape in use (scoreShape, smoothing in translation.ts): where to put the thresholds.
  const inUse = items.map((it) => [it.alternative, it.nearMiss].map((answer) => gradeTranslation({ reference: it.reference, answer, direction, source: it.source }, evidence).score));
  const v = inUse.map((x) => x[0]);
  const m = inUse.map((x) => x[1]);
  console.log(`  shape in use: AUC ${rocAuc(v, m).toFixed(3)}; share below t: valid / near miss`);
  for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
    console.log(`  t=${t.toFixed(2)}  ${pct(share(v.map((x) => x < t)))} / ${pct(share(m.map((x) => x < t)))}`);
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
    console.log('\nthresholds in use:', JSON.stringify(translationThresholds), 'without source evidence:', JSON.stringify(chrfOnlyThresholds));
  }
}
