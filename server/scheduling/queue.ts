// Queue policy: which pile the next card comes from. Learning cards due now come first (their
// steps are short and time-sensitive); then reviews and new cards are interleaved so both
// piles shrink at the same pace through the day, as Anki's "mix new cards with reviews" does.

/** Anki's learn-ahead limit: with nothing else left today, a learning card due this soon is served early. */
export const learnAheadMs = 20 * 60_000;

export interface QueueState {
  /** Learning or relearning cards due now. */
  learningDue: boolean;
  /** Due reviews still allowed today (already capped by the review limit). */
  reviewsLeft: number;
  /** New cards still allowed today (already capped by the daily limit). */
  newLeft: number;
  reviewsDone: number;
  newDone: number;
}

export type Pile = 'learning' | 'review' | 'new';

export function choosePile(q: QueueState): Pile | null {
  if (q.learningDue) return 'learning';
  if (q.reviewsLeft <= 0 && q.newLeft <= 0) return null;
  if (q.newLeft <= 0) return 'review';
  if (q.reviewsLeft <= 0) return 'new';
  // Serve whichever pile is further behind in the share of today's work done.
  const newShare = q.newDone * (q.reviewsDone + q.reviewsLeft);
  const reviewShare = q.reviewsDone * (q.newDone + q.newLeft);
  return newShare <= reviewShare ? 'new' : 'review';
}
