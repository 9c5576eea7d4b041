// "Optimize my parameters": FSRS parameters fitted to this user's answers, with how well they and
// the parameters in use predict the same answers. Nothing is changed: the user decides, and uses
// them by saving settings.weights (as Anki shows the result before saving it).
import { InvalidInputError } from '../errors.ts';
import type { OptimizeResponse } from '../http/api-types.ts';
import { dayWindow, optimizeWeights, type ReviewEvent } from '../scheduling/index.ts';
import { reviewsStore, type Db } from '../store/index.ts';
import { getSettings } from './settings.ts';

/** Below this many answers the defaults, fitted on millions of reviews, are as good as any. */
export const MIN_REVIEWS = 400;

export async function optimizeParameters(db: Db): Promise<OptimizeResponse> {
  const history = reviewsStore.answerHistory(db);
  if (history.length < MIN_REVIEWS) {
    throw new InvalidInputError(
      `not enough reviews to optimize: ${history.length} of the ${MIN_REVIEWS} needed; until then the default parameters fit as well as any`,
    );
  }
  const settings = getSettings(db);
  // Days elapsed count study days (day start and time zone applied), as the scheduler sees them.
  const events: ReviewEvent[] = history.map((r) => ({
    cardId: r.cardId,
    rating: r.rating,
    // The study day's date (YYYY-MM-DD parses as UTC midnight) as a day number.
    day: Date.parse(dayWindow(new Date(r.reviewedAt), settings).day) / 86_400_000,
  }));
  const result = await optimizeWeights(events, settings.weights);
  return {
    reviews: history.length,
    cards: new Set(history.map((r) => r.cardId)).size,
    current: result.current,
    optimized: result.optimized,
    weights: result.weights,
  };
}
