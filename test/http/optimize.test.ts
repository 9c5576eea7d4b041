// "Optimize my parameters" over HTTP: FSRS parameters fitted to a review history made by the
// real drill (a simulated learner, seeded), shown beside the fit of the parameters in use, and
// used by the scheduler only once the user saves them.
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillCard, NextResponse, OptimizeResponse, Rating, RescheduleResponse, Settings } from '../../server/http/api-types.ts';
import { answerCard, nextCard } from '../../server/drill/index.ts';
import { expectError, json, makeSeededApp, snapshot, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

/** A learner whose memory of each card decays with its own stability; deterministic. */
function simulate(app: TestApp, days: number): number {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const memory = new Map<number, { stability: number; last: number }>();
  let answers = 0;
  for (let day = 0; day < days; day++) {
    let now = new Date(Date.UTC(2026, 2, 2 + day, 9)).getTime();
    for (let waits = 0; waits < 6; ) {
      const next = nextCard(app.db, new Date(now));
      if (!next.card) {
        if (!next.counts.learning) break;
        now += 10 * 60_000;
        waits++;
        continue;
      }
      const card: DrillCard = next.card;
      const m = memory.get(card.id) ?? { stability: 0.5 + random() * 3, last: now };
      const elapsedDays = (now - m.last) / 86_400_000;
      const recalled = random() < Math.pow(0.9, elapsedDays / m.stability);
      const rating: Rating = recalled ? (random() < 0.15 ? 4 : 3) : 1;
      m.stability = recalled ? m.stability * (1.5 + random() * 2) : Math.max(0.3, m.stability * 0.4);
      m.last = now;
      memory.set(card.id, m);
      answerCard(app.db, { cardId: card.id, rating, reviewId: `sim-${++answers}`, reps: card.reps }, new Date(now));
      now += 20_000;
    }
  }
  return answers;
}

describe('POST /api/settings/optimize', () => {
  it('refuses with fewer than 400 reviews, saying how many there are', async () => {
    t = await makeSeededApp();
    const error = await expectError(await t.app.request('/api/settings/optimize', { method: 'POST' }), 422);
    expect(error.message).toMatch(/^not enough reviews to optimize: 0 of the 400 needed/);
  });

  it('refuses 400 answers all given on one day: nothing to learn about forgetting', async () => {
    t = await makeSeededApp();
    await t.app.request('/api/settings', json({ newCardsPerDay: 400, reviewCap: 5000 }, { method: 'PUT' }));
    // One long day of forgetting everything: Again, a minute's wait, Again…
    let now = new Date('2026-03-02T09:00:00Z').getTime();
    for (let n = 1; n <= 400; n++) {
      let next = nextCard(t.db, new Date(now));
      while (!next.card) next = nextCard(t.db, new Date((now += 60_000)));
      answerCard(t.db, { cardId: next.card.id, rating: 1, reviewId: `again-${n}`, reps: next.card.reps }, new Date(now));
      now += 5_000;
    }
    const error = await expectError(await t.app.request('/api/settings/optimize', { method: 'POST' }), 422);
    expect(error.message).toMatch(/^not enough answers on later days to optimize \(0 so far\)/);
    expect(t.errors).toEqual([]);
  });

  it('fits parameters that predict the history better than the defaults, used only once saved', async () => {
    t = await makeSeededApp();
    await t.app.request('/api/settings', json({ newCardsPerDay: 400, reviewCap: 5000 }, { method: 'PUT' }));
    const answers = simulate(t, 30);
    expect(answers).toBeGreaterThanOrEqual(400);

    const res = await t.app.request('/api/settings/optimize', { method: 'POST' });
    expect(res.status).toBe(200);
    const result = (await res.json()) as OptimizeResponse;
    expect(result.reviews).toBe(answers);
    expect(result.cards).toBeGreaterThan(100);
    expect(result.weights).toHaveLength(21);
    expect(result.weights.every(Number.isFinite)).toBe(true);
    expect(result.optimized.logLoss).toBeLessThan(result.current.logLoss);
    expect(result.optimized.rmse).toBeLessThan(result.current.rmse);

    // Nothing changes until the user saves them; then the answer buttons' intervals follow them.
    const settings = (await (await t.app.request('/api/settings')).json()) as Settings;
    expect(settings.weights).toBeNull();
    t.clock.now = new Date('2026-04-20T09:00:00Z');
    const before = (await (await t.app.request('/api/drill/next')).json()) as NextResponse;
    const saved = await t.app.request('/api/settings', json({ weights: result.weights }, { method: 'PUT' }));
    expect(((await saved.json()) as Settings).weights).toEqual(result.weights);
    const after = (await (await t.app.request('/api/drill/next')).json()) as NextResponse;
    expect(after.card!.id).toBe(before.card!.id);
    expect(after.card!.intervals).not.toEqual(before.card!.intervals);

    // Optimizing again measures the parameters now in use: the ones just saved.
    const again = (await (await t.app.request('/api/settings/optimize', { method: 'POST' })).json()) as OptimizeResponse;
    expect(again.current.logLoss).toBeCloseTo(result.optimized.logLoss, 3);

    // Saving them recomputed every studied card's memory state; due dates move only on request.
    const unchanged = snapshot(t.db);
    const preview = (await (await t.app.request('/api/settings/reschedule')).json()) as RescheduleResponse;
    expect(snapshot(t.db)).toEqual(unchanged);
    expect(preview).toMatchObject({ cards: result.cards, memoryChanged: 0, applied: false });
    expect(preview.moved).toBeGreaterThan(0);
    expect(preview.due.map((d) => d.days)).toEqual([1, 7, 30]);
    const done = (await (await t.app.request('/api/settings/reschedule', { method: 'POST' })).json()) as RescheduleResponse;
    expect(done).toEqual({ ...preview, applied: true });
    // The drill now counts the reviews the preview said would be due today.
    const next = (await (await t.app.request('/api/drill/next')).json()) as NextResponse;
    expect(next.counts.review).toBe(preview.due[0]!.after);
    // A second request (a double click) finds nothing left to move.
    const twice = (await (await t.app.request('/api/settings/reschedule', { method: 'POST' })).json()) as RescheduleResponse;
    expect(twice).toMatchObject({ memoryChanged: 0, moved: 0, due: done.due.map((d) => ({ ...d, before: d.after })) });
    // The last answer was given before the cards were rescheduled: undo leaves it.
    const undo = await expectError(await t.app.request('/api/drill/undo', { method: 'POST' }), 409);
    expect(undo.message).toMatch(/rescheduled after the last answer/);
  });
});
