// `npm run eval terms`: the full extractor on the seed article against a hand-written gold
// glossary (test/fixtures/seed-glossary.tsv), beside a naive baseline measured in the same run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extract } from '../../server/extract/index.ts';
import { cut, tag } from '../../server/extract/segment.ts';

const root = new URL('../../', import.meta.url);
const seedPath = fileURLToPath(new URL('seeds/cyber-ecosystem-governance.en-zh.txt', root));
const goldPath = fileURLToPath(new URL('test/fixtures/seed-glossary.tsv', root));

export interface GoldTerm {
  zh: string;
  renderings: string[];
}

export function readGold(text: string): GoldTerm[] {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [zh, en = ''] = l.split('\t');
      return { zh: zh.trim(), renderings: en.split('|').map((r) => r.trim()).filter(Boolean) };
    });
}

/** Compares renderings the way a teacher would: case, articles, possessives and plurals aside. */
export function normalizeRendering(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^a-z0-9&\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'the' && w !== 'a' && w !== 'an')
    .map((w) => (w.length > 3 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .join(' ');
}

interface Output {
  zh: string;
  en: string;
  variants: string[];
}

interface Figures {
  terms: number;
  goldFound: number;
  goldRight: number;
  goldRightAny: number;
  outputRight: number;
}

function score(output: Output[], gold: GoldTerm[]): Figures & { misses: string[]; wrong: string[] } {
  const byZh = new Map(output.map((t) => [t.zh, t]));
  const goldZh = new Map(gold.map((g) => [g.zh, new Set(g.renderings.map(normalizeRendering))]));
  let goldFound = 0;
  let goldRight = 0;
  let goldRightAny = 0;
  const misses: string[] = [];
  const wrong: string[] = [];
  for (const g of gold) {
    const t = byZh.get(g.zh);
    const ok = goldZh.get(g.zh)!;
    if (!t) {
      misses.push(g.zh);
      continue;
    }
    goldFound++;
    if (ok.has(normalizeRendering(t.en))) goldRight++;
    else wrong.push(`${g.zh} → ${t.en} (want ${g.renderings[0]})`);
    if ([t.en, ...t.variants].some((r) => ok.has(normalizeRendering(r)))) goldRightAny++;
  }
  const outputRight = output.filter((t) => goldZh.get(t.zh)?.has(normalizeRendering(t.en))).length;
  return { terms: output.length, goldFound, goldRight, goldRightAny, outputRight, misses, wrong };
}

/**
 * The naive baseline: every jieba noun of two characters or more, rendered by the English word
 * that co-occurs with it most often (Dice over sentence pairs).
 */
function baseline(sentences: { zh: string; en: string }[]): Output[] {
  const zhSets = sentences.map((s) => new Set(tag(s.zh).filter((t) => /^(n|vn|nz|nt|ns|nr|l|i|j)/.test(t.tag) && t.word.length >= 2).map((t) => t.word)));
  const stop = new Set('the of and to in a an on for with that is are be by as at from its their this which we must should it has have will'.split(' '));
  const enSets = sentences.map((s) => new Set((s.en.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((w) => !stop.has(w))));
  const zf = new Map<string, number>();
  const ef = new Map<string, number>();
  for (const z of zhSets) for (const w of z) zf.set(w, (zf.get(w) ?? 0) + 1);
  for (const e of enSets) for (const w of e) ef.set(w, (ef.get(w) ?? 0) + 1);
  const out: Output[] = [];
  for (const [word, f] of zf) {
    const joint = new Map<string, number>();
    zhSets.forEach((z, i) => {
      if (z.has(word)) for (const e of enSets[i]) joint.set(e, (joint.get(e) ?? 0) + 1);
    });
    let best = '';
    let bestDice = 0;
    for (const [e, j] of joint) {
      const d = (2 * j) / (f + ef.get(e)!);
      if (d > bestDice) {
        bestDice = d;
        best = e;
      }
    }
    if (best) out.push({ zh: word, en: best, variants: [] });
  }
  return out;
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a';
}

function line(name: string, f: Figures, gold: number): string {
  return (
    `${name.padEnd(22)} right ${String(f.goldRight).padStart(3)}/${gold} (${pct(f.goldRight, gold)})` +
    `  any rendering ${pct(f.goldRightAny, gold)}  found ${pct(f.goldFound, gold)}` +
    `  precision ${pct(f.outputRight, f.terms)}  term cards ${f.terms}`
  );
}

export async function run(): Promise<void> {
  const gold = readGold(readFileSync(goldPath, 'utf8'));
  const text = readFileSync(seedPath, 'utf8');
  cut('预热'); // load the segmenter outside the timing
  const started = performance.now();
  const result = extract({ text });
  const ms = performance.now() - started;
  const ours = score(result.terms, gold);
  const base = score(baseline(result.sentences), gold);
  console.log(`seed: ${result.sentences.length} sentence pairs, ${gold.length} gold terms, extract ${ms.toFixed(0)} ms`);
  console.log(line('duizhao extractTerms', ours, gold.length));
  console.log(line('baseline jieba+Dice', base, gold.length));
  console.log(`target: ≥ 80% right with < 150 term cards`);
  if (ours.wrong.length) console.log(`wrong rendering (${ours.wrong.length}): ${ours.wrong.join('; ')}`);
  if (ours.misses.length) console.log(`missed (${ours.misses.length}): ${ours.misses.join(' ')}`);
  const goldSet = new Set(gold.map((g) => g.zh));
  const extra = result.terms.filter((t) => !goldSet.has(t.zh));
  if (extra.length) console.log(`not in gold (${extra.length}): ${extra.map((t) => `${t.zh}=${t.en}`).join('; ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run();
