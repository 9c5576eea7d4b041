// The counts an answer returns, and nextCard serves after it, are adjusted from the counts before
// the answer rather than counted again. Every step here compares them with a full count.
import { afterEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard, queueCounts, setSuspended, undoLast } from '../../server/drill/index.ts';
import type { Extraction } from '../../server/extract/types.ts';
import type { Counts, Rating } from '../../server/http/api-types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getSettings, updateSettings } from '../../server/settings/index.ts';
import type { Db } from '../../server/store/index.ts';
import { numberedTerms, tempDb, valuedTerms, type TempDb } from '../library/fixtures.ts';

let t: TempDb;
afterEach(() => t?.close());

const DAY = 86_400_000;
const start = new Date('2026-03-02T09:00:00Z');
let seq = 0;

/** `n` terms, each in its own sentence: five sibling cards per term and sentence. */
function manyTerms(n: number, offset = 0): Extraction {
  return valuedTerms(numberedTerms(n, offset));
}

/** A database where most cards are reviews already due (some overdue), a few learning, the rest new. */
function setup(settings: Parameters<typeof updateSettings>[1]): Db {
  t = tempDb('Asia/Shanghai');
  const db = t.db;
  importExtraction(db, { title: 'many', format: 'tsv', contentHash: 'many', extraction: manyTerms(80), now: new Date(start.getTime() - 30 * DAY) });
  const now = start.getTime();
  db.prepare(
    `UPDATE cards SET state = 2, stability = 5 + id % 20, difficulty = 5, reps = 4, scheduled_days = 5,
       due = ? - (id % 9) * ${DAY} + (id % 5) * 3600000, last_review = ? - 6 * ${DAY} WHERE id % 4 != 0`,
  ).run(now, now);
  db.prepare(`UPDATE cards SET state = 1, reps = 1, due = ? + (id % 7) * 60000, last_review = ? - 60000 WHERE id % 16 = 0`).run(now, now);
  updateSettings(db, settings);
  return db;
}

function full(db: Db, now: Date): Counts {
  return queueCounts(db, now, getSettings(db));
}

/** Answers what nextCard serves, `steps` times; checks every count against a full count. */
function drill(db: Db, from: Date, steps: number, ratings: Rating[] = [3, 1, 4, 2, 3]): Date {
  let now = from;
  for (let i = 0; i < steps; i++) {
    const next = nextCard(db, now);
    expect(next.counts).toEqual(full(db, now));
    if (!next.card) break;
    const result = answerCard(db, { cardId: next.card.id, rating: ratings[i % ratings.length], reviewId: `q-${++seq}`, reps: next.card.reps }, now);
    expect(result.counts).toEqual(full(db, now));
    now = new Date(now.getTime() + 20_000);
  }
  return now;
}

describe('counts after answers match a full count', () => {
  it.each([
    ['a review cap far above the due reviews (every pile counted exactly)', { reviewCap: 9999, newCardsPerDay: 50 }],
    // Piles larger than cap + slack are only known to be at least so large: buried siblings
    // shrink them until they must be counted again.
    ['a small review cap with many more reviews due', { reviewCap: 60, newCardsPerDay: 3 }],
    ['caps reached during the session', { reviewCap: 10, newCardsPerDay: 2 }],
    ['no new cards at all', { reviewCap: 100, newCardsPerDay: 0 }],
  ])('%s', (_name, settings) => {
    const db = setup(settings);
    drill(db, start, 120);
  });

  it('after undo, suspend, a settings change, an import and across the 04:00 day boundary', () => {
    const db = setup({ reviewCap: 70, newCardsPerDay: 5 });
    let now = drill(db, start, 15);

    undoLast(db, now);
    now = drill(db, now, 5);

    const served = nextCard(db, now).card!;
    setSuspended(db, served.id, true);
    expect(nextCard(db, now).card?.id).not.toBe(served.id);
    now = drill(db, now, 5);
    setSuspended(db, served.id, false);
    now = drill(db, now, 5);

    updateSettings(db, { reviewCap: 40, newCardsPerDay: 8 });
    now = drill(db, now, 5);

    importExtraction(db, { title: 'more', format: 'tsv', contentHash: 'more', extraction: manyTerms(10, 500), now });
    now = drill(db, now, 5);

    // 03:59:50 in Shanghai, then past 04:00: a new study day, burials over, limits reset.
    const beforeRollover = new Date('2026-03-02T19:59:50Z');
    drill(db, beforeRollover, 1);
    const after = new Date('2026-03-02T20:00:10Z');
    const next = nextCard(db, after);
    expect(next.counts).toEqual(full(db, after));
    expect(next.counts.review).toBeGreaterThan(0);
    drill(db, after, 10);
  });
});
