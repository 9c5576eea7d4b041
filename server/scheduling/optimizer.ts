// Personal FSRS parameters from the user's own review history, as Anki's "Optimize" does: the
// only module that imports @open-spaced-repetition/binding (fsrs-rs, the reference optimizer,
// native). The history goes in as study-day numbers; the fit of the current parameters and of
// the optimized ones on the same history comes out, so the user sees what changing them buys.
// The binding is loaded when first asked to optimize: every other process start is spared it.
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
  const { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } = await import('@open-spaced-repetition/binding');
  const items = trainingItems(events).map((item) => new FSRSBindingItem(item.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  const fitOf = (w: number[]): Fit => {
    try {
      const { logLoss, rmseBins } = new FSRSBinding(w).evaluate(items);
      return { logLoss, rmse: rmseBins };
    } catch (err) {
      // Answers on one day each, or too few cards seen again later: nothing to measure a fit on.
      if (err instanceof Error && /NotEnoughData/.test(err.message)) {
        throw new InvalidInputError(`not enough answers on later days to optimize (${items.length} so far): keep drilling for a few more days`);
      }
      throw err;
    }
  };
  const current = fitOf(currentWeights(weights));
  const optimized = await computeParameters(items, { enableShortTerm: true });
  return { weights: optimized, current, optimized: fitOf(optimized), items: items.length };
}
