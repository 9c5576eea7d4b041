import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Rating } from '../../server/http/api-types.ts';
import { newCard, replay, schedule, type Answer, type SchedSettings } from '../../server/scheduling/index.ts';

const DAY = 86_400_000;

// A replay takes the memory arithmetic alone for every answer but the last; the card it ends with
// must be the very card the drill's schedule() makes answer after answer, for any history and
// settings (learning steps of minutes, hours and days, none at all, fuzz, fitted parameters).

const step = fc.constantFrom('1m', '3m', '10m', '15m', '1h', '6h', '23h', '1d', '2d');
const fitted = default_w.map((w, i) => (i < 4 ? w * 1.7 : i === 20 ? 0.3 : w));

const settingsArb: fc.Arbitrary<SchedSettings> = fc.record({
  desiredRetention: fc.integer({ min: 70, max: 99 }).map((n) => n / 100),
  learningSteps: fc.array(step, { maxLength: 4 }),
  relearningSteps: fc.array(step, { maxLength: 3 }),
  enableFuzz: fc.boolean(),
  weights: fc.constantFrom(null, fitted, fitted.slice(0, 19), fitted.slice(0, 17)),
});

// Answers minutes apart (learning steps, a day's drill) or days to a year apart.
const historyArb = fc
  .tuple(
    fc.integer({ min: Date.UTC(2022, 0, 1), max: Date.UTC(2028, 0, 1) }),
    fc.array(
      fc.tuple(fc.constantFrom<Rating>(1, 2, 3, 4), fc.oneof(fc.integer({ min: 0, max: 3 * 3_600_000 }), fc.integer({ min: 0, max: 365 * DAY }))),
      { minLength: 1, maxLength: 25 },
    ),
  )
  .map(([start, steps]) => {
    let at = start;
    return steps.map(([rating, gap]): Answer => ({ rating, at: (at += gap) }));
  });

describe('replay', () => {
  beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it('ends where answering through schedule() ends, for any history and settings', () => {
    fc.assert(
      fc.property(historyArb, settingsArb, (answers, settings) => {
        let card = newCard(new Date(answers[0]!.at));
        for (const a of answers) card = schedule(card, a.rating, new Date(a.at), settings).card;
        expect(replay(answers, settings)).toEqual(card);
      }),
      { numRuns: 400 },
    );
  });

  it('leaves a card without answers new', () => {
    expect(replay([], { desiredRetention: 0.9, learningSteps: ['1m'], relearningSteps: [], enableFuzz: true, weights: null }).state).toBe('new');
  });
});
