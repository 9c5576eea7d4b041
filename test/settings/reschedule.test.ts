// Rescheduling: every studied card's answers replayed under the settings in use. The check is a
// twin database given the same answers (same cards, ratings and times) through the drill itself
// under the new settings from the start: a rescheduled card must be the card it would have been.
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard, undoLast } from '../../server/drill/index.ts';
import { ConflictError } from '../../server/errors.ts';
import type { Settings } from '../../server/http/api-types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { rescheduleCards, reschedulePreview, updateSettings } from '../../server/settings/index.ts';
import type { Db } from '../../server/store/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';
import { drillDays, reviewId, type Given } from './history.ts';

const open: TempDb[] = [];
afterEach(() => {
  for (const t of open.splice(0)) t.close();
});

const day0 = new Date('2026-03-02T01:00:00Z');
const dayMs = 86_400_000;

function setup(settings: Partial<Settings> = {}): Db {
  const t = tempDb('Asia/Shanghai');
  open.push(t);
  updateSettings(t.db, { newCardsPerDay: 6, ...settings });
  importExtraction(t.db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now: day0 });
  return t.db;
}

/** The same answers given through the drill of another database, card by card. */
function giveAgain(db: Db, given: Given[]): void {
  for (const g of given) {
    const reps = (db.prepare('SELECT reps FROM cards WHERE id = ?').get(g.cardId) as { reps: number }).reps;
    answerCard(db, { cardId: g.cardId, rating: g.rating, reviewId: reviewId(), reps }, new Date(g.at));
  }
}

interface Row {
  id: number;
  state: number;
  due: number;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  scheduled_days: number;
  suspended: number;
}

function cards(db: Db): Row[] {
  return db.prepare('SELECT id, state, due, stability, difficulty, reps, lapses, scheduled_days, suspended FROM cards ORDER BY id').all() as Row[];
}

/** Cards compared with doubles rounded past any arithmetic noise. */
function rounded(rows: Row[]) {
  return rows.map((r) => ({ ...r, stability: Number(r.stability.toPrecision(12)), difficulty: Number(r.difficulty.toPrecision(12)) }));
}

const now = new Date(day0.getTime() + 40 * dayMs);
// Parameters unlike the defaults: first stabilities doubled, a steeper forgetting.
const otherWeights = default_w.map((w, i) => (i < 4 ? w * 2 : i === 20 ? 0.3 : w));

describe('rescheduling to the settings in use', () => {
  it('changes nothing when the cards were answered under them', () => {
    const db = setup();
    const given = drillDays(db, day0, 40);
    const before = cards(db);
    const preview = reschedulePreview(db, now);
    expect(preview.cards).toBe(new Set(given.map((g) => g.cardId)).size);
    expect(preview).toMatchObject({ memoryChanged: 0, moved: 0, applied: false });
    for (const d of preview.due) expect(d.after).toBe(d.before);
    expect(rescheduleCards(db, now)).toMatchObject({ memoryChanged: 0, moved: 0, applied: true });
    expect(cards(db)).toEqual(before);
    // Nothing was rewritten: the last answer can still be taken back.
    expect(() => undoLast(db, now)).not.toThrow();
  });

  it('moves reviews to where answering under a lower desired retention would have put them', () => {
    const db = setup();
    const given = drillDays(db, day0, 40);
    updateSettings(db, { desiredRetention: 0.8 });
    const before = cards(db);

    const preview = reschedulePreview(db, now);
    expect(preview.moved).toBeGreaterThan(0);
    // Retention alone leaves what the answers say of memory as it was.
    expect(preview.memoryChanged).toBe(0);
    // Longer intervals: fewer reviews due within the month, never more on any horizon.
    const month = preview.due.find((d) => d.days === 30)!;
    expect(month.after).toBeLessThan(month.before);
    for (const d of preview.due) expect(d.after).toBeLessThanOrEqual(d.before);
    expect(cards(db)).toEqual(before); // a preview writes nothing

    const done = rescheduleCards(db, now);
    expect(done).toEqual({ ...preview, applied: true });

    const twin = setup({ desiredRetention: 0.8 });
    giveAgain(twin, given);
    expect(rounded(cards(db))).toEqual(rounded(cards(twin)));
    // Cards in learning kept their step; only cards in review moved.
    const movedIds = cards(db).filter((c, i) => c.due !== before[i]!.due).map((c) => c.id);
    expect(movedIds.length).toBe(preview.moved);
    for (const id of movedIds) expect(before.find((c) => c.id === id)!.state).toBe(2);

    // Done once, done: a second run moves nothing.
    expect(rescheduleCards(db, now)).toMatchObject({ memoryChanged: 0, moved: 0 });
  });

  it('recomputes memory states when new parameters come into use, and moves due dates only when asked', () => {
    const db = setup();
    const given = drillDays(db, day0, 40);
    const before = cards(db);
    updateSettings(db, { weights: otherWeights });
    const twin = setup({ weights: otherWeights });
    giveAgain(twin, given);

    const after = cards(db);
    const expected = cards(twin);
    // Stability and difficulty as the new parameters read the same answers; due dates untouched.
    expect(after.map((c) => c.due)).toEqual(before.map((c) => c.due));
    expect(rounded(after).map(({ stability, difficulty }) => ({ stability, difficulty }))).toEqual(
      rounded(expected).map(({ stability, difficulty }) => ({ stability, difficulty })),
    );
    expect(after.filter((c, i) => c.stability !== before[i]!.stability).length).toBeGreaterThan(0);

    const done = rescheduleCards(db, now);
    expect(done.memoryChanged).toBe(0);
    expect(done.moved).toBeGreaterThan(0);
    expect(rounded(cards(db))).toEqual(rounded(expected));
  });

  it('leaves suspension, leech marks and card kinds as they are', () => {
    const db = setup({ leechThreshold: 1 });
    drillDays(db, day0, 40);
    const flags = () => db.prepare('SELECT id, suspended, leech, hidden, buried_until FROM cards ORDER BY id').all();
    const before = flags();
    expect((db.prepare('SELECT count(*) AS n FROM cards WHERE leech = 1').get() as { n: number }).n).toBeGreaterThan(0);
    updateSettings(db, { desiredRetention: 0.95 });
    expect(rescheduleCards(db, now).moved).toBeGreaterThan(0);
    expect(flags()).toEqual(before);
  });

  it('keeps undo from taking back an answer given before the cards were rescheduled', () => {
    const db = setup();
    drillDays(db, day0, 20);
    updateSettings(db, { desiredRetention: 0.85 });
    const at = new Date(day0.getTime() + 20 * dayMs);
    expect(rescheduleCards(db, at).moved).toBeGreaterThan(0);
    const undo = () => undoLast(db, at);
    expect(undo).toThrow(ConflictError);
    expect(undo).toThrow(/rescheduled after the last answer/);
    // An answer given after it is undone as ever.
    const { card } = nextCard(db, at);
    expect(card).not.toBeNull();
    answerCard(db, { cardId: card!.id, rating: 3, reviewId: reviewId(), reps: card!.reps }, at);
    expect(undoLast(db, at).card.id).toBe(card!.id);
    expect(undo).toThrow(/rescheduled/);
  });
});
