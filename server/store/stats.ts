// Progress queries. Day buckets are computed by the caller (local study days under DST) and
// passed as one JSON array of [start, end) pairs, so each bucket is a range scan of an index.
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

export function reviewFiguresByDay(db: Db, buckets: [number, number][]): DayBucketFigures[] {
  return sql(
    db,
    `SELECT CAST(d.key AS INTEGER) AS "index", count(r.seq) AS reviews,
       coalesce(sum(r.state = 0), 0) AS newCards,
       coalesce(sum(r.rating = 1), 0) AS again,
       coalesce(sum(r.duration_ms), 0) AS timeMs,
       coalesce(sum(r.state = 2), 0) AS reviewTotal,
       coalesce(sum(r.state = 2 AND r.rating > 1), 0) AS reviewPassed
     FROM json_each(?) d
     JOIN reviews r ON r.reviewed_at >= (d.value ->> 0) AND r.reviewed_at < (d.value ->> 1)
     GROUP BY d.key`,
  ).all(JSON.stringify(buckets)) as DayBucketFigures[];
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
  return sql(
    db,
    'SELECT state, suspended, count(*) AS count FROM cards WHERE hidden = 0 GROUP BY state, suspended',
  ).all() as { state: number; suspended: number; count: number }[];
}
