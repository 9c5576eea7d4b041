// The drill over HTTP: next, answer (idempotent, conflicts), undo, suspend, and a short session on
// the seed that the stats then report.
import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerResponse, CheckResponse, ExtendResponse, NextResponse, StatsResponse, SuspendedCardsResponse, UndoResponse } from '../../server/http/api-types.ts';
import { expectError, json, makeApp, makeSeededApp, snapshot, uuid, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

async function next(): Promise<NextResponse> {
  const res = await t.app.request('/api/drill/next');
  expect(res.status).toBe(200);
  return (await res.json()) as NextResponse;
}

function answer(body: Record<string, unknown>) {
  return t.app.request('/api/drill/answer', json(body));
}

function reviewCount(): number {
  return (t.db.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n;
}

describe('GET /api/drill/next', () => {
  it('is null with zero counts on an empty database', async () => {
    t = makeApp();
    expect(await next()).toEqual({ card: null, counts: { new: 0, learning: 0, review: 0 } });
  });

  it('serves a card of the seed with four interval previews', async () => {
    t = await makeSeededApp();
    const { card, counts } = await next();
    expect(card).not.toBeNull();
    expect(counts.new).toBeGreaterThan(0);
    expect(card!.state).toBe('new');
    expect(card!.intervals.map((i) => i.rating)).toEqual([1, 2, 3, 4]);
    expect(card!.accepted.length).toBeGreaterThan(0);
  });
});

describe('POST /api/drill/answer', () => {
  it('records an answer; the same reviewId again records nothing more', async () => {
    t = await makeSeededApp();
    const { card } = await next();
    const body = { cardId: card!.id, rating: 3, reviewId: uuid(1), answer: card!.reference, durationMs: 4200 };
    const first = await answer(body);
    expect(first.status).toBe(200);
    const recorded = (await first.json()) as AnswerResponse;
    expect(recorded.duplicate).toBe(false);
    expect(recorded.review).toMatchObject({ id: uuid(1), cardId: card!.id, rating: 3, reviewedAt: '2026-03-02T09:00:00.000Z' });
    expect(recorded.card.state).not.toBe('new');

    const before = snapshot(t.db);
    t.clock.now = new Date('2026-03-02T09:00:05Z');
    const again = (await (await answer(body)).json()) as AnswerResponse;
    expect(again.duplicate).toBe(true);
    expect(again.review).toEqual(recorded.review);
    expect(snapshot(t.db)).toEqual(before);
    expect(reviewCount()).toBe(1);
  });

  it('the same reviewId with a different rating is a 409', async () => {
    t = await makeSeededApp();
    const { card } = await next();
    await answer({ cardId: card!.id, rating: 3, reviewId: uuid(1) });
    const before = snapshot(t.db);
    await expectError(await answer({ cardId: card!.id, rating: 1, reviewId: uuid(1) }), 409);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('two different answers racing for one served card: one wins, the other gets 409', async () => {
    t = await makeSeededApp();
    const { card } = await next();
    const [a, b] = await Promise.all([
      answer({ cardId: card!.id, rating: 3, reviewId: uuid(1), reps: card!.reps }),
      answer({ cardId: card!.id, rating: 1, reviewId: uuid(2), reps: card!.reps }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    await expectError(loser, 409);
    expect(reviewCount()).toBe(1);
  });

  const bad: [string, (cardId: number) => Record<string, unknown>, number, RegExp][] = [
    ['rating 0', (id) => ({ cardId: id, rating: 0, reviewId: uuid(9) }), 400, /rating/],
    ['rating 5', (id) => ({ cardId: id, rating: 5, reviewId: uuid(9) }), 400, /rating/],
    ['rating 2.5', (id) => ({ cardId: id, rating: 2.5, reviewId: uuid(9) }), 400, /rating/],
    ['rating "3"', (id) => ({ cardId: id, rating: '3', reviewId: uuid(9) }), 400, /rating/],
    ['rating null', (id) => ({ cardId: id, rating: null, reviewId: uuid(9) }), 400, /rating/],
    ['no rating', (id) => ({ cardId: id, reviewId: uuid(9) }), 400, /rating/],
    ['cardId as a string', (id) => ({ cardId: String(id), rating: 3, reviewId: uuid(9) }), 400, /cardId/],
    ['a negative cardId', () => ({ cardId: -1, rating: 3, reviewId: uuid(9) }), 400, /cardId/],
    ['no cardId', () => ({ rating: 3, reviewId: uuid(9) }), 400, /cardId/],
    ['a reviewId that is no UUID', (id) => ({ cardId: id, rating: 3, reviewId: 'review-1' }), 400, /reviewId/],
    ['no reviewId', (id) => ({ cardId: id, rating: 3 }), 400, /reviewId/],
    ['a negative duration', (id) => ({ cardId: id, rating: 3, reviewId: uuid(9), durationMs: -5 }), 400, /durationMs/],
    ['an answer that is a number', (id) => ({ cardId: id, rating: 3, reviewId: uuid(9), answer: 42 }), 400, /answer/],
    ['an unknown card', () => ({ cardId: 987654, rating: 3, reviewId: uuid(9) }), 404, /./],
  ];
  it.each(bad)('refuses %s with the error shape, changing nothing', async (_name, make, status, field) => {
    t = await makeSeededApp();
    const { card } = await next();
    const before = snapshot(t.db);
    const error = await expectError(await answer(make(card!.id)), status);
    expect(error.message).toMatch(field);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('POST /api/drill/check', () => {
  function check(body: Record<string, unknown>) {
    return t.app.request('/api/drill/check', json(body));
  }

  function termCard(zh: string, direction: 'zh-en' | 'en-zh'): number {
    const row = t.db
      .prepare(`SELECT c.id FROM cards c JOIN terms t ON t.id = c.subject_id WHERE c.kind = 'term' AND t.zh = ? AND c.direction = ?`)
      .get(zh, direction) as { id: number } | undefined;
    expect(row).toBeDefined();
    return row!.id;
  }

  it('grades with the dictionary the browser lacks: traditional characters are the term, and nothing is stored', async () => {
    t = await makeSeededApp();
    const cardId = termCard('网络生态治理', 'en-zh');
    const before = snapshot(t.db);
    const res = await check({ cardId, answer: '網絡生態治理' });
    expect(res.status).toBe(200);
    const { grade } = (await res.json()) as CheckResponse;
    expect(grade.suggestion).toBe(3);
    expect(grade.score).toBe(1);
    const wrong = (await (await check({ cardId, answer: '网络安全' })).json()) as CheckResponse;
    expect(wrong.grade.suggestion).toBe(1);
    expect(wrong.grade.diff.some((op) => op.op !== 'same')).toBe(true);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('refuses an unknown card (404) and a malformed body (400)', async () => {
    t = await makeSeededApp();
    await expectError(await check({ cardId: 999_999, answer: 'x' }), 404, 'not_found');
    await expectError(await check({ cardId: 1 }), 400);
    await expectError(await check({ cardId: 'one', answer: 'x' }), 400);
  });
});

describe('POST /api/drill/undo', () => {
  it('restores the card exactly and removes the review; with nothing left it is a 409', async () => {
    t = await makeSeededApp();
    const before = snapshot(t.db);
    const served = await next();
    await answer({ cardId: served.card!.id, rating: 1, reviewId: uuid(1) });
    t.clock.now = new Date('2026-03-02T09:00:30Z');
    const res = await t.app.request('/api/drill/undo', { method: 'POST' });
    expect(res.status).toBe(200);
    const undone = (await res.json()) as UndoResponse;
    expect(undone.card).toMatchObject({ id: served.card!.id, state: 'new' });
    expect(snapshot(t.db)).toEqual(before);
    expect((await next()).card?.id).toBe(served.card!.id);

    await expectError(await t.app.request('/api/drill/undo', { method: 'POST' }), 409);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('suspending cards', () => {
  it('a suspended card is not served until unsuspended', async () => {
    t = await makeSeededApp();
    const first = (await next()).card!;
    const suspended = await t.app.request(`/api/cards/${first.id}/suspend`, { method: 'POST' });
    expect(await suspended.json()).toMatchObject({ card: { id: first.id, suspended: true, leech: false } });
    expect((await next()).card?.id).not.toBe(first.id);
    expect((await t.app.request(`/api/cards/${first.id}/unsuspend`, { method: 'POST' })).status).toBe(200);
    expect((await next()).card?.id).toBe(first.id);
  });

  it('lists every suspended card with its text, leeches first, until each is unsuspended', async () => {
    t = await makeSeededApp();
    const list = async () => (await (await t.app.request('/api/cards/suspended')).json()) as SuspendedCardsResponse;
    expect(await list()).toEqual({ cards: [], total: 0 });

    const termId = (t.db.prepare("SELECT id FROM terms WHERE zh = '网络生态治理'").get() as { id: number }).id;
    const termCard = t.db.prepare("SELECT id FROM cards WHERE kind = 'term' AND direction = 'zh-en' AND subject_id = ?").get(termId) as { id: number };
    const sentence = t.db.prepare("SELECT c.id, s.zh, s.en FROM cards c JOIN segments s ON s.id = c.subject_id WHERE c.kind = 'sentence' ORDER BY c.id LIMIT 1").get() as { id: number; zh: string; en: string };
    for (const id of [sentence.id, termCard.id]) expect((await t.app.request(`/api/cards/${id}/suspend`, { method: 'POST' })).status).toBe(200);
    const both = await list();
    expect(both.total).toBe(2);
    expect(both.cards.map((c) => c.id)).toEqual([Math.min(sentence.id, termCard.id), Math.max(sentence.id, termCard.id)]);
    expect(both.cards.find((c) => c.id === sentence.id)).toMatchObject({ kind: 'sentence', zh: sentence.zh, en: sentence.en, termId: null, sourceTitle: 'Cyber ecosystem governance', leech: false });
    expect(both.cards.find((c) => c.id === termCard.id)).toMatchObject({ kind: 'term', direction: 'zh-en', zh: '网络生态治理', termId, state: 'new' });

    // A leech made by a real lapse comes first.
    await t.app.request('/api/settings', json({ leechThreshold: 1 }, { method: 'PUT' }));
    const served = (await next()).card!;
    const easy = (await (await answer({ cardId: served.id, rating: 4, reviewId: uuid(1) })).json()) as AnswerResponse;
    t.clock.now = new Date(easy.card.due);
    await answer({ cardId: served.id, rating: 1, reviewId: uuid(2) });
    const three = await list();
    expect(three.total).toBe(3);
    expect(three.cards[0]).toMatchObject({ id: served.id, leech: true, lapses: 1 });
    expect((await (await t.app.request('/api/cards/suspended?limit=1&offset=1')).json()) as SuspendedCardsResponse).toMatchObject({ total: 3, cards: [{ id: three.cards[1]!.id }] });

    // An ignored term's cards leave the drill with it, and this list too; unsuspending empties it.
    await t.app.request(`/api/terms/${termId}`, json({ status: 'ignored' }, { method: 'PATCH' }));
    expect((await list()).cards.map((c) => c.id)).not.toContain(termCard.id);
    for (const c of (await list()).cards) await t.app.request(`/api/cards/${c.id}/unsuspend`, { method: 'POST' });
    expect((await list()).total).toBe(0);
  });

  it.each(['?limit=0', '?limit=501', '?offset=-1', '?limit=ten'])('GET /api/cards/suspended%s → 400', async (query) => {
    t = await makeSeededApp();
    await expectError(await t.app.request(`/api/cards/suspended${query}`), 400);
  });

  it.each([
    ['/api/cards/987654/suspend', 404],
    ['/api/cards/abc/suspend', 400],
    ['/api/cards/0/unsuspend', 400],
    ['/api/cards/1.5/suspend', 400],
  ])('%s → %i, changing nothing', async (path, status) => {
    t = await makeSeededApp();
    const before = snapshot(t.db);
    await expectError(await t.app.request(path, { method: 'POST' }), status);
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('a short session on the seed', () => {
  it('answers a dozen cards by the suggested flow and the stats count them', async () => {
    t = await makeSeededApp();
    const ratings = [3, 3, 1, 4, 3, 2, 3, 3, 1, 3, 4, 3];
    const seen = new Set<number>();
    for (const [i, rating] of ratings.entries()) {
      const { card } = await next();
      expect(card).not.toBeNull();
      seen.add(card!.id);
      const res = await answer({ cardId: card!.id, rating, reviewId: uuid(100 + i), answer: card!.reference, durationMs: 3000 });
      expect(res.status).toBe(200);
      // The reference answer typed back is graded (nearly) perfect.
      expect(((await res.json()) as AnswerResponse).review.score).toBeGreaterThan(0.9);
      t.clock.now = new Date(t.clock.now.getTime() + 20_000);
    }
    expect(seen.size).toBeGreaterThan(5);
    const stats = (await (await t.app.request('/api/stats')).json()) as StatsResponse;
    expect(stats.today.reviews).toBe(ratings.length);
    expect(stats.today.again).toBe(2);
    expect(stats.today.timeMs).toBe(ratings.length * 3000);
    expect(stats.streak).toBe(1);
    expect(stats.sources).toHaveLength(1);
  });
});

describe('the study day over HTTP', () => {
  it('a new-card limit of 3 holds until 04:00 in Shanghai (20:00 UTC), then 3 more come', async () => {
    t = await makeSeededApp();
    const put = await t.app.request('/api/settings', json({ newCardsPerDay: 3, timeZone: 'Asia/Shanghai' }, { method: 'PUT' }));
    expect(put.status).toBe(200);
    const answered: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { card, counts } = await next();
      expect(counts.new).toBe(3 - i);
      answered.push(card!.id);
      // Easy: straight to review, days away, so nothing of today's is left to learn.
      expect((await answer({ cardId: card!.id, rating: 4, reviewId: uuid(i + 1) })).status).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 30_000);
    }
    expect(await next()).toEqual({ card: null, counts: { new: 0, learning: 0, review: 0 } });
    // The seed's other new cards wait (their siblings' are buried until tomorrow).
    const waiting = (t.db.prepare('SELECT count(*) AS n FROM cards WHERE state = 0 AND (buried_until IS NULL OR buried_until <= ?)').get(
      t.clock.now.getTime(),
    ) as { n: number }).n;
    const status = await t.app.request('/api/drill/extend');
    expect(await status.json()).toMatchObject({ day: '2026-03-02', newCards: 0, newWaiting: waiting, aheadDays: 7 });

    t.clock.now = new Date('2026-03-02T19:59:59Z'); // 03:59:59 in Shanghai: still yesterday's study day
    expect((await next()).card).toBeNull();

    t.clock.now = new Date('2026-03-02T20:00:00Z');
    const fresh = await next();
    expect(fresh.counts.new).toBe(3);
    expect(answered).not.toContain(fresh.card!.id);
  });
});

describe('a drill of one source over HTTP (?source=ID)', () => {
  it('names its source, serves and counts its cards, and refuses a bad or unknown id with nothing stored', async () => {
    t = await makeSeededApp();
    const source = (t.db.prepare('SELECT id, title FROM sources').get() as { id: number; title: string });
    const res = await t.app.request(`/api/drill/next?source=${source.id}`);
    expect(res.status).toBe(200);
    const focused = (await res.json()) as NextResponse;
    expect(focused.focus).toEqual({ id: source.id, title: source.title });
    expect(focused.card!.id).toBe((await next()).card!.id);

    const body = { cardId: focused.card!.id, rating: 3, reviewId: uuid(70), reps: focused.card!.reps };
    await expectError(await t.app.request('/api/drill/next?source=abc'), 400, 'invalid_request');
    await expectError(await t.app.request('/api/drill/next?source=0'), 400, 'invalid_request');
    await expectError(await t.app.request(`/api/drill/next?source=${source.id + 1}`), 404);
    await expectError(await t.app.request(`/api/drill/answer?source=${source.id + 1}`, json(body)), 404);
    await expectError(await t.app.request('/api/drill/undo?source=x', { method: 'POST' }), 400, 'invalid_request');
    for (const ahead of ['0', '31', 'x', '2.5']) await expectError(await t.app.request(`/api/drill/next?ahead=${ahead}`), 400, 'invalid_request');
    await expectError(await t.app.request('/api/drill/answer?ahead=0', json(body)), 400);
    expect(reviewCount()).toBe(0);

    const answered = await t.app.request(`/api/drill/answer?source=${source.id}`, json(body));
    expect(answered.status).toBe(200);
    const after = (await (await t.app.request(`/api/drill/next?source=${source.id}`)).json()) as NextResponse;
    expect(((await answered.json()) as AnswerResponse).counts).toEqual(after.counts);
    const undone = await t.app.request(`/api/drill/undo?source=${source.id}`, { method: 'POST' });
    expect(((await undone.json()) as UndoResponse).counts).toEqual(focused.counts);
    expect(reviewCount()).toBe(0);
  });
});

describe('POST /api/drill/extend', () => {
  it("raises today's new-card limit, for the whole collection or a text's drill, and refuses bad counts with nothing stored", async () => {
    t = await makeSeededApp();
    const extension = () => t.db.prepare("SELECT value FROM settings WHERE key = 'day-extension'").get();
    const source = (t.db.prepare('SELECT id FROM sources').get() as { id: number }).id;
    await expectError(await t.app.request('/api/drill/extend', json({ newCards: 0 })), 400);
    await expectError(await t.app.request('/api/drill/extend', json({ newCards: 2.5 })), 400);
    await expectError(await t.app.request('/api/drill/extend', json({ newCards: 5, more: 1 })), 400);
    await expectError(await t.app.request(`/api/drill/extend?source=${source + 1}`, json({ newCards: 5 })), 404);
    expect(extension()).toBeUndefined();

    const before = (await next()).counts.new;
    const res = await t.app.request(`/api/drill/extend?source=${source}`, json({ newCards: 5 }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ExtendResponse;
    expect(body).toMatchObject({ day: '2026-03-02', newCards: 5 });
    expect(body.counts.new).toBe(before + 5);
    expect((await next()).counts.new).toBe(before + 5);
  });
});
