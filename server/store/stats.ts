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

/** Learning and review cards falling due in each bucket (unsuspended). */
export function dueByDay(db: Db, buckets: [number, number][]): { index: number; count: number }[] {
  return sql(
    db,
    `SELECT CAST(d.key AS INTEGER) AS "index", count(c.id) AS count
     FROM json_each(?) d
     JOIN cards c ON c.state IN (1, 2, 3) AND c.due >= (d.value ->> 0) AND c.due < (d.value ->> 1)
       AND c.suspended = 0 AND c.hidden = 0
     GROUP BY d.key`,
  ).all(JSON.stringify(buckets)) as { index: number; count: number }[];
}

export function cardsByState(db: Db): { state: number; suspended: number; count: number }[] {
  // The unsuspended counts come from the queue index; suspended cards are few.
  const active = sql(db, 'SELECT state, 0 AS suspended, count(*) AS count FROM cards WHERE suspended = 0 AND hidden = 0 GROUP BY state').all();
  const suspended = sql(db, 'SELECT 0 AS state, 1 AS suspended, count(*) AS count FROM cards WHERE suspended = 1 AND hidden = 0').all();
  return [...active, ...suspended] as { state: number; suspended: number; count: number }[];
}
