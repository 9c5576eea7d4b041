import { afterEach, describe, expect, it } from 'vitest';
import { answerCard } from '../../server/drill/index.ts';
import type { Rating } from '../../server/http/api-types.ts';
import { importExtraction } from '../../server/library/index.ts';
import { updateSettings } from '../../server/settings/index.ts';
import { getStats } from '../../server/stats/index.ts';
import { extraction, tempDb, type TempDb } from '../library/fixtures.ts';

let t: TempDb;
afterEach(() => t?.close());

let seq = 0;
function answer(db: TempDb['db'], cardId: number, rating: Rating, at: string) {
  const { reps } = db.prepare('SELECT reps FROM cards WHERE id = ?').get(cardId) as { reps: number };
  return answerCard(db, { cardId, rating, reviewId: `s-${++seq}`, reps, durationMs: 4000 }, new Date(at));
}

/** A known history: three study days in UTC with the day starting at 04:00. */
function history() {
  t = tempDb('UTC');
  const db = t.db;
  updateSettings(db, { enableFuzz: false, desiredRetention: 0.85 });
  importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now: new Date('2026-03-01T00:00:00Z') });
  const ids = (db.prepare('SELECT id FROM cards ORDER BY new_order').all() as { id: number }[]).map((r) => r.id);
  const [A, B, C, D, E, F, G] = ids;
  // 1 March: three new cards.
  answer(db, A, 4, '2026-03-01T10:00:00Z');
  answer(db, B, 3, '2026-03-01T10:01:00Z');
  answer(db, E, 4, '2026-03-01T10:02:00Z');
  // 2 March: A (in review) forgotten; two new cards, one of them failed; F at 03:00 next morning still counts for 2 March.
  answer(db, A, 1, '2026-03-02T10:00:00Z');
  answer(db, C, 1, '2026-03-02T10:01:00Z');
  answer(db, G, 3, '2026-03-02T10:02:00Z');
  answer(db, F, 3, '2026-03-03T03:00:00Z');
  // 3 March: A relearned, E (in review) remembered, D new.
  answer(db, A, 3, '2026-03-03T10:00:00Z');
  answer(db, E, 3, '2026-03-03T10:01:00Z');
  answer(db, D, 4, '2026-03-03T10:02:00Z');
  return { db, ids };
}

describe('getStats on a known history', () => {
  it('counts today, the heatmap and time per day by local study day', () => {
    const { db } = history();
    const s = getStats(db, new Date('2026-03-03T12:00:00Z'));
    expect(s.today).toMatchObject({ reviews: 3, newCards: 1, again: 0, timeMs: 12_000 });
    expect(s.heatmap).toEqual([
      { day: '2026-03-01', count: 3 },
      { day: '2026-03-02', count: 4 },
      { day: '2026-03-03', count: 3 },
    ]);
    expect(s.timeByDay).toHaveLength(30);
    expect(s.timeByDay.slice(-3)).toEqual([
      { day: '2026-03-01', count: 12_000 },
      { day: '2026-03-02', count: 16_000 },
      { day: '2026-03-03', count: 12_000 },
    ]);
  });

  it('measures true retention on review-state answers only, beside the desired retention', () => {
    const { db } = history();
    const s = getStats(db, new Date('2026-03-03T12:00:00Z'));
    // Review-state answers: A failed on 2 March, E passed on 3 March.
    expect(s.retention).toMatchObject({ desired: 0.85, today: 1, last7: 0.5, last30: 0.5 });
    expect(s.retention.byDay).toEqual([
      { day: '2026-03-02', passed: 0, total: 1 },
      { day: '2026-03-03', passed: 1, total: 1 },
    ]);
    expect(s.retention.byWeek).toEqual([{ week: '2026-02-25', passed: 1, total: 2 }]);
  });

  it('keeps the streak through a day not yet studied, and breaks it after a missed day', () => {
    const { db } = history();
    expect(getStats(db, new Date('2026-03-03T12:00:00Z')).streak).toBe(3);
    // 4 March, nothing done yet: the streak still stands.
    expect(getStats(db, new Date('2026-03-04T12:00:00Z')).streak).toBe(3);
    // 03:59 on 4 March is still 3 March.
    expect(getStats(db, new Date('2026-03-04T03:59:00Z')).today.reviews).toBe(3);
    expect(getStats(db, new Date('2026-03-05T12:00:00Z')).streak).toBe(0);
  });

  it('forecasts due cards with overdue ones counted today, and counts cards by state', () => {
    const { db } = history();
    const now = new Date('2026-03-03T12:00:00Z');
    const s = getStats(db, now);
    expect(s.forecast).toHaveLength(30);
    expect(s.forecast[0].day).toBe('2026-03-03');
    const dueRows = db.prepare('SELECT due FROM cards WHERE state != 0').all() as { due: number }[];
    const end = s.forecast.length;
    const inWindow = dueRows.filter((r) => r.due < Date.parse('2026-03-04T04:00:00Z') + (end - 1) * 86_400_000).length;
    expect(s.forecast.reduce((n, d) => n + d.count, 0)).toBe(inWindow);
    // B and G wait in learning since their 10-minute step: overdue, so due today.
    const overdue = dueRows.filter((r) => r.due < now.getTime()).length;
    expect(s.forecast[0].count).toBeGreaterThanOrEqual(overdue);
    expect(s.today.due).toBe(s.forecast[0].count);
    const total = (db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
    const byState = s.cardsByState;
    expect(byState.new).toBe(total - 7);
    expect(byState.new + byState.learning + byState.review + byState.relearning + byState.suspended).toBe(total);
  });

  it('counts a term as mastered once all its cards are stable reviews', () => {
    const { db } = history();
    const now = new Date('2026-03-03T12:00:00Z');
    expect(getStats(db, now).sources[0].mastered).toBe(0);
    // Fixture shortcut: the term's three cards a month into review.
    db.prepare("UPDATE cards SET state = 2, stability = 30 WHERE kind != 'sentence' AND subject_id = 1").run();
    expect(getStats(db, now).sources[0]).toMatchObject({ title: 'Cyber governance', mastered: 1, terms: 4 });
  });

  it('shows what is sticking per kind of card: cards, mastered, answers, true retention and median time', () => {
    const { db, ids } = history();
    const s = getStats(db, new Date('2026-03-03T12:00:00Z'));
    const [A, B, C, D, E, F, G] = ids;
    const kindOf = (id: number) => {
      const c = db.prepare('SELECT kind, direction FROM cards WHERE id = ?').get(id) as { kind: string; direction: string };
      return `${c.kind} ${c.direction}`;
    };
    // Every answer of the history, by the kind of its card; A failed in review, E passed.
    const answered = [A, A, A, B, C, D, E, E, F, G].map(kindOf);
    const reviewed = [[A, false], [E, true]] as const;
    const all = db.prepare('SELECT kind, direction, state, stability FROM cards').all() as { kind: string; direction: string; state: number; stability: number }[];
    for (const k of s.byKind) {
      const key = `${k.kind} ${k.direction}`;
      const mine = reviewed.filter(([id]) => kindOf(id) === key);
      expect(k).toEqual({
        kind: k.kind,
        direction: k.direction,
        cards: all.filter((c) => `${c.kind} ${c.direction}` === key).length,
        inReview: all.filter((c) => `${c.kind} ${c.direction}` === key && c.state === 2).length,
        mastered: 0,
        answers: answered.filter((x) => x === key).length,
        reviewAnswers: mine.length,
        retention: mine.length ? mine.filter(([, passed]) => passed).length / mine.length : null,
        medianMs: answered.includes(key) ? 4000 : null,
      });
    }
    // Every kind with cards is there, in a fixed order: terms, clozes, sentences; zh→en first.
    expect(s.byKind.map((k) => `${k.kind} ${k.direction}`)).toEqual(
      ['term zh-en', 'term en-zh', 'cloze zh-en', 'cloze en-zh', 'sentence zh-en', 'sentence en-zh'].filter((key) => all.some((c) => `${c.kind} ${c.direction}` === key)),
    );
  });

  it('lists the terms forgotten again and again lately, not the ones merely met', () => {
    t = tempDb('UTC');
    const db = t.db;
    updateSettings(db, { enableFuzz: false });
    importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now: new Date('2026-03-01T00:00:00Z') });
    const cardOf = (zh: string, kind: string) =>
      (db.prepare("SELECT c.id FROM cards c JOIN terms t ON t.id = c.subject_id WHERE t.zh = ? AND c.kind = ? AND c.direction = 'zh-en'").get(zh, kind) as { id: number }).id;
    const due = (id: number) => new Date((db.prepare('SELECT due FROM cards WHERE id = ?').get(id) as { due: number }).due);
    const later = (d: Date, ms: number) => new Date(d.getTime() + ms);
    // 网络生态治理's term card: learnt at once, then forgotten twice when due, relearnt in between.
    const card = cardOf('网络生态治理', 'term');
    answer(db, card, 4, '2026-03-01T10:00:00Z');
    for (let lapse = 0; lapse < 2; lapse++) {
      const at = due(card);
      answer(db, card, 1, at.toISOString());
      answer(db, card, 3, later(due(card), 1000).toISOString());
    }
    // 长效机制's: Again at first sight only, which is meeting it, not forgetting it.
    const met = cardOf('长效机制', 'term');
    answer(db, met, 1, '2026-03-01T10:05:00Z');
    answer(db, met, 1, '2026-03-01T10:06:00Z');
    const now = later(due(card), -60_000);
    const s = getStats(db, now);
    // Its answers once learnt: two lapses and two relearnings (the first sight is not counted).
    expect(s.forgotten).toEqual([{ id: expect.any(Number), zh: '网络生态治理', en: 'cyber ecosystem governance', again: 2, answers: 4, leech: false }]);
    // Thirty days on, the lapses are history.
    expect(getStats(db, later(now, 40 * 86_400_000)).forgotten).toEqual([]);
  });

  it('is all zeros and nulls on an empty database', () => {
    t = tempDb('Asia/Shanghai');
    const s = getStats(t.db, new Date('2026-03-03T12:00:00Z'));
    expect(s.today).toEqual({ reviews: 0, newCards: 0, again: 0, timeMs: 0, due: 0 });
    expect(s.streak).toBe(0);
    expect(s.heatmap).toEqual([]);
    expect(s.retention).toMatchObject({ today: null, last7: null, last30: null, byDay: [], byWeek: [] });
    expect(s.sources).toEqual([]);
    expect(s.byKind).toEqual([]);
    expect(s.forgotten).toEqual([]);
  });
});
