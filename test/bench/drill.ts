// `npm run bench drill`: the drill at scale. A temporary database of 100,000 cards and 1,000,000
// reviews; p50/p99 of choosing the next card and of recording an answer in process (target p99
// < 5 ms each); then GET /api/drill/next under autocannon against the real server (`tsx
// server/main.ts`) beside a bare Hono route served by the same adapter, in the same run (target:
// at least half the bare rate). Servers run in child processes so the load generator does not
// share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { answerCard, nextCard, queueCounts } from '../../server/drill/index.ts';
import { getStats } from '../../server/stats/index.ts';
import type { Extraction } from '../../server/extract/types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getSettings, reschedulePreview, updateSettings } from '../../server/settings/index.ts';
import { openDatabase, type Db } from '../../server/store/index.ts';

// autocannon ships no types; this is the part of its result the bench reads.
interface LoadResult {
  requests: { average: number };
  latency: { p99: number };
  errors: number;
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: {
  url: string;
  connections: number;
  duration: number;
}) => Promise<LoadResult>;

const root = fileURLToPath(new URL('../..', import.meta.url));
const DAY = 86_400_000;
const NOW = new Date('2026-03-02T09:00:00Z');
const TERMS = 20_000;
const SENTENCES = 20_000;
const REVIEWS = 1_000_000;
const ITERATIONS = 2_000;
const FOCUSED_ITERATIONS = 50;
const STATS_ITERATIONS = 10;

// Distinct Chinese terms from a small alphabet: index → four characters.
const alphabet = [...new Set('网络生态治理国家发展安全人民群众利益机制精准系统协同空间建设重要任务集体学习中央政')];
function termZh(i: number): string {
  let s = '';
  for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / alphabet.length)) s += alphabet[n % alphabet.length];
  return s;
}

/** `count` sentences and as many terms, numbered from `from`, each term in the sentence of its number. */
function syntheticExtraction(count = SENTENCES, from = 0): Extraction {
  const sentences: Extraction['sentences'] = [];
  const terms: Extraction['terms'] = [];
  for (let i = 0; i < count; i++) {
    const n = from + i;
    const zh = `第${n}句强调${termZh(n)}是长期任务。`;
    const en = `Sentence ${n} stresses that term ${n} is a long-term task.`;
    sentences.push({ paragraph: Math.floor(i / 5), sentence: i % 5, zh, en, score: 0.9 });
  }
  for (let j = 0; j < count; j++) {
    const zh = termZh(from + j);
    const s = sentences[j];
    const zhStart = s.zh.indexOf(zh);
    const enWord = `term ${from + j}`;
    const enStart = s.en.indexOf(enWord);
    terms.push({
      zh,
      en: enWord,
      variants: [],
      pinyin: '',
      count: 1,
      score: 0.8,
      occurrences: [{ sentence: j, zhStart, zhEnd: zhStart + zh.length, enStart, enEnd: enStart + enWord.length }],
    });
  }
  return { sentences, terms };
}

/**
 * A year of history: 70% of cards in review with due dates from a month overdue to ten months
 * ahead, a few hundred in learning (what a heavy user has in flight), the rest new.
 */
function addHistory(db: Db): void {
  const cardIds = (db.prepare('SELECT id FROM cards ORDER BY id').pluck().all() as number[]);
  const now = NOW.getTime();
  db.transaction(() => {
    db.prepare(
      `UPDATE cards SET state = 2, stability = 5 + (id % 90), difficulty = 3 + (id % 7),
         due = ? + ((id * 7919) % 330 - 30) * ${DAY} + (id % 1000) * 60000,
         scheduled_days = 10 + id % 60, reps = 10, lapses = id % 3, last_review = ? - (id % 40) * ${DAY}
       WHERE id % 20 < 14`,
    ).run(now, now);
    db.prepare(`UPDATE cards SET state = 1, reps = 1, due = ? + ((id % 120) - 60) * 60000, last_review = ? - ${DAY} WHERE id % 500 = 14`).run(now, now);
    const insert = db.prepare(
      `INSERT INTO reviews (id, card_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
         scheduled_days, learning_steps, review, next_state, next_due, reviewed_at, duration_ms, answer, score, prev)
       VALUES (?, ?, ?, 2, ?, 10, 5, 7, 6, 9, 0, ?, 2, ?, ?, 6000, NULL, NULL, '{}')`,
    );
    const reviewed = cardIds.filter((id) => id % 20 < 15);
    for (let i = 0; i < REVIEWS; i++) {
      const cardId = reviewed[i % reviewed.length];
      // Spread over the past year, oldest first, so reviewed_at order matches insertion order.
      const at = now - 365 * DAY + Math.floor((i / REVIEWS) * 364 * DAY);
      insert.run(`bench-${i}`, cardId, 1 + ((i * 2654435761) >>> 0) % 4, at, at, at + 9 * DAY, at);
    }
  })();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(ms: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
}

/**
 * Wall time and CPU time of one call, in ms. On a loaded machine the wall p99 is mostly time the
 * process spent descheduled; the CPU p99 is what the code itself costs.
 */
function timed<T>(fn: () => T, wall: number[], cpu: number[]): T {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = fn();
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return result;
}

function startServer(command: string, args: string[], env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /duizhao: (http:\/\/\S+)/.exec(out);
      if (m) done({ url: m[1], child });
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code} before printing its URL`)));
  });
}

// The bare route answers with the same bytes a real GET /api/drill/next produced, so the two rates
// differ only by our work per request (queue queries, card building), not by payload size.
function bareServer(body: string): string {
  return `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const body = ${JSON.stringify(body)};
const app = new Hono().get('/api/drill/next', (c) => c.json(JSON.parse(body)));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => console.log('duizhao: http://127.0.0.1:' + info.port));
`;
}

interface Rate {
  requests: number;
  seconds: number;
  p99: number;
  errors: number;
}

async function measure(url: string, seconds: number, into: Rate): Promise<void> {
  const result = await autocannon({ url: `${url}/api/drill/next`, connections: 10, duration: seconds });
  into.requests += result.requests.average * seconds;
  into.seconds += seconds;
  into.p99 = Math.max(into.p99, result.latency.p99);
  into.errors += result.errors + result.non2xx;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    // A child stopped by a signal has no exit code, only a signal code; its 'exit' has been and gone.
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padEnd(i === 0 ? 38 : 12)).join('');
}

function buildDatabase(dbPath: string): void {
  const t0 = performance.now();
  const db = openDatabase(dbPath);
  try {
    const imported = importExtraction(db, {
      title: 'bench',
      format: 'tsv',
      contentHash: 'bench',
      extraction: syntheticExtraction(),
      now: new Date(NOW.getTime() - 366 * DAY),
    });
    addHistory(db);
    // A heavy user's limits: the session must not run out of due cards.
    updateSettings(db, { reviewCap: 99_999, newCardsPerDay: 100 });
    const cards = db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    const byState = db.prepare('SELECT state, count(*) AS n FROM cards GROUP BY state ORDER BY state').all() as { state: number; n: number }[];
    const states = byState.map(({ state, n }) => `${['new', 'learning', 'review', 'relearning'][state]} ${n}`).join(', ');
    const reviews = db.prepare('SELECT count(*) FROM reviews').pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    // No ANALYZE: nothing runs it on a user's database, and statistics change the plans.
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`built ${cards.toLocaleString('en')} cards (${imported.counts.terms} terms; ${states}), ${reviews.toLocaleString('en')} reviews in ${seconds} s`);
  } finally {
    db.close();
  }
}

/** GET /api/drill/next on the real server beside the bare route, before any answer changes the queue. */
async function httpRates(dbPath: string, children: ChildProcess[]): Promise<void> {
  const real = await startServer(resolve(root, 'node_modules/.bin/tsx'), ['server/main.ts', '--dev'], {
    DUIZHAO_DB: dbPath,
    PORT: '0',
    HOST: '127.0.0.1',
    DUIZHAO_SEED: 'off',
    DUIZHAO_NOW: NOW.toISOString(),
    // Its daily backup would copy the million reviews while autocannon measures.
    DUIZHAO_BACKUPS: '0',
  });
  children.push(real.child);
  const sample = await (await fetch(`${real.url}/api/drill/next`)).text();
  const bare = await startServer(process.execPath, ['--input-type=module', '-e', bareServer(sample)], {});
  children.push(bare.child);
  // Alternating rounds, so a change in background load hits both servers alike.
  const bareRate: Rate = { requests: 0, seconds: 0, p99: 0, errors: 0 };
  const appRate: Rate = { requests: 0, seconds: 0, p99: 0, errors: 0 };
  for (let round = 0; round < 2; round++) {
    await measure(bare.url, 2.5, bareRate);
    await measure(real.url, 2.5, appRate);
  }
  await Promise.all([stop(bare.child), stop(real.child)]);
  const rps = (r: Rate) => r.requests / r.seconds;

  console.log('\nGET /api/drill/next, autocannon 10 connections, 2 × 2.5 s each, alternating');
  console.log(row(['', 'req/s', 'p99 ms', 'errors']));
  console.log(row([`bare Hono route (same ${sample.length} B)`, Math.round(rps(bareRate)), bareRate.p99, bareRate.errors]));
  console.log(row(['duizhao (100k cards)', Math.round(rps(appRate)), appRate.p99, appRate.errors]));
  const share = rps(appRate) / rps(bareRate);
  console.log(`duizhao / bare: ${(share * 100).toFixed(0)}% (target ≥ 50%) ${share >= 0.5 ? 'ok' : 'BELOW TARGET'}`);
}

function inProcess(dbPath: string): void {
  const db = openDatabase(dbPath);
  try {
    // Warm the statement cache and the page cache before timing.
    for (let i = 0; i < 50; i++) nextCard(db, NOW);
    const unchanged = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < ITERATIONS; i++) timed(() => nextCard(db, NOW), unchanged.wall, unchanged.cpu);

    // A session: each next card is chosen right after an answer changed the database.
    let clock = NOW.getTime();
    let refused = 0;
    const nexts = { wall: [] as number[], cpu: [] as number[] };
    const answers = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < ITERATIONS; i++) {
      clock += 15_000;
      const now = new Date(clock);
      const { card } = timed(() => nextCard(db, now), nexts.wall, nexts.cpu);
      if (!card) break;
      const rating = (2 + (i % 3)) as 2 | 3 | 4;
      timed(
        () => {
          try {
            answerCard(db, { cardId: card.id, rating, reviewId: randomUUID(), reps: card.reps, durationMs: 5000 }, now);
          } catch {
            refused++;
          }
        },
        answers.wall,
        answers.cpu,
      );
    }
    // A drill of one text: here the one source holds all 100,000 cards, the costliest case (its
    // card ids are gathered again after every answer).
    const source = (db.prepare('SELECT id FROM sources LIMIT 1').pluck().get() as number);
    const focused = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < FOCUSED_ITERATIONS; i++) {
      clock += 15_000;
      const now = new Date(clock);
      timed(
        () => {
          const { card } = nextCard(db, now, source);
          if (card) answerCard(db, { cardId: card.id, rating: 3, reviewId: randomUUID(), reps: card.reps, durationMs: 5000 }, now, source);
        },
        focused.wall,
        focused.cpu,
      );
    }
    // The Stats page (and Today): a year of reviews, what is sticking, each source's own drill.
    const stats = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < STATS_ITERATIONS; i++) timed(() => getStats(db, new Date(clock)), stats.wall, stats.cpu);

    // Settings' "Show what would move": every studied card's answers replayed (here 1,000,000).
    const replayed = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < 2; i++) timed(() => reschedulePreview(db, new Date(clock)), replayed.wall, replayed.cpu);

    console.log('\nin process (ms; wall includes time descheduled on a busy machine, CPU does not)');
    console.log(row(['', 'wall p50', 'wall p99', 'CPU p50', 'CPU p99', 'target p99']));
    const line = (name: string, m: { wall: number[]; cpu: number[] }, target = '< 5') => {
      const w = summary(m.wall);
      const c = summary(m.cpu);
      console.log(row([name, w.p50.toFixed(3), w.p99.toFixed(3), c.p50.toFixed(3), c.p99.toFixed(3), target]));
    };
    line(`nextCard after an answer (${nexts.wall.length})`, nexts);
    line(`nextCard, nothing changed (${ITERATIONS})`, unchanged);
    line(`answerCard (${answers.wall.length}, ${refused} refused)`, answers);
    line(`focused next + answer, all cards (${FOCUSED_ITERATIONS})`, focused, '');
    line(`GET /api/stats's getStats (${STATS_ITERATIONS})`, stats, '');
    line(`reschedule preview, ${REVIEWS / 1e6}M answers (2)`, replayed, '');
  } finally {
    db.close();
  }
}

/**
 * Today and Stats with many texts: 200 sources of 100 sentences and 100 terms (100,000 cards in
 * all, 70% in review). Each text's "Study · N due · N new" counted in one grouped query (getStats),
 * beside counting a focused queue per text (what getStats did before: gathering each text's cards).
 */
function manyTexts(dir: string): void {
  const db = openDatabase(join(dir, 'many.db'));
  try {
    const texts = 200;
    const per = SENTENCES / texts;
    db.transaction(() => {
      for (let k = 0; k < texts; k++) {
        importExtraction(db, { title: `text ${k}`, format: 'tsv', contentHash: `many-${k}`, extraction: syntheticExtraction(per, k * per), now: new Date(NOW.getTime() - 100 * DAY) });
      }
    })();
    db.prepare(`UPDATE cards SET state = 2, stability = 5, difficulty = 5, due = ? + ((id * 7919) % 60 - 30) * ${DAY}, reps = 3, last_review = ? WHERE id % 20 < 14`).run(
      NOW.getTime(),
      NOW.getTime() - 5 * DAY,
    );
    const settings = getSettings(db);
    const grouped = { wall: [] as number[], cpu: [] as number[] };
    const perText = { wall: [] as number[], cpu: [] as number[] };
    for (let i = 0; i < 3; i++) {
      timed(() => getStats(db, NOW), grouped.wall, grouped.cpu);
      timed(() => { for (let id = 1; id <= texts; id++) queueCounts(db, NOW, settings, id); }, perText.wall, perText.cpu);
    }
    const cards = db.prepare('SELECT count(*) FROM cards').pluck().get() as number;
    console.log(`\nToday with ${texts} texts (${cards.toLocaleString('en')} cards), ms, median of 3`);
    console.log(row(['', 'wall', 'CPU']));
    console.log(row(["getStats, each text's counts grouped", summary(grouped.wall).p50.toFixed(0), summary(grouped.cpu).p50.toFixed(0)]));
    console.log(row(['a focused count per text (before)', summary(perText.wall).p50.toFixed(0), summary(perText.cpu).p50.toFixed(0)]));
  } finally {
    db.close();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-bench-'));
  const dbPath = join(dir, 'bench.db');
  const children: ChildProcess[] = [];
  try {
    buildDatabase(dbPath);
    await httpRates(dbPath, children);
    inProcess(dbPath);
    manyTexts(dir);
  } finally {
    await Promise.all(children.map(stop));
    if (process.env.BENCH_KEEP) console.log(`kept ${dbPath}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
