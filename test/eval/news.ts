// `npm run eval news`: precision of the terms extracted from real news, WMT18's 3,960 sentence
// pairs. No gold glossary exists for them, so a fixed sample of the output (terms whose Chinese
// hashes to 0 mod 10, about a tenth, the same terms from run to run while they are extracted)
// is compared with verdicts written by hand (test/fixtures/wmt18-term-verdicts.tsv). A term
// whose preferred rendering has no verdict yet is listed, to be judged and added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText, extract } from '../../server/extract/index.ts';
import { corporaDir, haveCorpora } from '../corpora.ts';

const verdictsPath = fileURLToPath(new URL('../fixtures/wmt18-term-verdicts.tsv', import.meta.url));

/** FNV-1a of the Chinese: which terms are in the sample, independent of their order or number. */
function sampled(zh: string): boolean {
  let h = 0x811c9dc5;
  for (let i = 0; i < zh.length; i++) h = Math.imul(h ^ zh.charCodeAt(i), 0x01000193) >>> 0;
  return h % 10 === 0;
}

function readVerdicts(): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const line of readFileSync(verdictsPath, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [zh, en, verdict] = line.split('\t');
    out.set(`${zh}\t${en}`, verdict.trim() === '1');
  }
  return out;
}

export async function run(): Promise<void> {
  if (!haveCorpora()) return;
  const text = decodeText(readFileSync(join(corporaDir, 'wmt-newstest/wmt18_zh2en_newstest.csv')));
  const { terms } = extract({ text });
  const verdicts = readVerdicts();
  const bands = [
    { label: 'score ≥ 0.5', test: (s: number) => s >= 0.5, judged: 0, right: 0, terms: 0 },
    { label: 'score < 0.5', test: (s: number) => s < 0.5, judged: 0, right: 0, terms: 0 },
  ];
  const unjudged: string[] = [];
  let sample = 0;
  for (const t of terms) {
    const band = bands.find((b) => b.test(t.score))!;
    band.terms++;
    if (!sampled(t.zh)) continue;
    sample++;
    const verdict = verdicts.get(`${t.zh}\t${t.en}`);
    if (verdict === undefined) unjudged.push(`${t.zh}\t${t.en}`);
    else {
      band.judged++;
      if (verdict) band.right++;
    }
  }
  const judged = bands.reduce((s, b) => s + b.judged, 0);
  const right = bands.reduce((s, b) => s + b.right, 0);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  console.log(`WMT18 news, ${terms.length} terms; sample of ${sample} (a tenth, by hash), ${judged} judged`);
  console.log(`precision  ${pct(right, judged)} (${right}/${judged})  ≈ ${Math.round((terms.length * right) / Math.max(1, judged))} right terms in all`);
  for (const b of bands) console.log(`  ${b.label.padEnd(12)} ${String(b.terms).padStart(5)} terms  precision ${pct(b.right, b.judged).padStart(6)} (${b.right}/${b.judged})`);
  if (unjudged.length) {
    console.log(`not yet judged (${unjudged.length}; add a verdict to test/fixtures/wmt18-term-verdicts.tsv):`);
    for (const line of unjudged) console.log(`  ${line}`);
  }
}
