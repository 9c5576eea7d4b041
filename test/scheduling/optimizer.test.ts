import { describe, expect, it } from 'vitest';
import { trainingItems, type TrainingReview } from '../../server/scheduling/index.ts';
import { runOptimizer } from '../../server/scheduling/optimizer.ts';

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

describe('runOptimizer: fsrs-rs in a process of its own', () => {
  it('turns an abort of fsrs-rs (an item with no later day) into an error, and the caller lives on', async () => {
    const sameDay = Array.from({ length: 20 }, () => [{ rating: 3 as const, deltaT: 0 }, { rating: 3 as const, deltaT: 0 }]);
    await expect(runOptimizer(sameDay, [])).rejects.toThrow(/^the FSRS optimizer (was stopped by SIGABRT|exited with code \d+).*delta_t > 0/);
    // Still here: the next run in this process works.
    const fine: TrainingReview[][] = [];
    for (let k = 0; k < 50; k++) {
      fine.push([{ rating: 3, deltaT: 0 }, { rating: 3, deltaT: 0 }, { rating: k % 3 ? 3 : 1, deltaT: 1 + (k % 5) }]);
      fine.push([{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 2 }, { rating: 3, deltaT: 0 }, { rating: 3, deltaT: 3 }]);
    }
    const result = await runOptimizer(fine, []);
    expect('weights' in result && result.weights).toHaveLength(21);
  });
});
