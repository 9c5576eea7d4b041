import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, isLeechLapse, nextCard, nextCardBody, queueCounts, setSuspended, undoLast } from '../../server/drill/index.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../server/errors.ts';
import type { AnswerRequest, DrillCard, Rating } from '../../server/http/api-types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getSettings, updateSettings } from '../../server/settings/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';

let t: TempDb;
afterEach(() => t?.close());

const minute = 60_000;
let reviewSeq = 0;
const rid = () => `review-${++reviewSeq}`;

function setup(timeZone: string, now: Date, settings: Parameters<typeof updateSettings>[1] = {}) {
  t = tempDb(timeZone);
  updateSettings(t.db, settings);
  importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now });
  return t.db;
}

function answer(db: TempDb['db'], card: DrillCard, rating: Rating, now: Date, extra: Partial<AnswerRequest> = {}) {
  const result = answerCard(db, { cardId: card.id, rating, reviewId: rid(), reps: card.reps, durationMs: 4000, ...extra }, now);
  // The counts after an answer are derived from those before it; they must match a full count.
  expect(result.counts).toEqual(queueCounts(db, now, getSettings(db)));
  return result;
}

/** Sibling group of a card: its term for term and cloze cards, its sentence otherwise. */
function siblingKey(db: TempDb['db'], cardId: number): string {
  const row = db.prepare('SELECT kind, subject_id FROM cards WHERE id = ?').get(cardId) as { kind: string; subject_id: number };
  return `${row.kind === 'sentence' ? 's' : 't'}${row.subject_id}`;
}

function cardRow(db: TempDb['db'], id: number) {
  return db.prepare('SELECT * FROM cards WHERE id = ?').get(id);
}

function reviewCount(db: TempDb['db']): number {
  return (db.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n;
}

/** Drills until nothing is left today, always answering `rating`; returns the answered cards. */
function drillDay(db: TempDb['db'], start: Date, rating: Rating = 3): { cards: DrillCard[]; end: Date } {
  let now = start;
  const cards: DrillCard[] = [];
  for (let i = 0; i < 500; i++) {
    const { card } = nextCard(db, now);
    if (!card) return { cards, end: now };
    answer(db, card, rating, now);
    cards.push(card);
    now = new Date(now.getTime() + 30_000);
  }
  throw new Error('the day never ended');
}

describe('a simulated week of drilling (Asia/Shanghai, day starts 04:00)', () => {
  it('respects the new-card limit, learning steps and sibling burying, and brings cards back as reviews', () => {
    const day0 = new Date('2026-03-02T01:00:00Z'); // 09:00 in Shanghai
    const db = setup('Asia/Shanghai', day0, { newCardsPerDay: 5, enableFuzz: true });

    const introduced = new Set<number>();
    for (let d = 0; d < 7; d++) {
      const start = new Date(day0.getTime() + d * 86_400_000);
      const { cards } = drillDay(db, start);
      const fresh = cards.filter((c) => c.state === 'new');
      // At most 5 new cards a day, and while any remain, exactly 5.
      expect(fresh.length).toBe(Math.min(5, 18 - introduced.size));
      for (const c of fresh) introduced.add(c.id);

      // Each new card comes back through its learning step (Good -> 10m) before the day ends.
      for (const c of fresh) expect(cards.filter((x) => x.id === c.id).map((x) => x.state)).toEqual(['new', 'learning']);

      // Sibling burying: one card per term or sentence per day.
      const groups = new Map<string, Set<number>>();
      for (const c of cards) {
        const key = siblingKey(db, c.id);
        groups.set(key, (groups.get(key) ?? new Set()).add(c.id));
      }
      for (const ids of groups.values()) expect(ids.size).toBe(1);

      // Nothing is left for today.
      expect(nextCard(db, new Date(start.getTime() + 12 * 3_600_000)).counts).toMatchObject({ new: 0, learning: 0 });
    }
    expect(introduced.size).toBe(18);
    // Cards answered Good on day 0 were due again within the week, as reviews.
    const reviewed = db.prepare("SELECT count(*) AS n FROM reviews WHERE state = 2").get() as { n: number };
    expect(reviewed.n).toBeGreaterThan(0);
  });

  it('starts the new day at 04:00 local time: limits and burials reset then, not at midnight', () => {
    // 03:30 in Shanghai on 3 March still belongs to the study day of 2 March.
    const lateNight = new Date('2026-03-02T19:30:00Z');
    const db = setup('Asia/Shanghai', lateNight, { newCardsPerDay: 2 });
    const first = drillDay(db, lateNight);
    expect(first.cards.filter((c) => c.state === 'new')).toHaveLength(2);
    const at0359 = new Date('2026-03-02T19:59:00Z');
    expect(nextCard(db, at0359).counts.new).toBe(0);
    const at0400 = new Date('2026-03-02T20:00:00Z');
    const next = nextCard(db, at0400);
    expect(next.counts.new).toBe(2);
    expect(next.card?.state).toBe('new');
  });

  it('starts the day at 04:00 in New York across the spring-forward night', () => {
    // 8 March 2026: clocks jump from 02:00 EST to 03:00 EDT; 04:00 EDT is 08:00 UTC.
    const before = new Date('2026-03-08T07:30:00Z'); // 03:30 EDT
    const db = setup('America/New_York', before, { newCardsPerDay: 1 });
    expect(drillDay(db, before).cards.filter((c) => c.state === 'new')).toHaveLength(1);
    expect(nextCard(db, new Date('2026-03-08T07:59:00Z')).counts.new).toBe(0);
    expect(nextCard(db, new Date('2026-03-08T08:00:00Z')).counts.new).toBe(1);
  });
});

describe('leeches', () => {
  it('suspends and flags a card at its 8th lapse', () => {
    let now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now, { leechThreshold: 8 });
    let card = nextCard(db, now).card!;
    const id = card.id;
    let result = answer(db, card, 4, now); // Easy: straight to review
    for (let lapse = 1; lapse <= 8; lapse++) {
      now = new Date(result.card.due);
      card = { ...card, reps: (cardRow(db, id) as { reps: number }).reps };
      result = answer(db, card, 1, now);
      expect(result.card.leech).toBe(lapse === 8);
      expect(result.card.suspended).toBe(lapse === 8);
      if (lapse === 8) break;
      now = new Date(result.card.due);
      card = { ...card, reps: (cardRow(db, id) as { reps: number }).reps };
      result = answer(db, card, 3, now); // relearned: back to review
    }
    expect(cardRow(db, id)).toMatchObject({ lapses: 8, suspended: 1, leech: 1 });
    // A suspended leech is never served again, even when due.
    for (let d = 0; d < 60; d += 7) {
      const later = new Date(now.getTime() + d * 86_400_000);
      expect(drillDay(db, later).cards.map((c) => c.id)).not.toContain(id);
    }
  });
});

describe('a leech given another try', () => {
  it('is not suspended again by its next lapses, only at every half threshold after it (12th, 16th)', () => {
    let now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now, { leechThreshold: 8 });
    let card = nextCard(db, now).card!;
    const id = card.id;
    let result = answer(db, card, 4, now);
    const suspendedAt: number[] = [];
    for (let lapse = 1; lapse <= 16; lapse++) {
      now = new Date(Math.max(now.getTime(), new Date(result.card.due).getTime()));
      card = { ...card, reps: (cardRow(db, id) as { reps: number }).reps };
      result = answer(db, card, 1, now);
      expect(result.card.leech).toBe(lapse >= 8);
      if (result.card.suspended) {
        suspendedAt.push(lapse);
        // The user unsuspends it on the Terms page and keeps drilling.
        expect(setSuspended(db, id, false)).toMatchObject({ suspended: false, leech: true });
      }
      now = new Date(result.card.due);
      card = { ...card, reps: (cardRow(db, id) as { reps: number }).reps };
      result = answer(db, card, 3, now);
    }
    expect(suspendedAt).toEqual([8, 12, 16]);
  });

  it.each([
    [8, [8, 12, 16, 20]],
    [1, [1, 2, 3, 4]],
    [3, [3, 5, 7, 9]],
    [5, [5, 8, 11, 14]],
  ])('threshold %i suspends at lapses %j', (threshold, expected) => {
    const at = Array.from({ length: 20 }, (_, k) => k + 1).filter((lapses) => isLeechLapse(lapses, threshold));
    expect(at.slice(0, 4)).toEqual(expected);
  });
});

describe('answerCard', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('records one review for a reviewId sent twice, and returns the recorded result', () => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    const req = { cardId: card.id, rating: 3 as Rating, reviewId: 'same-id', reps: card.reps, answer: 'cyber ecosystem governance' };
    const first = answerCard(db, req, now);
    const after = cardRow(db, card.id);
    const second = answerCard(db, req, new Date(now.getTime() + 5000));
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.card).toEqual(first.card);
    expect(second.review).toEqual(first.review);
    expect(reviewCount(db)).toBe(1);
    expect(cardRow(db, card.id)).toEqual(after);
  });

  it('refuses a reused reviewId carrying a different answer', () => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    answerCard(db, { cardId: card.id, rating: 3, reviewId: 'r-x', reps: card.reps }, now);
    const err = (() => {
      try {
        answerCard(db, { cardId: card.id, rating: 1, reviewId: 'r-x', reps: card.reps }, now);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('review_id_reused');
    expect(reviewCount(db)).toBe(1);
  });

  it('lets one of two racing answers win; the other gets a conflict and changes nothing', () => {
    const db = setup('UTC', now);
    const served = nextCard(db, now).card!;
    // Both clients were shown the same card.
    const a = answerCard(db, { cardId: served.id, rating: 3, reviewId: 'client-a', reps: served.reps }, now);
    const state = cardRow(db, served.id);
    expect(() => answerCard(db, { cardId: served.id, rating: 1, reviewId: 'client-b', reps: served.reps }, now)).toThrow(ConflictError);
    // A client that does not send reps is caught too: the card was answered seconds ago.
    expect(() => answerCard(db, { cardId: served.id, rating: 1, reviewId: 'client-c' }, new Date(now.getTime() + 2000))).toThrow(
      ConflictError,
    );
    expect(cardRow(db, served.id)).toEqual(state);
    expect(reviewCount(db)).toBe(1);
    expect(a.card.state).toBe('learning');
  });

  it('lets one win when the racing answers come through two connections (two server processes)', async () => {
    const db = setup('UTC', now);
    const { openDatabase } = await import('../../server/store/index.ts');
    const other = openDatabase(t.path);
    const served = nextCard(db, now).card!;
    expect(nextCard(other, now).card!.id).toBe(served.id);
    answerCard(other, { cardId: served.id, rating: 3, reviewId: 'from-b', reps: served.reps }, now);
    expect(() => answerCard(db, { cardId: served.id, rating: 2, reviewId: 'from-a', reps: served.reps }, now)).toThrow(ConflictError);
    // The winner's review is visible to both, and the loser's next card is a different one.
    expect(nextCard(db, now).card!.id).not.toBe(served.id);
    other.close();
    expect(reviewCount(db)).toBe(1);
  });

  it.each<[string, Partial<AnswerRequest>]>([
    ['rating 0', { rating: 0 as Rating }],
    ['rating 5', { rating: 5 as Rating }],
    ['rating 2.5', { rating: 2.5 as Rating }],
    ['rating as a string', { rating: '3' as unknown as Rating }],
    ['an empty reviewId', { reviewId: '' }],
    ['a negative duration', { durationMs: -1 }],
    ['a fractional card id', { cardId: 1.5 }],
  ])('refuses %s and leaves the database unchanged', (_name, bad) => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    const before = cardRow(db, card.id);
    expect(() => answerCard(db, { cardId: card.id, rating: 3, reviewId: rid(), ...bad }, now)).toThrow(InvalidInputError);
    expect(cardRow(db, card.id)).toEqual(before);
    expect(reviewCount(db)).toBe(0);
  });

  it('refuses an unknown card and a suspended one', () => {
    const db = setup('UTC', now);
    expect(() => answerCard(db, { cardId: 999_999, rating: 3, reviewId: rid() }, now)).toThrow(NotFoundError);
    const card = nextCard(db, now).card!;
    setSuspended(db, card.id, true);
    expect(() => answerCard(db, { cardId: card.id, rating: 3, reviewId: rid() }, now)).toThrow(ConflictError);
  });

  it('logs the complete FSRS state of every answer', () => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    answer(db, card, 3, now, { durationMs: 7300 });
    const log = db.prepare('SELECT * FROM reviews').get() as Record<string, unknown>;
    expect(log).toMatchObject({ card_id: card.id, rating: 3, state: 0, reviewed_at: now.getTime(), duration_ms: 7300, next_state: 1 });
    for (const field of ['due', 'stability', 'difficulty', 'elapsed_days', 'last_elapsed_days', 'scheduled_days', 'learning_steps', 'review'])
      expect(log[field]).not.toBeNull();
  });
});

describe('undoLast', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('restores the card and its siblings exactly, and forgets the review', () => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    const rows = () => db.prepare('SELECT * FROM cards ORDER BY id').all();
    const before = rows();
    const result = answer(db, card, 3, now);
    expect(rows()).not.toEqual(before);
    const undone = undoLast(db, new Date(now.getTime() + 3000));
    expect(undone.card).toEqual({ id: card.id, state: 'new', due: now.toISOString() });
    expect(rows()).toEqual(before);
    expect(reviewCount(db)).toBe(0);
    expect(result.duplicate).toBe(false);
    // The same card is served again, as it was.
    expect(nextCard(db, now).card).toEqual(card);
  });

  it('undoes a leech suspension', () => {
    const db = setup('UTC', now, { leechThreshold: 1 });
    const card = nextCard(db, now).card!;
    const review = answer(db, card, 4, now);
    const before = cardRow(db, card.id);
    const lapse = answer(db, { ...card, reps: 1 }, 1, new Date(review.card.due));
    expect(lapse.card).toMatchObject({ suspended: true, leech: true });
    undoLast(db, new Date(review.card.due));
    expect(cardRow(db, card.id)).toEqual(before);
  });

  it('says so when there is nothing to undo', () => {
    const db = setup('UTC', now);
    expect(() => undoLast(db, now)).toThrow(expect.objectContaining({ code: 'nothing_to_undo' }));
  });
});

describe('setSuspended', () => {
  it('takes a card out of the queue and puts it back', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now);
    const first = nextCard(db, now).card!;
    expect(setSuspended(db, first.id, true)).toMatchObject({ id: first.id, suspended: true });
    expect(nextCard(db, now).card!.id).not.toBe(first.id);
    setSuspended(db, first.id, false);
    expect(nextCard(db, now).card!.id).toBe(first.id);
    expect(() => setSuspended(db, 424242, true)).toThrow(NotFoundError);
  });
});

describe('grading typed answers', () => {
  it('stores the score of a typed answer with its review', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    expect(card.kind).toBe('term');
    const right = answer(db, card, 3, now, { answer: 'Online Ecosystem Governance' });
    expect(right.review.score).toBe(1);
    undoLast(db, now);
    const wrong = answer(db, card, 1, now, { answer: 'market economy' });
    expect(wrong.review.score).toBeLessThan(0.5);
    const unanswered = answer(db, { ...card, reps: 1 }, 3, new Date(now.getTime() + 60_000));
    expect(unanswered.review.score).toBeNull();
  });
});

describe('nextCard stays current', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('sees a change committed by another connection', async () => {
    const db = setup('UTC', now);
    const first = nextCard(db, now).card!;
    const { openDatabase } = await import('../../server/store/index.ts');
    const other = openDatabase(t.path);
    setSuspended(other, first.id, true);
    other.close();
    expect(nextCard(db, now).card!.id).not.toBe(first.id);
  });

  it('sees a change committed by another process on the very next call', async () => {
    const db = setup('UTC', now);
    const first = nextCard(db, now).card!;
    expect(nextCard(db, now).card!.id).toBe(first.id);
    const { spawnSync } = await import('node:child_process');
    const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(t.path)});
      db.prepare('UPDATE cards SET suspended = 1 WHERE id = ?').run(${first.id});
      db.close();`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(nextCard(db, now).card!.id).not.toBe(first.id);
  });

  it('applies settings changed through another connection (the CLI beside the server)', async () => {
    const db = setup('UTC', now, { newCardsPerDay: 20 });
    expect(nextCard(db, now).counts.new).toBeGreaterThan(2);
    const { openDatabase } = await import('../../server/store/index.ts');
    const other = openDatabase(t.path);
    updateSettings(other, { newCardsPerDay: 2 });
    other.close();
    expect(nextCard(db, now).counts.new).toBe(2);
    expect(getSettings(db).newCardsPerDay).toBe(2);
  });

  it('serves a learning card the moment its step is due, and new intervals as time passes', () => {
    const db = setup('UTC', now, { newCardsPerDay: 2, enableFuzz: false });
    const card = nextCard(db, now).card!;
    answer(db, card, 1, now); // Again: due again in 1 minute
    const waiting = nextCard(db, new Date(now.getTime() + 30_000));
    expect(waiting.card?.state).toBe('new');
    expect(waiting.card?.id).not.toBe(card.id);
    // No write in between: only the clock moved past the learning step.
    const due = nextCard(db, new Date(now.getTime() + 61_000));
    expect(due.card?.id).toBe(card.id);
    expect(due.card!.intervals[0].due).toBe(new Date(now.getTime() + 121_000).toISOString());
    // Back at the earlier time, the earlier answer again.
    expect(nextCard(db, new Date(now.getTime() + 30_000)).card?.id).toBe(waiting.card?.id);
  });
});

describe('nextCardBody', () => {
  it('is the UTF-8 of the next card as JSON through a whole day, and once nothing is left', () => {
    const start = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', start, { newCardsPerDay: 3 });
    let now = start;
    for (let i = 0; i < 100; i++) {
      const body = nextCardBody(db, now);
      const next = nextCard(db, now);
      expect(Buffer.from(body).equals(Buffer.from(JSON.stringify(next)))).toBe(true);
      if (!next.card) return;
      answer(db, next.card, i < 4 ? 1 : 4, now);
      now = new Date(now.getTime() + 41_000);
    }
    throw new Error('the day never ended');
  });
});

describe('undo, several times', () => {
  it('walks back answers one by one, newest first, to the state before the first', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now);
    const rows = () => db.prepare('SELECT * FROM cards ORDER BY id').all();
    const states = [rows()];
    let clock = now.getTime();
    const answered: number[] = [];
    for (let i = 0; i < 4; i++) {
      const card = nextCard(db, new Date(clock)).card!;
      answer(db, card, ((i % 4) + 1) as Rating, new Date(clock));
      answered.push(card.id);
      states.push(rows());
      clock += 60_000;
    }
    for (let i = 3; i >= 0; i--) {
      expect(undoLast(db, new Date(clock)).card.id).toBe(answered[i]);
      expect(rows()).toEqual(states[i]);
    }
    expect(() => undoLast(db, new Date(clock))).toThrow(ConflictError);
  });
});

describe('learn-ahead without reps', () => {
  it('accepts an answer to a card served again right after its own answer', () => {
    const now = new Date('2026-03-02T01:00:00Z');
    const db = setup('UTC', now, { newCardsPerDay: 1 });
    const card = nextCard(db, now).card!;
    answerCard(db, { cardId: card.id, rating: 1, reviewId: rid() }, now);
    // Nothing else is left today: the 1-minute step is served early.
    const again = nextCard(db, new Date(now.getTime() + 4000)).card!;
    expect(again.id).toBe(card.id);
    const result = answerCard(db, { cardId: card.id, rating: 3, reviewId: rid() }, new Date(now.getTime() + 8000));
    expect(result.duplicate).toBe(false);
    expect(reviewCount(db)).toBe(2);
  });
});

describe('waiting for a learning step', () => {
  const now = new Date('2026-03-02T01:00:00Z');

  it('serves nothing while the only card left is a step more than 20 minutes away, then serves it early', () => {
    const db = setup('UTC', now, { newCardsPerDay: 1, learningSteps: ['1h'] });
    const card = nextCard(db, now).card!;
    answer(db, card, 1, now); // Again: due in an hour
    const waiting = nextCard(db, new Date(now.getTime() + 60_000));
    expect(waiting.card).toBeNull();
    expect(waiting.counts).toEqual({ new: 0, learning: 1, review: 0 });
    expect(nextCard(db, new Date(now.getTime() + 41 * 60_000)).card?.id).toBe(card.id);
  });

  it('refuses, without reps, an answer to a review card that is not due for days', () => {
    const db = setup('UTC', now);
    const card = nextCard(db, now).card!;
    const easy = answer(db, card, 4, now);
    expect(easy.card.state).toBe('review');
    const err = (() => {
      try {
        answerCard(db, { cardId: card.id, rating: 3, reviewId: rid() }, new Date(now.getTime() + 3_600_000));
      } catch (e) {
        return e as ConflictError;
      }
    })();
    expect(err?.code).toBe('not_due');
  });
});
