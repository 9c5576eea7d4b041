import { describe, expect, it } from 'vitest';
import { choosePile, type QueueState } from '../../server/scheduling/index.ts';

const q = (over: Partial<QueueState>): QueueState => ({ learningDue: false, reviewsLeft: 0, newLeft: 0, reviewsDone: 0, newDone: 0, ...over });

describe('choosePile', () => {
  it.each<[string, QueueState, string | null]>([
    ['learning due now comes first', q({ learningDue: true, reviewsLeft: 5, newLeft: 5 }), 'learning'],
    ['nothing left', q({}), null],
    ['only reviews', q({ reviewsLeft: 3 }), 'review'],
    ['only new', q({ newLeft: 3 }), 'new'],
    ['new behind reviews in share of the day', q({ reviewsLeft: 10, newLeft: 10, reviewsDone: 5, newDone: 1 }), 'new'],
    ['reviews behind new', q({ reviewsLeft: 10, newLeft: 10, reviewsDone: 1, newDone: 5 }), 'review'],
  ])('%s', (_name, state, pile) => {
    expect(choosePile(state)).toBe(pile);
  });

  it('mixes 100 reviews and 20 new cards evenly through the session', () => {
    let reviewsLeft = 100;
    let newLeft = 20;
    let reviewsDone = 0;
    let newDone = 0;
    const newPositions: number[] = [];
    for (let i = 0; i < 120; i++) {
      const pile = choosePile({ learningDue: false, reviewsLeft, newLeft, reviewsDone, newDone });
      if (pile === 'new') {
        newPositions.push(i);
        newLeft--;
        newDone++;
      } else {
        reviewsLeft--;
        reviewsDone++;
      }
    }
    expect(newPositions).toHaveLength(20);
    // Roughly one new card in every six: no long runs of one kind.
    const gaps = newPositions.slice(1).map((p, i) => p - newPositions[i]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(7);
  });
});
