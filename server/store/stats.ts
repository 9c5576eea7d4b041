// Progress queries. Day buckets are computed by the caller (local study days under DST); each
// bucket is one range scan of an index.
import { sql, type Db } from './db.ts';

export interface DayBucketFigures {
  index: number;
  reviews: number;
  newCards: number;
  again: number;
  timeMs: number;
  /** Answers given to cards in review state, and how many of them were not Again: true retention. */
  reviewTotal: number;
  reviewPassed: number;
}

/** Answers per bucket: one indexed range count each (much faster than a join over json_each). */
export function reviewCountsByDay(db: Db, buckets: [number, number][]): number[] {
  const count = sql(db, 'SELECT count(*) AS n FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?');
  return buckets.map(([start, end]) => (count.get(start, end) as { n: number }).n);
}

/** Full figures per bucket, from the covering index reviews_time. */
export function reviewFiguresByDay(db: Db, buckets: [number, number][]): DayBucketFigures[] {
  const figures = sql(
    db,
    `SELECT count(*) AS reviews,
       coalesce(sum(state = 0), 0) AS newCards,
       coalesce(sum(rating = 1), 0) AS again,
       coalesce(sum(duration_ms), 0) AS timeMs,
       coalesce(sum(state = 2), 0) AS reviewTotal,
       coalesce(sum(state = 2 AND rating > 1), 0) AS reviewPassed
     FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?`,
  );
  return buckets.map(([start, end], index) => ({ index, ...(figures.get(start, end) as Omit<DayBucketFigures, 'index'>) }));
}

export function hasReviewBetween(db: Db, start: number, end: number): boolean {
  return sql(db, 'SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? LIMIT 1').get(start, end) !== undefined;
}

/**
 * Learning and review cards falling due in each bucket (unsuspended); buckets in time order, not
 * overlapping. One range scan of the queue indexes for the whole span, counted into buckets here:
 * joining the cards to a JSON table of buckets scanned the cards once per bucket (1.5 s over
 * 100,000 cards).
 */
export function dueByDay(db: Db, buckets: [number, number][]): { index: number; count: number }[] {
  if (!buckets.length) return [];
  const dues = sql(db, 'SELECT due FROM cards WHERE state IN (1, 2, 3) AND due >= ? AND due < ? AND suspended = 0 AND hidden = 0')
    .pluck()
    .all(buckets[0][0], buckets[buckets.length - 1][1]) as number[];
  const counts = new Array<number>(buckets.length).fill(0);
  for (const due of dues) {
    // The last bucket starting at or before the due date.
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid][0] <= due) lo = mid;
      else hi = mid - 1;
    }
    if (due < buckets[lo][1]) counts[lo]++;
  }
  return counts.flatMap((count, index) => (count ? [{ index, count }] : []));
}

export function cardsByState(db: Db): { state: number; suspended: number; count: number }[] {
  // The unsuspended counts come from the queue index; suspended cards are few.
  const active = sql(db, 'SELECT state, 0 AS suspended, count(*) AS count FROM cards WHERE suspended = 0 AND hidden = 0 GROUP BY state').all();
  const suspended = sql(db, 'SELECT 0 AS state, 1 AS suspended, count(*) AS count FROM cards WHERE suspended = 1 AND hidden = 0').all();
  return [...active, ...suspended] as { state: number; suspended: number; count: number }[];
}

/** Answers since a time for one kind of card and direction, with their times in tenths of a second. */
export interface KindAnswers {
  kind: 'term' | 'cloze' | 'sentence';
  direction: 'zh-en' | 'en-zh';
  answers: number;
  /** Answers given to cards in review state, and how many of them were not Again. */
  reviewAnswers: number;
  reviewPassed: number;
  /** How many answers took each time, in whole tenths of a second (answers with a time). */
  times: { tenths: number; count: number }[];
}

/** The answers given since `from` per kind of card and direction (cards since deleted left out). */
export function answersByKindSince(db: Db, from: number): KindAnswers[] {
  const rows = sql(
    db,
    `SELECT c.kind, c.direction, r.duration_ms / 100 AS tenths, count(*) AS answers,
       coalesce(sum(r.state = 2), 0) AS reviewAnswers, coalesce(sum(r.state = 2 AND r.rating > 1), 0) AS reviewPassed
     FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.reviewed_at >= ?
     GROUP BY c.kind, c.direction, tenths ORDER BY c.kind, c.direction, tenths`,
  ).all(from) as { kind: KindAnswers['kind']; direction: KindAnswers['direction']; tenths: number | null; answers: number; reviewAnswers: number; reviewPassed: number }[];
  const out: KindAnswers[] = [];
  for (const r of rows) {
    let k = out[out.length - 1];
    if (!k || k.kind !== r.kind || k.direction !== r.direction) {
      k = { kind: r.kind, direction: r.direction, answers: 0, reviewAnswers: 0, reviewPassed: 0, times: [] };
      out.push(k);
    }
    k.answers += r.answers;
    k.reviewAnswers += r.reviewAnswers;
    k.reviewPassed += r.reviewPassed;
    if (r.tenths !== null) k.times.push({ tenths: r.tenths, count: r.answers });
  }
  return out;
}

/** Cards per kind and direction (not suspended or hidden): how many in review, and how many mastered. */
export function cardsByKind(db: Db): { kind: KindAnswers['kind']; direction: KindAnswers['direction']; cards: number; inReview: number; mastered: number }[] {
  return sql(
    db,
    `SELECT kind, direction, count(*) AS cards, coalesce(sum(state = 2), 0) AS inReview,
       coalesce(sum(state = 2 AND stability >= 21), 0) AS mastered
     FROM cards WHERE suspended = 0 AND hidden = 0 GROUP BY kind, direction`,
  ).all() as { kind: KindAnswers['kind']; direction: KindAnswers['direction']; cards: number; inReview: number; mastered: number }[];
}

/**
 * The terms forgotten most since `from` (active, not marked known): Again given to one of their term or cloze cards after
 * it was first learnt (a new card's first Again is meeting it, not forgetting it). At least
 * `minAgain` of them, most first, then the larger share of answers.
 */
export function mostForgottenTerms(
  db: Db,
  from: number,
  minAgain: number,
  limit: number,
): { id: number; zh: string; en: string; again: number; answers: number; leech: number }[] {
  return sql(
    db,
    `SELECT t.id, t.zh, t.en, f.again, f.answers, f.leech FROM (
       SELECT c.subject_id AS termId, sum(r.rating = 1) AS again, count(*) AS answers, max(c.leech) AS leech
       FROM reviews r JOIN cards c ON c.id = r.card_id
       WHERE r.reviewed_at >= @from AND r.state != 0 AND c.kind != 'sentence'
       GROUP BY c.subject_id HAVING again >= @minAgain
     ) f JOIN terms t ON t.id = f.termId AND t.status = 'active' AND t.known = 0
     ORDER BY f.again DESC, f.again * 1.0 / f.answers DESC, t.id LIMIT @limit`,
  ).all({ from, minAgain, limit }) as { id: number; zh: string; en: string; again: number; answers: number; leech: number }[];
}
