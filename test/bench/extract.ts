// Extraction throughput on the shared corpora beside its floor, nodejieba segmentation alone of the
// same Chinese text, and beside the segmentation extraction starts from (nodejieba's words tagged
// with parts of speech, user words joined: segment.ts's tag()). Each measurement runs in a fresh
// process (peak RSS is per process, and the segmenter's cache must not carry over); dictionaries
// are loaded and warmed before the clock starts. Each method runs RUNS times, alternating, and the
// fastest run of each is reported: on a shared machine a single run can be a fifth slower for
// reasons of its own, and taking the best of all methods alike keeps the ratio about the work.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corporaDir, haveCorpora } from '../corpora.ts';

const corpora = {
  tatoeba: { file: 'tatoeba/cmn-eng.tsv', label: 'Tatoeba TSV' },
  wmt18: { file: 'wmt-newstest/wmt18_zh2en_newstest.csv', label: 'WMT18 CSV' },
} as const;
type CorpusName = keyof typeof corpora;
type Method = 'extract' | 'segment' | 'jieba';

interface Measurement {
  pairs: number;
  ms: number;
  /** CPU time of the process over the same span: steadier than wall time on a busy machine. */
  cpuMs: number;
  peakRssMb: number;
  sentences?: number;
  terms?: number;
  /** Reading and sentence alignment, before term extraction starts (from the progress reports). */
  alignMs?: number;
}

async function measure(corpus: CorpusName, method: Method): Promise<Measurement> {
  const { decodeText, extract } = await import('../../server/extract/index.ts');
  const { readBitext, detectFormat } = await import('../../server/extract/formats/index.ts');
  const { cut, jiebaCut } = await import('../../server/extract/segment.ts');
  const text = decodeText(readFileSync(join(corporaDir, corpora[corpus].file)));
  const pairs = readBitext(text, undefined, detectFormat(text));
  // Warm-up on text unlike the corpus: loads jieba, CC-CEDICT and pinyin tables.
  const warm = 'Cyber ecosystem governance is a systematic project. It matters.\n网络生态治理是一项系统工程,事关全局。\n';
  cut('网络生态治理是一项系统工程');
  if (method === 'extract') extract({ text: warm });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let result: { sentences: unknown[]; terms: unknown[] } | undefined;
  if (method === 'segment') for (const p of pairs) cut(p.zh);
  if (method === 'jieba') for (const p of pairs) jiebaCut(p.zh);
  let alignMs: number | undefined;
  if (method === 'extract') {
    result = extract({
      text,
      // extract() reports alignment as the first 15% of its progress, term extraction after.
      onProgress: (done, total) => {
        if (alignMs === undefined && done >= total * 0.15) alignMs = performance.now() - start;
      },
    });
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return {
    pairs: pairs.length,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    sentences: result?.sentences.length,
    terms: result?.terms.length,
    alignMs,
  };
}

function inChild(corpus: CorpusName, method: Method): Measurement {
  const self = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', corpus, method], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (res.status !== 0) throw new Error(`bench child ${corpus}/${method} failed: ${res.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(res.stdout.trim().split('\n').pop()!) as Measurement;
}

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

function fastest(a: Measurement | null, b: Measurement): Measurement {
  return a && a.ms <= b.ms ? a : b;
}

export async function run(): Promise<void> {
  if (!haveCorpora()) return;
  console.log(`fresh process per run; best of ${RUNS} runs per method (BENCH_RUNS to change)`);
  console.log('corpus        pairs   method    seconds  cpu s    pairs/s   peak RSS   sentences  terms');
  const ratios: string[] = [];
  const phases: string[] = [];
  for (const name of Object.keys(corpora) as CorpusName[]) {
    let jieba: Measurement | null = null;
    let seg: Measurement | null = null;
    let ext: Measurement | null = null;
    for (let r = 0; r < RUNS; r++) {
      jieba = fastest(jieba, inChild(name, 'jieba'));
      seg = fastest(seg, inChild(name, 'segment'));
      ext = fastest(ext, inChild(name, 'extract'));
    }
    if (!jieba || !seg || !ext) continue;
    for (const [method, m] of [['jieba', jieba], ['segment', seg], ['extract', ext]] as const) {
      console.log(
        `${corpora[name].label.padEnd(12)} ${String(m.pairs).padStart(6)}   ${method.padEnd(8)} ${(m.ms / 1000).toFixed(2).padStart(8)} ${(m.cpuMs / 1000).toFixed(2).padStart(6)} ${Math.round((m.pairs / m.ms) * 1000).toString().padStart(10)} ${m.peakRssMb.toFixed(0).padStart(7)} MB ${String(m.sentences ?? '').padStart(10)} ${String(m.terms ?? '').padStart(6)}`,
      );
    }
    ratios.push(
      `${corpora[name].label}: ${(ext.ms / jieba.ms).toFixed(2)} (cpu ${(ext.cpuMs / jieba.cpuMs).toFixed(2)}); ` +
        `against the tagged segmentation ${(ext.ms / seg.ms).toFixed(2)} (cpu ${(ext.cpuMs / seg.cpuMs).toFixed(2)})`,
    );
    if (ext.alignMs !== undefined) {
      phases.push(
        `${corpora[name].label}: read + align ${(ext.alignMs / 1000).toFixed(2)} s, terms ${((ext.ms - ext.alignMs) / 1000).toFixed(2)} s`,
      );
    }
  }
  console.log('jieba: nodejieba.cut alone; segment: the same words tagged (what extraction starts from)');
  console.log(`extract / jieba time (target ≤ 3):`);
  for (const line of ratios) console.log(`  ${line}`);
  for (const line of phases) console.log(`  where extract spends it: ${line}`);
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const [corpus, method] = process.argv.slice(childAt + 1) as [CorpusName, Method];
  console.log(JSON.stringify(await measure(corpus, method)));
}
