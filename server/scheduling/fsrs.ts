// The only module that imports ts-fsrs. Pure: (card, rating, now, settings) -> next card + log.
import {
  BasicLearningStepsStrategy,
  dateDiffInDays,
  fsrs,
  generatorParameters,
  get_fuzz_range,
  Rating as FsrsRating,
  State,
  StrategyMode,
  type Card,
  type FSRS,
  type Grade,
  type StepUnit,
  type TLearningStepsStrategy,
} from 'ts-fsrs';
import type { CardState, IntervalPreview, Rating } from '../http/api-types.ts';
import { isoTime } from './iso-time.ts';
import { intervalLabel } from './labels.ts';
import type { SchedCard, SchedSettings, Scheduled } from './types.ts';

const stateToFsrs: Record<CardState, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const stateFromFsrs: CardState[] = ['new', 'learning', 'review', 'relearning'];

export function stateCode(state: CardState): number {
  return stateToFsrs[state];
}

export function stateName(code: number): CardState {
  const name = stateFromFsrs[code];
  if (!name) throw new Error(`unknown card state ${code}`);
  return name;
}

// Building an FSRS instance computes parameter tables; settings objects are replaced, never
// mutated, so one instance per settings object is safe. The preview reads the instance's
// parameters through ts-fsrs's Proxy once, here, rather than on every card.
interface Scheduler {
  f: FSRS;
  steps: TLearningStepsStrategy;
  intervalModifier: number;
  maximumInterval: number;
  enableFuzz: boolean;
}
const instances = new WeakMap<SchedSettings, Scheduler>();

function schedulerOf(settings: SchedSettings): Scheduler {
  let s = instances.get(settings);
  if (!s) {
    const steps = rememberedSteps();
    const f = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        enable_fuzz: settings.enableFuzz,
        learning_steps: settings.learningSteps as StepUnit[],
        relearning_steps: settings.relearningSteps as StepUnit[],
        ...(settings.weights ? { w: settings.weights } : {}),
      }),
    ).useStrategy(StrategyMode.LEARNING_STEPS, steps);
    const p = f.parameters;
    s = { f, steps, intervalModifier: f.interval_modifier, maximumInterval: p.maximum_interval, enableFuzz: p.enable_fuzz };
    instances.set(settings, s);
  }
  return s;
}

function scheduler(settings: SchedSettings): FSRS {
  return schedulerOf(settings).f;
}

/**
 * ts-fsrs's own learning-steps strategy, remembered per (state, step): it parses the step strings
 * ("10m") again for every rating of every preview and answer, though an instance's steps never
 * change. Same results; the parsed table is kept for as long as the steps arrays are the same.
 */
function rememberedSteps(): TLearningStepsStrategy {
  let learning: readonly StepUnit[] | null = null;
  let relearning: readonly StepUnit[] | null = null;
  const known = new Map<number, ReturnType<TLearningStepsStrategy>>();
  return (params, state, step) => {
    if (params.learning_steps !== learning || params.relearning_steps !== relearning) {
      known.clear();
      learning = params.learning_steps;
      relearning = params.relearning_steps;
    }
    const key = state * 1_000_000 + step;
    let result = known.get(key);
    if (!result) {
      result = BasicLearningStepsStrategy(params, state, step);
      known.set(key, result);
    }
    return result;
  };
}

export function newCard(now: Date): SchedCard {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 'new',
    lastReview: null,
  };
}

function toFsrs(card: SchedCard): Card {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateToFsrs[card.state],
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrs(card: Card): SchedCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateName(card.state),
    lastReview: card.last_review ?? null,
  };
}

/** The card after answering `rating` at `now`. Fuzz is seeded from the card and the time, so the same inputs give the same result. */
export function schedule(card: SchedCard, rating: Rating, now: Date, settings: SchedSettings): Scheduled {
  const item = scheduler(settings).next(toFsrs(card), now, rating as Grade);
  const log = item.log;
  return {
    card: fromFsrs(item.card),
    log: {
      rating,
      state: stateName(log.state),
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      review: log.review,
    },
  };
}

/**
 * The card after answering `rating` at `now` as schedule() leaves it, but for its due date and
 * scheduled days, which stay as they were: what a replay needs of every answer but the last, since
 * no answer's outcome depends on the due date before it. schedule() builds a scheduler and, for a
 * card in review, the cards and logs of all four ratings with a fuzzed interval each (11 µs an
 * answer); this is ts-fsrs's own memory arithmetic and its learning-steps rules (BasicScheduler's
 * applyLearningSteps) for one rating. Tested against schedule() on random histories and settings.
 */
export function answeredMemory(card: SchedCard, rating: Rating, now: Date, settings: SchedSettings): SchedCard {
  const scheduler = schedulerOf(settings);
  const f = scheduler.f;
  const state = stateToFsrs[card.state];
  const elapsed = state !== State.New && card.lastReview ? dateDiffInDays(card.lastReview, now) : 0;
  const memory = f.next_state({ difficulty: card.difficulty, stability: card.stability }, elapsed, rating as Grade);
  let next: CardState = 'review';
  let learningSteps = 0;
  let lapses = card.lapses;
  if (state !== State.Review || rating === FsrsRating.Again) {
    // New cards step through learning, lapsed ones through relearning, each from its own step.
    const table = scheduler.steps(f.parameters, state, card.learningSteps || 0);
    const minutes = Math.max(0, table[rating as Grade]?.scheduled_minutes ?? 0);
    const nextStep = Math.max(0, table[rating as Grade]?.next_step ?? 0);
    if (minutes > 0 && minutes < 1440) {
      next = state === State.New ? 'learning' : state === State.Review ? 'relearning' : card.state;
      learningSteps = nextStep;
    } else if (minutes >= 1440) learningSteps = nextStep;
    if (state === State.Review) lapses++;
  }
  return {
    due: card.due,
    scheduledDays: card.scheduledDays,
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsedDays: elapsed,
    reps: card.reps + 1,
    lapses,
    state: next,
    learningSteps,
    lastReview: now,
  };
}

const grades: Rating[] = [FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy] as Rating[];
const minuteMs = 60_000;
const dayMs = 86_400_000;

/** When the card would be due after each rating, with a short human label. */
export function previewIntervals(card: SchedCard, now: Date, settings: SchedSettings): IntervalPreview[] {
  const dues = previewDues(card, now, settings);
  const t = now.getTime();
  return grades.map((rating, i) => ({ rating, due: isoTime(dues[i]), label: intervalLabel(dues[i] - t) }));
}

/**
 * `JSON.stringify(previewIntervals(card, now, settings))`, written directly for GET
 * /api/drill/next. Labels and ISO times are letters, digits and punctuation JSON never escapes.
 */
export function previewIntervalsJson(card: SchedCard, now: Date, settings: SchedSettings): string {
  const dues = previewDues(card, now, settings);
  const t = now.getTime();
  return (
    `[{"rating":1,"due":"${isoTime(dues[0])}","label":"${intervalLabel(dues[0] - t)}"},` +
    `{"rating":2,"due":"${isoTime(dues[1])}","label":"${intervalLabel(dues[1] - t)}"},` +
    `{"rating":3,"due":"${isoTime(dues[2])}","label":"${intervalLabel(dues[2] - t)}"},` +
    `{"rating":4,"due":"${isoTime(dues[3])}","label":"${intervalLabel(dues[3] - t)}"}]`
  );
}

/** One preview's inputs, passed to the helpers below rather than closed over. */
interface Preview {
  scheduler: Scheduler;
  t: number;
  elapsed: number;
  seed: string;
  /** The generator's first draw, once an interval needs it; NaN until then. */
  fuzz: number;
  stepTable: ReturnType<TLearningStepsStrategy>;
}

/**
 * The due times (ms) of Again, Hard, Good and Easy, exactly as ts-fsrs's repeat() schedules them
 * (its short-term BasicScheduler, our learning-steps strategy, its default fuzz seed), using its
 * own memory-state and fuzz-range arithmetic. The drill shows these on every card, and repeat()
 * builds a scheduler, copies the card six times, writes four logs and seeds a fresh random
 * generator for each fuzzed interval, all to yield four dates. Tested against repeat().
 * No closures here: under tsx each closure made per call also pays for naming it.
 */
function previewDues(card: SchedCard, now: Date, settings: SchedSettings): number[] {
  const scheduler = schedulerOf(settings);
  const f = scheduler.f;
  const t = now.getTime();
  const state = stateToFsrs[card.state];
  const p: Preview = {
    scheduler,
    t,
    elapsed: state !== State.New && card.lastReview ? dateDiffInDays(card.lastReview, now) : 0,
    // ts-fsrs seeds fuzz from the review time, the repetition count after this answer and D·S,
    // and draws the first number of a fresh generator for every interval: one draw serves all.
    seed: `${t}_${card.reps + 1}_${card.difficulty * card.stability}`,
    fuzz: NaN,
    stepTable: scheduler.steps(f.parameters, state, card.learningSteps || 0),
  };
  const memory = { difficulty: card.difficulty, stability: card.stability };
  const elapsed = p.elapsed;
  if (state !== State.Review) {
    return [
      stepDue(p, FsrsRating.Again, f.next_state(memory, elapsed, FsrsRating.Again).stability),
      stepDue(p, FsrsRating.Hard, f.next_state(memory, elapsed, FsrsRating.Hard).stability),
      stepDue(p, FsrsRating.Good, f.next_state(memory, elapsed, FsrsRating.Good).stability),
      stepDue(p, FsrsRating.Easy, f.next_state(memory, elapsed, FsrsRating.Easy).stability),
    ];
  }
  const r = f.forgetting_curve(elapsed, card.stability);
  const again = f.next_state(memory, elapsed, FsrsRating.Again, r);
  const hardState = f.next_state(memory, elapsed, FsrsRating.Hard, r);
  const goodState = f.next_state(memory, elapsed, FsrsRating.Good, r);
  const easyState = f.next_state(memory, elapsed, FsrsRating.Easy, r);
  // Hard never longer than Good, Good and Easy each at least a day beyond the one before.
  let hard = fuzzedInterval(p, hardState.stability);
  let good = fuzzedInterval(p, goodState.stability);
  hard = Math.min(hard, good);
  good = Math.max(good, hard + 1);
  const easy = Math.max(fuzzedInterval(p, easyState.stability), good + 1);
  return [stepDue(p, FsrsRating.Again, again.stability), t + hard * dayMs, t + good * dayMs, t + easy * dayMs];
}

/** ts-fsrs's next_interval: days from stability at the requested retention, then fuzz. */
function fuzzedInterval(p: Preview, stability: number): number {
  const { intervalModifier, maximumInterval, enableFuzz } = p.scheduler;
  const ivl = Math.min(Math.max(1, Math.round(stability * intervalModifier)), maximumInterval);
  if (!enableFuzz || ivl < 2.5) return Math.round(ivl);
  if (Number.isNaN(p.fuzz)) p.fuzz = firstAleaDraw(p.seed);
  const { min_ivl, max_ivl } = get_fuzz_range(ivl, p.elapsed, maximumInterval);
  return Math.floor(p.fuzz * (max_ivl - min_ivl + 1) + min_ivl);
}

/**
 * A rating with a learning step waits that step (a step of a day or more is kept in minutes
 * too); without one the card graduates to an FSRS interval.
 */
function stepDue(p: Preview, grade: Grade, stability: number): number {
  const minutes = Math.max(0, p.stepTable[grade]?.scheduled_minutes ?? 0);
  return minutes > 0 ? p.t + Math.round(minutes) * minuteMs : p.t + fuzzedInterval(p, stability) * dayMs;
}

// ts-fsrs's Alea generator (Baagøe): seeding mashes " " three times, then the seed once per
// state word; the first draw depends only on the first word, so the three " " mashes (always the
// same) are done once here and the seed is mashed once instead of three times.
function mashFrom(n: number, data: string): { n: number; value: number } {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 4294967296;
  }
  return { n, value: (n >>> 0) * 23283064365386963e-26 };
}
const blank1 = mashFrom(4022871197, ' ');
const blank3 = mashFrom(mashFrom(blank1.n, ' ').n, ' ');

function firstAleaDraw(seed: string): number {
  let s0 = blank1.value - mashFrom(blank3.n, seed).value;
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + 1 * 23283064365386963e-26;
  return t - (t | 0);
}

const stepPattern = /^\d+(\.\d+)?[mhd]$/;

/** True when a learning step is in the form ts-fsrs accepts: "1m", "10m", "1h", "1d". */
export function isStep(step: string): boolean {
  return stepPattern.test(step) && parseFloat(step) > 0;
}
