// GET /api/drill/next keeps a card's serialised text while nothing changes: after every change a
// user can make, its bytes must equal what a fresh connection (with nothing cached) serves.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextCard } from '../../server/drill/index.ts';
import type { NextResponse } from '../../server/http/api-types.ts';
import { openDatabase } from '../../server/store/index.ts';
import { json, makeSeededApp, seedText, uuid, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

async function served(): Promise<string> {
  const res = await t.app.request('/api/drill/next');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return new TextDecoder('utf-8', { fatal: true }).decode(await res.arrayBuffer());
}

/** What a connection that has cached nothing serves at the app's current time. */
function uncached(): string {
  const fresh = openDatabase(join(t.dir, 'test.db'));
  try {
    return JSON.stringify(nextCard(fresh, t.clock.now));
  } finally {
    fresh.close();
  }
}

async function expectCurrent(): Promise<NextResponse> {
  const body = await served();
  expect(body).toBe(uncached());
  return JSON.parse(body) as NextResponse;
}

describe('GET /api/drill/next after each change', () => {
  it('serves the current card, intervals and counts, never a stale cached copy', async () => {
    t = await makeSeededApp();
    const start = await expectCurrent();
    const first = start.card!;
    // Same data, later time: the same card, with intervals for the new time.
    t.clock.now = new Date('2026-03-02T09:00:07.123Z');
    const later = (await expectCurrent()).card!;
    expect(later.id).toBe(first.id);
    expect(later.intervals[0].due).not.toBe(first.intervals[0].due);

    // Answer: another card, or the same one in another state.
    const answered = await t.app.request('/api/drill/answer', json({ cardId: first.id, rating: 1, reviewId: uuid(1), reps: first.reps }));
    expect(answered.status).toBe(200);
    t.clock.now = new Date('2026-03-02T09:00:20Z');
    const afterAnswer = await expectCurrent();
    expect(afterAnswer.counts.new).toBe(start.counts.new - 1);
    expect(afterAnswer.counts.learning).toBe(start.counts.learning + 1);

    // Undo brings the first card back as it was.
    expect((await t.app.request('/api/drill/undo', { method: 'POST' })).status).toBe(200);
    const undone = (await expectCurrent()).card!;
    expect(undone.id).toBe(first.id);
    expect(undone.state).toBe('new');

    // Suspend takes it out of the queue.
    expect((await t.app.request(`/api/cards/${first.id}/suspend`, { method: 'POST' })).status).toBe(200);
    expect((await expectCurrent()).card!.id).not.toBe(first.id);
    expect((await t.app.request(`/api/cards/${first.id}/unsuspend`, { method: 'POST' })).status).toBe(200);
    expect((await expectCurrent()).card!.id).toBe(first.id);

    // A term edit shows in the card's text at once.
    const shown = (await expectCurrent()).card!;
    const termId = shown.term?.id ?? shown.terms[0]?.id;
    expect(termId).toBeDefined();
    const edited = await t.app.request(`/api/terms/${termId}`, { ...json({ en: 'freshly edited rendering' }), method: 'PATCH' });
    expect(edited.status).toBe(200);
    expect(await served()).toContain('freshly edited rendering');
    await expectCurrent();

    // A settings change alters the intervals (and may alter the card and counts).
    const before = (await expectCurrent()).card!;
    const settings = await t.app.request('/api/settings', { ...json({ learningSteps: ['3m', '30m'] }), method: 'PUT' });
    expect(settings.status).toBe(200);
    const after = (await expectCurrent()).card!;
    expect(after.intervals).not.toEqual(before.intervals);

    // An import adds cards to the counts.
    const countsBefore = (await expectCurrent()).counts;
    await t.app.request('/api/settings', { ...json({ newCardsPerDay: 9999 }), method: 'PUT' });
    const widened = (await expectCurrent()).counts;
    const imported = await t.app.request('/api/sources', json({ title: 'Second copy', text: seedText.replace(/网络/g, '网路') }));
    expect(imported.status).toBe(201);
    const countsAfter = (await expectCurrent()).counts;
    expect(widened.new).toBeGreaterThanOrEqual(countsBefore.new);
    expect(countsAfter.new).toBeGreaterThan(widened.new);
  });
});
