import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CardState } from '../../server/http/api-types.ts';
import { newCard, previewIntervals, previewIntervalsJson, type SchedCard, type SchedSettings } from '../../server/scheduling/index.ts';
import { plainDues } from './plain-fsrs.ts';

const DAY = 86_400_000;
const states: CardState[] = ['new', 'learning', 'review', 'relearning'];

// The buttons' intervals are computed without ts-fsrs's scheduler objects; they must be the dates
// plain ts-fsrs repeat() gives (plainDues), for every state, step, setting and time.

const step = fc.constantFrom('1m', '3m', '10m', '15m', '30m', '1h', '6h', '23h', '1d', '2d');
const fitted = default_w.map((w, i) => (i < 4 ? w * 1.7 : i === 20 ? 0.3 : w));
// Settings accept FSRS-4.5 (17) and FSRS-5 (19) parameter lists too, which ts-fsrs migrates.
const fsrs5 = fitted.slice(0, 19);
const fsrs45 = fitted.slice(0, 17);

const settingsArb: fc.Arbitrary<SchedSettings> = fc.record({
  desiredRetention: fc.integer({ min: 70, max: 99 }).map((n) => n / 100),
  learningSteps: fc.array(step, { maxLength: 4 }),
  relearningSteps: fc.array(step, { maxLength: 3 }),
  enableFuzz: fc.boolean(),
  weights: fc.constantFrom(null, fitted, fsrs5, fsrs45),
});

const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

const seenCard = (state: CardState) =>
  fc.record({
    difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
    stability: fc.double({ min: 0.01, max: 5000, noNaN: true }),
    reps: fc.integer({ min: 1, max: 200 }),
    lapses: fc.integer({ min: 0, max: 30 }),
    learningSteps: fc.integer({ min: 0, max: 5 }),
    // From the same minute to over two years since the last answer, across day boundaries.
    sinceLast: fc.oneof(fc.integer({ min: 0, max: DAY }), fc.integer({ min: 0, max: 800 * DAY })),
    dueOffset: fc.integer({ min: -60 * DAY, max: 400 * DAY }),
    scheduledDays: fc.integer({ min: 0, max: 400 }),
  }).map((c) => (now: number): SchedCard => ({
    due: new Date(now + c.dueOffset),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: 0,
    scheduledDays: state === 'review' ? c.scheduledDays : 0,
    learningSteps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state,
    lastReview: new Date(now - c.sinceLast),
  }));

const newCardArb = fc.constant((now: number): SchedCard => newCard(new Date(now)));

describe('previewIntervals matches plain ts-fsrs repeat()', () => {
  // ts-fsrs announces each migration of a 17- or 19-parameter list with console.debug.
  beforeAll(() => void vi.spyOn(console, 'debug').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  it.each(states)('for %s cards', (state) => {
    fc.assert(
      fc.property(state === 'new' ? newCardArb : seenCard(state), settingsArb, nowArb, (make, settings, t) => {
        const card = make(t);
        const now = new Date(t);
        const preview = previewIntervals(card, now, settings);
        expect(preview.map((p) => p.due)).toEqual(plainDues(card, now, settings));
        // The drill's response writes the same JSON itself.
        expect(previewIntervalsJson(card, now, settings)).toBe(JSON.stringify(preview));
      }),
      { numRuns: 400 },
    );
  });

  it('for a review card answered minutes ago, long ago, and with fuzz on and off', () => {
    const base: SchedCard = {
      due: new Date('2026-03-01T09:00:00Z'),
      stability: 37.5,
      difficulty: 5.2,
      elapsedDays: 0,
      scheduledDays: 40,
      learningSteps: 0,
      reps: 10,
      lapses: 1,
      state: 'review',
      lastReview: new Date('2026-01-20T09:00:00Z'),
    };
    const settings: SchedSettings = { desiredRetention: 0.9, learningSteps: ['1m', '10m'], relearningSteps: ['10m'], enableFuzz: true, weights: null };
    for (const at of ['2026-01-20T09:05:00Z', '2026-03-02T09:00:00Z', '2027-06-01T00:00:00Z']) {
      for (const enableFuzz of [true, false]) {
        const now = new Date(at);
        const s = { ...settings, enableFuzz };
        expect(previewIntervals(base, now, s).map((p) => p.due)).toEqual(plainDues(base, now, s));
      }
    }
  });
});
