// Personal FSRS parameters from the user's own review history, as Anki's "Optimize" does, with
// fsrs-rs (the reference optimizer, native, through @open-spaced-repetition/binding). The history
// goes in as study-day numbers; the fit of the current parameters and of the optimized ones on
// the same history comes out, so the user sees what changing them buys. fsrs-rs aborts the whole
// process on input it cannot use (a panic that cannot unwind), so it runs in a child process of
// its own (optimizer-child.ts, the only module that imports the binding): a failure there is an
// error here, and the server keeps serving.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { default_w, migrateParameters } from 'ts-fsrs';
import { InvalidInputError } from '../errors.ts';

/** One answer: the card, its rating, and the local study day it was given on (a day number). */
export interface ReviewEvent {
  cardId: number;
  rating: 1 | 2 | 3 | 4;
  day: number;
}

/** How well parameters predict the history: log loss, and RMSE over binned predictions. */
export interface Fit {
  logLoss: number;
  rmse: number;
}

export interface Optimization {
  weights: number[];
  current: Fit;
  optimized: Fit;
  /** Training items: one per answer after a card's first. */
  items: number;
}

/** One answer of a training item: its rating and the days since the card's answer before it. */
export interface TrainingReview {
  rating: 1 | 2 | 3 | 4;
  deltaT: number;
}

/**
 * The history as fsrs-rs training items: for each answer given on a later day than the card's
 * answer before it, the card's answers up to it, each with the study days elapsed since the one
 * before (0 for the same day: learning steps stay in the history as what preceded). Those answers
 * are what a forgetting curve predicts; items ending on a same-day step, or holding no later day
 * at all, fsrs-rs refuses (its evaluation as invalid input, its training by aborting the whole
 * process). `events` are in order of answering.
 */
export function trainingItems(events: readonly ReviewEvent[]): TrainingReview[][] {
  const byCard = new Map<number, ReviewEvent[]>();
  for (const e of events) {
    const list = byCard.get(e.cardId);
    if (list) list.push(e);
    else byCard.set(e.cardId, [e]);
  }
  const items: TrainingReview[][] = [];
  for (const list of byCard.values()) {
    const reviews: TrainingReview[] = [];
    for (let k = 0; k < list.length; k++) {
      const deltaT = k === 0 ? 0 : Math.max(0, list[k]!.day - list[k - 1]!.day);
      reviews.push({ rating: list[k]!.rating, deltaT });
      if (deltaT > 0) items.push([...reviews]);
    }
  }
  return items;
}

/** ts-fsrs's parameters in force: the user's, brought to the current 21, or the defaults. */
export function currentWeights(weights: readonly number[] | null): number[] {
  return weights ? [...migrateParameters([...weights])] : [...default_w];
}

export async function optimizeWeights(events: readonly ReviewEvent[], weights: readonly number[] | null): Promise<Optimization> {
  const items = trainingItems(events);
  const out = await runOptimizer(items, currentWeights(weights));
  if ('notEnoughData' in out) {
    // Answers on one day each, or too few cards seen again later: nothing to measure a fit on.
    throw new InvalidInputError(`not enough answers on later days to optimize (${items.length} so far): keep drilling for a few more days`);
  }
  return { ...out, items: items.length };
}

type ChildResult = { weights: number[]; current: Fit; optimized: Fit } | { notEnoughData: true };

const childScript = fileURLToPath(new URL('./optimizer-child.ts', import.meta.url));
// tsx by its own path: a bare "--import tsx" would be looked up from the server's working directory.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Runs fsrs-rs on `items` in a child process (TypeScript through tsx, as the server itself runs).
 * Exported for tests: given items fsrs-rs aborts on, it rejects instead of taking the caller down.
 */
export function runOptimizer(items: TrainingReview[][], current: number[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, childScript], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        try {
          resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as ChildResult);
        } catch {
          reject(new Error('the FSRS optimizer answered with something other than JSON'));
        }
        return;
      }
      const reason = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      // A Rust panic prints "thread … panicked at FILE:" and its message on the next line.
      const lines = err.trim().split('\n');
      const at = lines.findIndex((l) => / panicked at /.test(l));
      const why = at >= 0 ? `fsrs-rs panicked: ${lines[at + 1]?.trim() ?? ''}` : (lines.at(-1) ?? '');
      reject(new Error(`the FSRS optimizer ${reason}${why ? `: ${why}` : ''}`));
    });
    child.stdin.end(JSON.stringify({ items, current }));
  });
}
