// The only module that imports ts-fsrs. Pure: (card, rating, now, settings) -> next card + log.
import {
  BasicLearningStepsStrategy,
  fsrs,
  generatorParameters,
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
// mutated, so one instance per settings object is safe.
const instances = new WeakMap<SchedSettings, FSRS>();

function scheduler(settings: SchedSettings): FSRS {
  let f = instances.get(settings);
  if (!f) {
    f = fsrs(
      generatorParameters({
        request_retention: settings.desiredRetention,
        enable_fuzz: settings.enableFuzz,
        learning_steps: settings.learningSteps as StepUnit[],
        relearning_steps: settings.relearningSteps as StepUnit[],
        ...(settings.weights ? { w: settings.weights } : {}),
      }),
    ).useStrategy(StrategyMode.LEARNING_STEPS, rememberedSteps());
    instances.set(settings, f);
  }
  return f;
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

const grades: Rating[] = [FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy] as Rating[];

/** When the card would be due after each rating, with a short human label. */
export function previewIntervals(card: SchedCard, now: Date, settings: SchedSettings): IntervalPreview[] {
  const preview = scheduler(settings).repeat(toFsrs(card), now);
  return grades.map((rating) => {
    const due = preview[rating as Grade].card.due;
    return { rating, due: due.toISOString(), label: intervalLabel(due.getTime() - now.getTime()) };
  });
}

const stepPattern = /^\d+(\.\d+)?[mhd]$/;

/** True when a learning step is in the form ts-fsrs accepts: "1m", "10m", "1h", "1d". */
export function isStep(step: string): boolean {
  return stepPattern.test(step) && parseFloat(step) > 0;
}
