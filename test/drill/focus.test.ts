// A drill focused on one source (`?source=ID`): only that text's cards are served and counted, as
// studying one Anki deck; the day's limits stay the collection's.
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, extendNewCards, extendStatus, nextCard, nextCardBody, queueCounts, sourcesCounts, undoLast } from '../../server/drill/index.ts';
import type { Extraction } from '../../server/extract/types.ts';
import type { DrillCard } from '../../server/http/api-types.ts';
import { deleteSource, importExtraction } from '../../server/library/index.ts';
import { getSettings, updateSettings } from '../../server/settings/index.ts';
import { getStats } from '../../server/stats/index.ts';
import { addTerm } from '../../server/terms/index.ts';
import type { Db } from '../../server/store/index.ts';
import { numberedTerms, tempDb, valuedTerms, type TempDb } from '../library/fixtures.ts';

let t: TempDb;
afterEach(() => t?.close());

const start = new Date('2026-03-02T09:00:00Z');
const SHARED = '共享术语';
let seq = 0;

/** Terms `术语N号` for N in [from, from + n), each in a sentence of its own, and the shared term in one more. */
function text(from: number, n: number): Extraction {
  return valuedTerms([...numberedTerms(n, from), [SHARED, 'shared term']]);
}

/** Two texts: the first imported first (its cards come first in the new-card order), sharing one term. */
function setup(newCardsPerDay = 500): { db: Db; first: number; second: number; secondTerms: Set<string> } {
  t = tempDb();
  const db = t.db;
  const first = importExtraction(db, { title: 'First text', format: 'tsv', contentHash: 'a', extraction: text(0, 4), now: start }).source.id;
  const second = importExtraction(db, { title: '第二篇 second text', format: 'tsv', contentHash: 'b', extraction: text(100, 3), now: start }).source.id;
  updateSettings(db, { newCardsPerDay });
  return { db, first, second, secondTerms: new Set(['术语100号', '术语101号', '术语102号', SHARED]) };
}

/** Whether a served card is one of the second text's: its sentence, or a term found in it. */
function ofSecond(card: DrillCard, second: number, terms: Set<string>): boolean {
  return card.kind === 'sentence' ? card.source?.id === second : terms.has(card.term!.zh);
}

/** Answers every card the drill serves (Good), a minute apart, until it serves none; returns them. */
function drillAll(db: Db, focus: number | null, from: Date): { cards: DrillCard[]; at: Date } {
  const cards: DrillCard[] = [];
  let now = from;
  for (let i = 0; i < 500; i++) {
    const next = nextCard(db, now, focus);
    expect(next.counts).toEqual(queueCounts(db, now, getSettings(db), focus));
    if (!next.card) return { cards, at: now };
    cards.push(next.card);
    const answered = answerCard(db, { cardId: next.card.id, rating: 4, reviewId: `f-${++seq}`, reps: next.card.reps }, now, focus);
    expect(answered.counts).toEqual(queueCounts(db, now, getSettings(db), focus));
    now = new Date(now.getTime() + 60_000);
  }
  throw new Error('the drill never ended');
}

describe('a drill focused on one source', () => {
  it('serves only that source’s cards, its terms’ wherever they were first found, and names it', () => {
    const { db, second, secondTerms } = setup();
    // Unfocused, the first text's cards come first.
    expect(ofSecond(nextCard(db, start).card!, second, secondTerms)).toBe(false);
    const focused = nextCard(db, start, second);
    expect(focused.focus).toEqual({ id: second, title: '第二篇 second text' });
    expect(nextCard(db, start).focus).toBeUndefined();

    // Siblings wait for the next day: a week of focused drilling meets every card.
    const cards = Array.from({ length: 7 }, (_, day) => drillAll(db, second, new Date(start.getTime() + day * 86_400_000)).cards).flat();
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.filter((c) => !ofSecond(c, second, secondTerms))).toEqual([]);
    // Every one of its cards, the shared term's (filed under the first text) among them.
    const served = new Set(cards.map((c) => c.id));
    const its = db
      .prepare(
        `SELECT c.id FROM cards c WHERE (c.kind = 'sentence' AND c.subject_id IN (SELECT id FROM segments WHERE source_id = ?))
           OR (c.kind != 'sentence' AND c.subject_id IN (SELECT id FROM terms WHERE zh IN (${[...secondTerms].map(() => '?').join(',')})))`,
      )
      .all(second, ...secondTerms) as { id: number }[];
    expect(its.length).toBeGreaterThan(0);
    expect(its.every((r) => served.has(r.id))).toBe(true);
    expect(cards.some((c) => c.term?.zh === SHARED)).toBe(true);
    // The rest of the collection is still waiting, untouched.
    const rest = nextCard(db, new Date(start.getTime() + 7 * 86_400_000));
    expect(rest.card).not.toBeNull();
    expect(ofSecond(rest.card!, second, secondTerms)).toBe(false);
  });

  it('counts new cards against the collection’s daily limit', () => {
    const { db, second, secondTerms } = setup(3);
    const focused = nextCard(db, start, second).counts;
    expect(focused.new).toBe(3);
    const { cards, at } = drillAll(db, second, start);
    // Three new cards met (and their learning steps), all of the second text.
    expect(new Set(cards.map((c) => c.id)).size).toBe(3);
    expect(cards.every((c) => ofSecond(c, second, secondTerms))).toBe(true);
    // The limit is spent for the whole collection today.
    expect(nextCard(db, at).counts.new).toBe(0);
  });

  it('serves the same bytes from GET /api/drill/next’s writer as from the object, title in Chinese included', () => {
    const { db, second } = setup();
    for (let i = 0; i < 6; i++) {
      const now = new Date(start.getTime() + i * 60_000);
      expect(Buffer.from(nextCardBody(db, now, second)).toString('utf8')).toBe(JSON.stringify(nextCard(db, now, second)));
      const next = nextCard(db, now, second);
      if (next.card) answerCard(db, { cardId: next.card.id, rating: 3, reviewId: `b-${++seq}`, reps: next.card.reps }, now, second);
    }
    // Unfocused and focused views taken in turn do not serve each other's.
    const now = new Date(start.getTime() + 10 * 60_000);
    const all = nextCard(db, now);
    expect(Buffer.from(nextCardBody(db, now, second)).toString('utf8')).toBe(JSON.stringify(nextCard(db, now, second)));
    expect(JSON.parse(Buffer.from(nextCardBody(db, now)).toString('utf8'))).toEqual(all);
  });

  it('takes in a term found in the text later, and leaves out a source deleted meanwhile', () => {
    const { db, first, second } = setup();
    // Answered in the focus: its cards are gathered once and outlive answers.
    const shown = nextCard(db, start, second);
    answerCard(db, { cardId: shown.card!.id, rating: 4, reviewId: 'k-1', reps: shown.card!.reps }, start, second);
    const before = queueCounts(db, start, getSettings(db), second);
    // 重视 is in every sentence of both texts: added by hand, it is found in them, and its new
    // cards join the focused drill (they come first, as a term added by hand does).
    addTerm(db, { zh: '重视', en: 'value' }, start);
    const after = nextCard(db, start, second);
    expect(after.counts.new).toBeGreaterThan(before.new);
    expect(after.card!.term?.zh).toBe('重视');
    deleteSource(db, first, { keepTerms: false });
    expect(nextCard(db, start, second).counts).toEqual(queueCounts(db, start, getSettings(db), second));
    expect(() => nextCard(db, start, first)).toThrow(/no source/);
  });

  it('says how many new cards the daily limit holds back, and lets more in today only', () => {
    const { db, second } = setup(2);
    const { at } = drillAll(db, second, start);
    const ended = nextCard(db, at, second);
    expect(ended.card).toBeNull();
    // The second text's new cards not yet met: counted without the limit.
    const waiting = (db.prepare(
      `SELECT count(*) AS n FROM cards WHERE state = 0 AND (buried_until IS NULL OR buried_until <= ?) AND id IN (
         SELECT c.id FROM cards c JOIN segments g ON c.kind = 'sentence' AND g.id = c.subject_id WHERE g.source_id = ?
         UNION SELECT c.id FROM cards c JOIN occurrences o ON c.kind != 'sentence' AND o.term_id = c.subject_id
           JOIN segments g ON g.id = o.segment_id WHERE g.source_id = ?)`,
    ).get(at.getTime(), second, second) as { n: number }).n;
    expect(waiting).toBeGreaterThan(0);
    expect(extendStatus(db, at, second)).toMatchObject({ day: '2026-03-02', newCards: 0, newWaiting: waiting });
    expect(Buffer.from(nextCardBody(db, at, second)).toString('utf8')).toBe(JSON.stringify(ended));

    expect(extendNewCards(db, 3, at, second)).toEqual({ day: '2026-03-02', newCards: 3, counts: { new: 3, learning: 0, review: 0 } });
    expect(extendNewCards(db, 1, at, second).newCards).toBe(4);
    const more = drillAll(db, second, at);
    expect(new Set(more.cards.map((c) => c.id)).size).toBe(4);
    // Tomorrow the limit is its own again: 2 new cards.
    expect(nextCard(db, new Date(start.getTime() + 86_400_000), second).counts.new).toBe(2);
    expect(() => extendNewCards(db, 0, at)).toThrow(/from 1 to 1000/);
  });

  it('reviews ahead: cards due in the coming days, of a text or all, when asked', () => {
    const { db, second, secondTerms } = setup(100);
    // Every card met once (Easy: straight to review, days away); no new cards after that.
    drillAll(db, null, start);
    updateSettings(db, { newCardsPerDay: 0 });
    const DAY = 86_400_000;
    const tomorrow = new Date(start.getTime() + DAY);
    expect(nextCard(db, tomorrow).card).toBeNull();
    const dues = db.prepare('SELECT id, due FROM cards WHERE state = 2').all() as { id: number; due: number }[];
    const dayEnd = Date.parse('2026-03-04T00:00:00Z'); // the study day of `tomorrow` ends at midnight UTC
    const within = (days: number) => dues.filter((d) => d.due < dayEnd + days * DAY);
    expect(within(7).length).toBeGreaterThan(0);
    expect(extendStatus(db, tomorrow)).toMatchObject({ aheadDays: 7, reviewsAhead: within(7).length });

    const ahead = nextCard(db, tomorrow, null, 7);
    expect(ahead.counts.review).toBe(within(7).length);
    expect(within(7).map((d) => d.id)).toContain(ahead.card!.id);
    // Answered, it is scheduled from today: out of the pile ahead.
    const answered = answerCard(db, { cardId: ahead.card!.id, rating: 3, reviewId: 'ahead-1', reps: ahead.card!.reps }, tomorrow, null, 7);
    // (and its siblings wait for the next day, as ever)
    expect(answered.counts).toEqual(queueCounts(db, tomorrow, getSettings(db), null, 7));
    expect(answered.counts.review).toBeLessThan(within(7).length);
    expect(Date.parse(answered.card.due)).toBeGreaterThan(tomorrow.getTime());
    // One text's reviews ahead only.
    const focused = drillAll(db, second, tomorrow).cards;
    expect(focused).toEqual([]);
    const theirs = nextCard(db, tomorrow, second, 30);
    if (theirs.card) expect(ofSecond(theirs.card, second, secondTerms)).toBe(true);
    expect(theirs.counts).toEqual(queueCounts(db, tomorrow, getSettings(db), second, 30));
    expect(Buffer.from(nextCardBody(db, tomorrow, second, 30)).toString('utf8')).toBe(JSON.stringify(theirs));
  });

  it('refuses a source that does not exist, and records nothing', () => {
    const { db } = setup();
    const card = nextCard(db, start).card!;
    expect(() => nextCard(db, start, 999)).toThrow(/no source 999/);
    expect(() => answerCard(db, { cardId: card.id, rating: 3, reviewId: 'x-1', reps: card.reps }, start, 999)).toThrow(/no source 999/);
    expect((db.prepare('SELECT count(*) AS n FROM reviews').get() as { n: number }).n).toBe(0);
    expect(nextCard(db, start).card!.id).toBe(card.id);
    expect(() => undoLast(db, start, 999)).toThrow(/no source 999/);
  });

  it('undoes the last answer and counts the focused queue again', () => {
    const { db, second } = setup();
    const before = nextCard(db, start, second);
    answerCard(db, { cardId: before.card!.id, rating: 3, reviewId: 'u-1', reps: before.card!.reps }, start, second);
    const undone = undoLast(db, start, second);
    expect(undone.card.id).toBe(before.card!.id);
    expect(undone.counts).toEqual(before.counts);
    expect(nextCard(db, start, second).card!.id).toBe(before.card!.id);
  });

  it('shows on Today what a focused drill of each source would serve', () => {
    const { db, first, second } = setup(5);
    const stats = getStats(db, start);
    const settings = getSettings(db);
    expect(new Map(stats.sources.map((s) => [s.id, s.counts]))).toEqual(
      new Map([
        [first, queueCounts(db, start, settings, first)],
        [second, queueCounts(db, start, settings, second)],
      ]),
    );
    expect(stats.sources.find((s) => s.id === second)!.counts.new).toBe(5);
  });

  it('gives each text its true retention over 30 days, from the answers to its cards in review', () => {
    const { db, first, second } = setup(100);
    const DAY = 86_400_000;
    // Four weeks of drilling, a review now and then forgotten: cards reach review and some lapse.
    for (let day = 0; day < 28; day++) {
      let now = new Date(start.getTime() + day * DAY);
      for (let i = 0; i < 60; i++) {
        const next = nextCard(db, now);
        if (!next.card) break;
        const rating = next.card.state === 'review' && (next.card.id + day) % 3 === 0 ? 1 : 3;
        answerCard(db, { cardId: next.card.id, rating, reviewId: `ret-${++seq}`, reps: next.card.reps }, now);
        now = new Date(now.getTime() + 11 * 60_000);
      }
    }
    const at = new Date(start.getTime() + 28 * DAY);
    const stats = getStats(db, at);
    // The same figures by a query of their own: a text's cards are its sentences' and those of
    // the terms that occur in it.
    const expected = (source: number) =>
      db
        .prepare(
          `SELECT count(*) AS answers, coalesce(sum(rating > 1), 0) AS passed FROM reviews WHERE state = 2 AND reviewed_at >= ? AND card_id IN (
             SELECT c.id FROM cards c JOIN segments g ON c.kind = 'sentence' AND g.id = c.subject_id WHERE g.source_id = ?
             UNION SELECT c.id FROM cards c JOIN occurrences o ON c.kind != 'sentence' AND o.term_id = c.subject_id
               JOIN segments g ON g.id = o.segment_id WHERE g.source_id = ?)`,
        )
        // The 30 study days up to `at` (UTC, the day starting at 04:00).
        .get(Date.parse('2026-03-01T04:00:00Z'), source, source) as { answers: number; passed: number };
    for (const id of [first, second]) {
      const { answers, passed } = expected(id);
      expect(answers).toBeGreaterThan(0);
      expect(passed).toBeLessThan(answers);
      const text = stats.sources.find((x) => x.id === id)!;
      expect([id, text.reviewAnswers, text.retention]).toEqual([id, answers, passed / answers]);
    }
  });

  it('counts every source at once exactly as a drill focused on each counts it, day after day', () => {
    // Limits above the piles, so the counts are the piles themselves; lowered at the end.
    const { db, first, second } = setup(100);
    const third = importExtraction(db, { title: 'Third', format: 'tsv', contentHash: 'c', extraction: text(200, 2), now: start }).source.id;
    const DAY = 86_400_000;
    const compare = (at: Date) => {
      const settings = getSettings(db);
      const all = sourcesCounts(db, at, settings);
      for (const id of [first, second, third]) expect([id, all.get(id) ?? { new: 0, learning: 0, review: 0 }]).toEqual([id, queueCounts(db, at, settings, id)]);
    };
    compare(start);
    for (let day = 0; day < 6; day++) {
      const at = new Date(start.getTime() + day * DAY);
      // Part of the day's drill: some new cards met (in learning, siblings buried), reviews left.
      let now = at;
      for (let i = 0; i < 12; i++) {
        const next = nextCard(db, now);
        if (!next.card) break;
        answerCard(db, { cardId: next.card.id, rating: ((i % 3) + 2) as 2 | 3 | 4, reviewId: `all-${++seq}`, reps: next.card.reps }, now);
        now = new Date(now.getTime() + 10 * 60_000);
        compare(now);
      }
      if (day === 2) {
        // A suspended card and a known term's cards are out of every count.
        const card = db.prepare('SELECT id FROM cards WHERE state = 2 LIMIT 1').get() as { id: number } | undefined;
        if (card) db.prepare('UPDATE cards SET suspended = 1 WHERE id = ?').run(card.id);
        const term = db.prepare("SELECT id FROM terms WHERE zh = '术语201号'").get() as { id: number };
        db.prepare('UPDATE terms SET known = 1 WHERE id = ?').run(term.id);
        db.prepare("UPDATE cards SET hidden = hidden | 4 WHERE kind != 'sentence' AND subject_id = ?").run(term.id);
        compare(now);
      }
    }
    // Under limits lower than the piles, each text's counts are capped alike.
    updateSettings(db, { newCardsPerDay: 2, reviewCap: 1 });
    compare(new Date(start.getTime() + 6 * DAY));
    // A text none of whose cards can be served shows nothing to study.
    db.prepare('UPDATE cards SET suspended = 1 WHERE id IN (SELECT c.id FROM cards c JOIN segments g ON c.kind = \'sentence\' AND g.id = c.subject_id WHERE g.source_id = ?)').run(third);
    db.prepare("UPDATE cards SET suspended = 1 WHERE kind != 'sentence' AND subject_id IN (SELECT id FROM terms WHERE zh IN ('术语200号', '术语201号', ?))").run(SHARED);
    compare(new Date(start.getTime() + 7 * DAY));
    expect(getStats(db, new Date(start.getTime() + 7 * DAY)).sources.find((s) => s.id === third)!.counts).toEqual({ new: 0, learning: 0, review: 0 });
  });
});
