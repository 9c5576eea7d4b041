import type { Rating } from '../http/api-types.ts';
import { stateCode, type SchedCard, type SchedLog } from '../scheduling/index.ts';
import type { CardSnapshot, SiblingBurial } from './cards.ts';
import { sql, type Db } from './db.ts';

/** What undo needs to put back: the answered card and its siblings' burial. */
export interface ReviewPrev {
  card: CardSnapshot;
  siblings: SiblingBurial[];
}

export interface ReviewRecord {
  seq: number;
  id: string;
  cardId: number;
  rating: Rating;
  nextState: number;
  nextDue: number;
  reviewedAt: number;
  answer: string | null;
  score: number | null;
  prev: ReviewPrev;
}

interface RawReview {
  seq: number;
  id: string;
  card_id: number;
  rating: Rating;
  next_state: number;
  next_due: number;
  reviewed_at: number;
  answer: string | null;
  score: number | null;
  prev: string;
}

function toRecord(r: RawReview): ReviewRecord {
  return {
    seq: r.seq,
    id: r.id,
    cardId: r.card_id,
    rating: r.rating,
    nextState: r.next_state,
    nextDue: r.next_due,
    reviewedAt: r.reviewed_at,
    answer: r.answer,
    score: r.score,
    prev: JSON.parse(r.prev) as ReviewPrev,
  };
}

const reviewColumns = 'seq, id, card_id, rating, next_state, next_due, reviewed_at, answer, score, prev';

export function findReview(db: Db, id: string): ReviewRecord | null {
  const row = sql(db, `SELECT ${reviewColumns} FROM reviews WHERE id = ?`).get(id) as RawReview | undefined;
  return row ? toRecord(row) : null;
}

export function lastReview(db: Db): ReviewRecord | null {
  const row = sql(db, `SELECT ${reviewColumns} FROM reviews ORDER BY seq DESC LIMIT 1`).get() as RawReview | undefined;
  return row ? toRecord(row) : null;
}

export function insertReview(
  db: Db,
  r: {
    id: string;
    cardId: number;
    log: SchedLog;
    next: SchedCard;
    reviewedAt: Date;
    durationMs: number | null;
    answer: string | null;
    score: number | null;
    prev: ReviewPrev;
  },
): void {
  sql(
    db,
    `INSERT INTO reviews (id, card_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days,
       scheduled_days, learning_steps, review, next_state, next_due, reviewed_at, duration_ms, answer, score, prev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.cardId,
    r.log.rating,
    stateCode(r.log.state),
    r.log.due.getTime(),
    r.log.stability,
    r.log.difficulty,
    r.log.elapsedDays,
    r.log.lastElapsedDays,
    r.log.scheduledDays,
    r.log.learningSteps,
    r.log.review.getTime(),
    stateCode(r.next.state),
    r.next.due.getTime(),
    r.reviewedAt.getTime(),
    r.durationMs,
    r.answer,
    r.score,
    JSON.stringify(r.prev),
  );
}

export function deleteReview(db: Db, seq: number): void {
  sql(db, 'DELETE FROM reviews WHERE seq = ?').run(seq);
}

/** Answers in [start, end) by the state the card was in when answered: new cards introduced, reviews done. */
export function doneBetween(db: Db, start: number, end: number): { newDone: number; reviewsDone: number } {
  const row = sql(
    db,
    `SELECT coalesce(sum(state = 0), 0) AS newDone, coalesce(sum(state = 2), 0) AS reviewsDone
     FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?`,
  ).get(start, end) as { newDone: number; reviewsDone: number };
  return row;
}

/** Every answer in the order given: what the FSRS optimizer trains on. */
export function answerHistory(db: Db): { cardId: number; rating: Rating; reviewedAt: number }[] {
  return sql(db, 'SELECT card_id AS cardId, rating, reviewed_at AS reviewedAt FROM reviews ORDER BY seq').all() as {
    cardId: number;
    rating: Rating;
    reviewedAt: number;
  }[];
}
