import type { Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../server/http/api-types.ts';
import { intervalLabel, newCard, previewIntervals, schedule, type SchedSettings } from '../../server/scheduling/index.ts';
import { plainCard, plainScheduler } from './plain-fsrs.ts';

const settings: SchedSettings = {
  desiredRetention: 0.9,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  enableFuzz: true,
  weights: null,
};
const now = new Date('2026-03-02T08:00:00Z');
const minutes = (a: Date, b: Date) => (a.getTime() - b.getTime()) / 60_000;

describe('schedule', () => {
  it('walks a new card through the learning steps 1m and 10m', () => {
    const again = schedule(newCard(now), 1, now, settings);
    expect(again.card.state).toBe('learning');
    expect(minutes(again.card.due, now)).toBe(1);
    const good = schedule(newCard(now), 3, now, settings);
    expect(minutes(good.card.due, now)).toBe(10);
    const later = new Date(now.getTime() + 10 * 60_000);
    const graduated = schedule(good.card, 3, later, settings);
    expect(graduated.card.state).toBe('review');
    expect(graduated.card.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(graduated.log.state).toBe('learning');
    expect(graduated.log.rating).toBe(3);
  });

  it('counts a lapse when a review is forgotten, and relearns over the 10m step', () => {
    let card = schedule(newCard(now), 4, now, settings).card;
    expect(card.state).toBe('review');
    const due = card.due;
    const lapse = schedule(card, 1, due, settings);
    expect(lapse.card.lapses).toBe(1);
    expect(lapse.card.state).toBe('relearning');
    expect(minutes(lapse.card.due, due)).toBe(10);
    card = lapse.card;
  });

  it('is deterministic with fuzz on: the same card and time give the same interval', () => {
    let card = schedule(newCard(now), 4, now, settings).card;
    card = schedule(card, 3, card.due, settings).card;
    const a = schedule(card, 3, card.due, settings);
    const b = schedule(card, 3, card.due, settings);
    expect(a.card.due.toISOString()).toBe(b.card.due.toISOString());
    // The preview shows exactly what answering will do.
    const preview = previewIntervals(card, card.due, settings);
    expect(preview.find((p) => p.rating === 3)!.due).toBe(a.card.due.toISOString());
  });

  it('schedules longer intervals for a lower desired retention', () => {
    const relaxed = { ...settings, desiredRetention: 0.8, enableFuzz: false };
    const strict = { ...settings, desiredRetention: 0.95, enableFuzz: false };
    let a = schedule(newCard(now), 4, now, relaxed).card;
    let b = schedule(newCard(now), 4, now, strict).card;
    a = schedule(a, 3, a.due, relaxed).card;
    b = schedule(b, 3, b.due, strict).card;
    expect(a.scheduledDays).toBeGreaterThan(b.scheduledDays);
  });
});

describe('previewIntervals', () => {
  it('labels the four ratings of a new card as the buttons show them', () => {
    const labels = previewIntervals(newCard(now), now, settings).map((p) => [p.rating, p.label]);
    expect(labels.slice(0, 3)).toEqual([
      [1, '1m'],
      [2, '6m'],
      [3, '10m'],
    ]);
    expect(labels[3][1]).toMatch(/^\d+d$/);
  });
});

describe('intervalLabel', () => {
  it.each([
    [30_000, '1m'],
    [60_000, '1m'],
    [10 * 60_000, '10m'],
    [90 * 60_000, '1.5h'],
    [5 * 3_600_000, '5h'],
    [86_400_000, '1d'],
    [12 * 86_400_000, '12d'],
    [96 * 86_400_000, '3.2mo'],
    [548 * 86_400_000, '1.5y'],
  ])('%i ms -> %s', (ms, label) => {
    expect(intervalLabel(ms)).toBe(label);
  });
});

describe('the scheduler matches plain ts-fsrs', () => {
  // The learning steps are parsed once per scheduler; every state and step must still come out
  // exactly as ts-fsrs schedules them on its own.
  it.each([
    { learningSteps: ['1m', '10m'], relearningSteps: ['10m'] },
    { learningSteps: ['2m', '15m', '1h', '1d'], relearningSteps: ['5m', '30m'] },
    { learningSteps: ['30m'], relearningSteps: [] },
  ])('for steps $learningSteps / $relearningSteps, through learning, review and lapses', (steps) => {
    const s: SchedSettings = { ...settings, ...steps };
    const reference = plainScheduler(s);
    let card = newCard(now);
    let t = now;
    // Again, Good, Good, …: walks the learning steps, graduates, lapses and relearns.
    for (const rating of [1, 3, 2, 3, 3, 3, 1, 2, 3, 4, 1, 1, 3, 3] as Rating[]) {
      const preview = previewIntervals(card, t, s);
      const expected = reference.repeat(plainCard(card), t);
      expect(preview.map((p) => p.due)).toEqual(([1, 2, 3, 4] as Grade[]).map((g) => expected[g].card.due.toISOString()));
      card = schedule(card, rating, t, s).card;
      expect(card.due.toISOString()).toBe(expected[rating as Grade].card.due.toISOString());
      t = new Date(card.due.getTime() + 7_777);
    }
  });
});
