import { describe, expect, it } from 'vitest';
import { trainingItems } from '../../server/scheduling/index.ts';

describe('trainingItems: a review history as fsrs-rs training items', () => {
  it('makes an item per answer on a later day than the card’s answer before, with the study days elapsed between answers', () => {
    const items = trainingItems([
      { cardId: 1, rating: 3, day: 100 },
      { cardId: 2, rating: 1, day: 100 },
      { cardId: 1, rating: 3, day: 100 }, // the same day: a short-term step
      { cardId: 2, rating: 3, day: 100 },
      { cardId: 1, rating: 1, day: 104 },
      { cardId: 1, rating: 3, day: 105 },
      { cardId: 1, rating: 3, day: 105 }, // a relearning step: history for the next item only
      { cardId: 3, rating: 4, day: 105 }, // one answer only: nothing to learn from yet
      { cardId: 1, rating: 3, day: 110 },
    ]);
    // Card 2, answered on one day only, teaches nothing about forgetting (and fsrs-rs would abort).
    const card1 = [{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: 1, deltaT: 4 }, { rating: 3, deltaT: 1 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 5 }];
    expect(items).toEqual([card1.slice(0, 3), card1.slice(0, 4), card1]);
  });
});
