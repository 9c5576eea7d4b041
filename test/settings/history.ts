// A studied collection for rescheduling tests: days of drilling through the real drill, each card
// rated by a rule of its id and the day.
import { answerCard, nextCard } from '../../server/drill/index.ts';
import type { Rating } from '../../server/http/api-types.ts';
import type { Db } from '../../server/store/index.ts';

const dayMs = 86_400_000;
let reviewSeq = 0;

/** A unique review id for an answer. */
export const reviewId = () => `history-${++reviewSeq}`;

export interface Given {
  cardId: number;
  rating: Rating;
  at: number;
}

/** A rating that varies with the card and the day: mostly Good, some Again, Hard and Easy. */
function ratingFor(cardId: number, day: number): Rating {
  const k = (cardId * 7 + day * 3) % 11;
  return (k === 0 ? 1 : k === 1 ? 2 : k === 2 ? 4 : 3) as Rating;
}

/** Drills everything due each day for `days` days from `start`; returns the answers given, in order. */
export function drillDays(db: Db, start: Date, days: number): Given[] {
  const given: Given[] = [];
  for (let d = 0; d < days; d++) {
    let now = new Date(start.getTime() + d * dayMs);
    for (let i = 0; i < 200; i++) {
      const { card } = nextCard(db, now);
      if (!card) break;
      const rating = ratingFor(card.id, d);
      answerCard(db, { cardId: card.id, rating, reviewId: reviewId(), reps: card.reps }, now);
      given.push({ cardId: card.id, rating, at: now.getTime() });
      now = new Date(now.getTime() + 45_000);
    }
  }
  return given;
}
