import type { CardKind, Direction, Rating, SuspendedCard } from '../http/api-types.ts';
import { stateCode, stateName, type Answer, type SchedCard } from '../scheduling/index.ts';
import type Database from 'better-sqlite3';
import { contentVersion, sql, type Db } from './db.ts';
import { sourceCardIds } from './sources.ts';

/** Bits of cards.hidden: why a card is out of the queue without being suspended by the user. */
export const hiddenIgnoredTerm = 1;
/** The card's term is one the user knows (terms.known). */
export const hiddenKnownTerm = 4;

export interface CardRecord {
  id: number;
  kind: CardKind;
  subjectId: number;
  direction: Direction;
  segmentId: number | null;
  sourceId: number | null;
  sched: SchedCard;
  suspended: boolean;
  leech: boolean;
  hidden: number;
  buriedUntil: number | null;
}

/** The mutable columns of a card, exactly as stored: what undo puts back. */
export interface CardSnapshot {
  due: number;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review: number | null;
  suspended: number;
  leech: number;
  buried_until: number | null;
}

interface RawCard extends CardSnapshot {
  id: number;
  kind: CardKind;
  subject_id: number;
  direction: Direction;
  segment_id: number | null;
  source_id: number | null;
  hidden: number;
}

const snapshotColumns =
  'due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review, suspended, leech, buried_until';

function schedOf(r: CardSnapshot): SchedCard {
  return {
    due: new Date(r.due),
    stability: r.stability,
    difficulty: r.difficulty,
    elapsedDays: r.elapsed_days,
    scheduledDays: r.scheduled_days,
    learningSteps: r.learning_steps,
    reps: r.reps,
    lapses: r.lapses,
    state: stateName(r.state),
    lastReview: r.last_review === null ? null : new Date(r.last_review),
  };
}

function toRecord(r: RawCard): CardRecord {
  return {
    id: r.id,
    kind: r.kind,
    subjectId: r.subject_id,
    direction: r.direction,
    segmentId: r.segment_id,
    sourceId: r.source_id,
    sched: schedOf(r),
    suspended: r.suspended === 1,
    leech: r.leech === 1,
    hidden: r.hidden,
    buriedUntil: r.buried_until,
  };
}

export function insertCard(
  db: Db,
  c: { kind: CardKind; subjectId: number; direction: Direction; segmentId: number | null; sourceId: number | null; newOrder: number; now: Date; hidden?: number },
): boolean {
  // The id after every card's and every review's: reviews outlive deleted cards (a deleted
  // source's), and SQLite would otherwise hand the highest deleted id to the next card, giving it
  // a stranger's history. A known term's new card is hidden with its others.
  const info = sql(
    db,
    `INSERT OR IGNORE INTO cards (id, kind, subject_id, direction, segment_id, source_id, new_order, due, created_at, hidden)
     VALUES ((SELECT coalesce(max(m), 0) + 1 FROM (SELECT max(id) AS m FROM cards UNION ALL SELECT max(card_id) FROM reviews)),
       @kind, @subject, @direction, @segment, @source, @order, @now, @now,
       @hidden | CASE WHEN @kind != 'sentence' AND (SELECT known FROM terms WHERE id = @subject) = 1 THEN ${hiddenKnownTerm} ELSE 0 END)`,
  ).run({
    kind: c.kind,
    subject: c.subjectId,
    direction: c.direction,
    segment: c.segmentId,
    source: c.sourceId,
    order: c.newOrder,
    now: c.now.getTime(),
    hidden: c.hidden ?? 0,
  });
  return info.changes > 0;
}

export function maxNewOrder(db: Db): number {
  return (sql(db, 'SELECT coalesce(max(new_order), 0) AS n FROM cards').get() as { n: number }).n;
}

export function minNewOrder(db: Db): number {
  return (sql(db, 'SELECT coalesce(min(new_order), 1) AS n FROM cards').get() as { n: number }).n;
}

export function getCard(db: Db, id: number): CardRecord | null {
  const row = sql(db, `SELECT id, kind, subject_id, direction, segment_id, source_id, hidden, ${snapshotColumns} FROM cards WHERE id = ?`).get(
    id,
  ) as RawCard | undefined;
  return row ? toRecord(row) : null;
}

export function cardSnapshot(db: Db, id: number): CardSnapshot | null {
  return (sql(db, `SELECT ${snapshotColumns} FROM cards WHERE id = ?`).get(id) as CardSnapshot | undefined) ?? null;
}

export function restoreCard(db: Db, id: number, s: CardSnapshot): void {
  sql(
    db,
    `UPDATE cards SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
       reps = ?, lapses = ?, state = ?, last_review = ?, suspended = ?, leech = ?, buried_until = ? WHERE id = ?`,
  ).run(
    s.due,
    s.stability,
    s.difficulty,
    s.elapsed_days,
    s.scheduled_days,
    s.learning_steps,
    s.reps,
    s.lapses,
    s.state,
    s.last_review,
    s.suspended,
    s.leech,
    s.buried_until,
    id,
  );
}

export function saveSchedule(db: Db, id: number, c: SchedCard, flags: { suspended: boolean; leech: boolean }): void {
  sql(
    db,
    `UPDATE cards SET due = ?, stability = ?, difficulty = ?, elapsed_days = ?, scheduled_days = ?, learning_steps = ?,
       reps = ?, lapses = ?, state = ?, last_review = ?, suspended = ?, leech = ? WHERE id = ?`,
  ).run(
    c.due.getTime(),
    c.stability,
    c.difficulty,
    c.elapsedDays,
    c.scheduledDays,
    c.learningSteps,
    c.reps,
    c.lapses,
    stateCode(c.state),
    c.lastReview ? c.lastReview.getTime() : null,
    flags.suspended ? 1 : 0,
    flags.leech ? 1 : 0,
    id,
  );
}

export interface SiblingBurial {
  id: number;
  buried_until: number | null;
}

/** Siblings a burial took out of today's new and review piles (see burySiblings). */
export interface Burial {
  /** Their previous burial, for undo. */
  siblings: SiblingBurial[];
  /** How many were new cards the queue could serve (not suspended, hidden or buried at `now`). */
  newAvailable: number;
  /** How many were reviews due before `until` the queue could serve. */
  reviewsDue: number;
}

/**
 * Buries the new and review siblings of a card until `until`, the end of the study day (learning
 * siblings keep their steps, as in Anki). Says how many of them the day's piles counted at
 * `now`, so the queue can adjust its counts instead of counting again.
 */
export function burySiblings(db: Db, card: CardRecord, until: number, now: number): Burial {
  const isSentence = card.kind === 'sentence' ? 1 : 0;
  const rows = sql(
    db,
    `SELECT id, buried_until, state, due, suspended, hidden FROM cards WHERE subject_id = ? AND (kind = 'sentence') = ? AND id != ?
       AND state IN (0, 2) AND (buried_until IS NULL OR buried_until < ?)`,
  ).all(card.subjectId, isSentence, card.id, until) as (SiblingBurial & { state: number; due: number; suspended: number; hidden: number })[];
  const bury = sql(db, 'UPDATE cards SET buried_until = ? WHERE id = ?');
  let newAvailable = 0;
  let reviewsDue = 0;
  for (const s of rows) {
    bury.run(until, s.id);
    const queued = s.suspended === 0 && s.hidden === 0 && (s.buried_until === null || s.buried_until <= now);
    if (queued && s.state === 0) newAvailable++;
    if (queued && s.state === 2 && s.due < until) reviewsDue++;
  }
  return { siblings: rows.map((s) => ({ id: s.id, buried_until: s.buried_until })), newAvailable, reviewsDue };
}

export function restoreBurials(db: Db, burials: SiblingBurial[]): void {
  const restore = sql(db, 'UPDATE cards SET buried_until = ? WHERE id = ?');
  for (const b of burials) restore.run(b.buried_until, b.id);
}

export function setSuspendedFlag(db: Db, id: number, suspended: boolean): boolean {
  return sql(db, 'UPDATE cards SET suspended = ? WHERE id = ?').run(suspended ? 1 : 0, id).changes > 0;
}

interface RawSuspended {
  id: number;
  kind: CardKind;
  direction: Direction;
  state: number;
  leech: number;
  reps: number;
  lapses: number;
  zh: string | null;
  en: string | null;
  termId: number | null;
  sourceTitle: string | null;
}

/** Suspended cards (of kinds and terms still in use), leeches first, then as they were made. */
export function suspendedCards(db: Db, limit: number, offset: number): { cards: SuspendedCard[]; total: number } {
  const total = (sql(db, 'SELECT count(*) AS n FROM cards WHERE suspended = 1 AND hidden = 0').get() as { n: number }).n;
  const rows = sql(
    db,
    `SELECT c.id, c.kind, c.direction, c.state, c.leech, c.reps, c.lapses,
       coalesce(t.zh, s.zh) AS zh, coalesce(t.en, s.en) AS en,
       CASE WHEN c.kind = 'sentence' THEN NULL ELSE c.subject_id END AS termId, src.title AS sourceTitle
     FROM cards c
     LEFT JOIN terms t ON c.kind != 'sentence' AND t.id = c.subject_id
     LEFT JOIN segments s ON c.kind = 'sentence' AND s.id = c.subject_id
     LEFT JOIN sources src ON src.id = c.source_id
     WHERE c.suspended = 1 AND c.hidden = 0
     ORDER BY c.leech DESC, c.id LIMIT ? OFFSET ?`,
  ).all(limit, offset) as RawSuspended[];
  return {
    total,
    cards: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      direction: r.direction,
      state: stateName(r.state),
      leech: r.leech === 1,
      reps: r.reps,
      lapses: r.lapses,
      zh: r.zh ?? '',
      en: r.en ?? '',
      termId: r.termId,
      sourceTitle: r.sourceTitle,
    })),
  };
}

/** Sets or clears a hidden bit on the term and cloze cards of a term. */
export function setTermCardsHidden(db: Db, termId: number, bit: number, on: boolean): void {
  if (on) sql(db, "UPDATE cards SET hidden = hidden | ? WHERE subject_id = ? AND kind != 'sentence'").run(bit, termId);
  else sql(db, "UPDATE cards SET hidden = hidden & ~? WHERE subject_id = ? AND kind != 'sentence'").run(bit, termId);
}

// --- the queue: each lookup is a range scan of cards_queue_due, cards_queue_new or
// cards_queue_learning. The learning lookups name their index: without statistics (a user's
// database is never ANALYZEd) the planner prefers cards_queue_due and sorts every learning card.
//
// Each lookup takes a focus: null for every card, or a source id for that source's cards alone
// (a drill of one text, as studying one Anki deck). The focus's card ids are gathered into a
// temporary table once per version of the data, and the index scan probes it for each card:
// gathering them in every statement (a subquery) cost each of a drill's seven lookups 40 ms on a
// 29,000-pair text.

export type Focus = number | null;

const focusClause = ' AND id IN (SELECT id FROM temp.focus_cards)';
const focusHeld = new WeakMap<Db, { source: number; version: string }>();

/** Makes temp.focus_cards hold the source's card ids, unless it holds them for this version of the data. */
function holdFocus(db: Db, source: number): void {
  const held = focusHeld.get(db);
  if (held && held.source === source && held.version === contentVersion(db)) return;
  if (!held) db.exec('CREATE TEMP TABLE IF NOT EXISTS focus_cards (id INTEGER PRIMARY KEY)');
  sql(db, 'DELETE FROM temp.focus_cards').run();
  sql(db, `INSERT OR IGNORE INTO temp.focus_cards (id) ${sourceCardIds}`).run({ source });
  // Read after the fill: its own rows count among the connection's changes.
  focusHeld.set(db, { source, version: contentVersion(db) });
}

/**
 * After writes that move no card into or out of any source (an answer, an undo), made since the
 * data stood at `before`: a focus gathered at `before` still holds, and is not gathered again.
 */
export function focusOutlives(db: Db, before: string): void {
  const held = focusHeld.get(db);
  if (held && held.version === before) held.version = contentVersion(db);
}

/** A queue lookup's text for all cards and for a focus's: `@focus` marks where the focus clause goes. */
interface QueueQuery {
  all: string;
  focused: string;
}

function queueQuery(text: string): QueueQuery {
  return { all: text.replace(' @focus', ''), focused: text.replace(' @focus', focusClause) };
}

/** The statement for a queue lookup, the focus's card ids gathered first when there is one. */
function queueSql(db: Db, query: QueueQuery, focus: Focus): Database.Statement {
  if (focus === null) return sql(db, query.all);
  holdFocus(db, focus);
  return sql(db, query.focused);
}

const learningDueQuery = queueQuery(
  'SELECT id FROM cards INDEXED BY cards_queue_learning WHERE state IN (1, 3) AND due <= ? AND suspended = 0 AND hidden = 0 @focus ORDER BY due LIMIT 1',
);
const reviewDueQuery = queueQuery(
  `SELECT id FROM cards WHERE state = 2 AND due < ? AND suspended = 0 AND hidden = 0
     AND (buried_until IS NULL OR buried_until <= ?) @focus ORDER BY due LIMIT 1`,
);
const newQuery = queueQuery(
  `SELECT id FROM cards WHERE state = 0 AND suspended = 0 AND hidden = 0
     AND (buried_until IS NULL OR buried_until <= ?) @focus ORDER BY new_order LIMIT 1`,
);
const learningCountQuery = queueQuery('SELECT count(*) AS n FROM cards WHERE state IN (1, 3) AND due < ? AND suspended = 0 AND hidden = 0 @focus');
const reviewCountQuery = queueQuery(
  `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE state = 2 AND due >= ? AND due < ? AND suspended = 0 AND hidden = 0
     AND (buried_until IS NULL OR buried_until <= ?) @focus LIMIT ?)`,
);
const newCountQuery = queueQuery(
  `SELECT count(*) AS n FROM (SELECT 1 FROM cards WHERE state = 0 AND suspended = 0 AND hidden = 0
     AND (buried_until IS NULL OR buried_until <= ?) @focus LIMIT ?)`,
);
const learningAfterQuery = queueQuery(
  'SELECT due FROM cards INDEXED BY cards_queue_learning WHERE state IN (1, 3) AND due > ? AND suspended = 0 AND hidden = 0 @focus ORDER BY due LIMIT 1',
);

export function firstLearningDue(db: Db, until: number, focus: Focus = null): number | null {
  const row = queueSql(db, learningDueQuery, focus).get(until) as { id: number } | undefined;
  return row?.id ?? null;
}

export function firstReviewDue(db: Db, dayEnd: number, now: number, focus: Focus = null): number | null {
  const row = queueSql(db, reviewDueQuery, focus).get(dayEnd, now) as { id: number } | undefined;
  return row?.id ?? null;
}

export function firstNew(db: Db, now: number, focus: Focus = null): number | null {
  const row = queueSql(db, newQuery, focus).get(now) as { id: number } | undefined;
  return row?.id ?? null;
}

export function countLearningBefore(db: Db, until: number, focus: Focus = null): number {
  return (queueSql(db, learningCountQuery, focus).get(until) as { n: number }).n;
}

/** Due reviews not buried, counted up to `limit` (the counts shown never exceed today's cap). */
export function countReviewsDue(db: Db, dayEnd: number, now: number, limit: number, focus: Focus = null): number {
  return countReviewsDueBetween(db, 0, dayEnd, now, limit, focus);
}

/** Reviews falling due from `from` to before `until`, not buried at `now`, counted up to `limit`. */
export function countReviewsDueBetween(db: Db, from: number, until: number, now: number, limit: number, focus: Focus = null): number {
  if (limit <= 0) return 0;
  return (queueSql(db, reviewCountQuery, focus).get(from, until, now, limit) as { n: number }).n;
}

export function countNewAvailable(db: Db, now: number, limit: number, focus: Focus = null): number {
  if (limit <= 0) return 0;
  return (queueSql(db, newCountQuery, focus).get(now, limit) as { n: number }).n;
}

export function firstLearningAfter(db: Db, after: number, focus: Focus = null): number | null {
  const row = queueSql(db, learningAfterQuery, focus).get(after) as { due: number } | undefined;
  return row?.due ?? null;
}

/** Bit of cards.hidden: the card's kind is switched off in the settings. */
export const hiddenKindOff = 2;

export function setKindHidden(db: Db, kind: CardKind, direction: Direction, off: boolean): number {
  const statement = off
    ? sql(db, 'UPDATE cards SET hidden = hidden | ? WHERE kind = ? AND direction = ? AND hidden & ? = 0')
    : sql(db, 'UPDATE cards SET hidden = hidden & ~? WHERE kind = ? AND direction = ? AND hidden & ? != 0');
  return statement.run(hiddenKindOff, kind, direction, hiddenKindOff).changes;
}

/** Active terms with no card of this kind and direction, best first, with a source to file the card under. */
export function termsWithoutCard(db: Db, kind: 'term' | 'cloze', direction: Direction): { termId: number; sourceId: number | null }[] {
  return sql(
    db,
    `SELECT t.id AS termId,
       (SELECT g.source_id FROM occurrences o JOIN segments g ON g.id = o.segment_id WHERE o.term_id = t.id
        ORDER BY g.source_id LIMIT 1) AS sourceId
     FROM terms t WHERE t.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.kind = ? AND c.subject_id = t.id AND c.direction = ?)
     ORDER BY t.score DESC, t.id`,
  ).all(kind, direction) as { termId: number; sourceId: number | null }[];
}

/** Segments with both languages and no sentence card in this direction, in reading order. */
export function segmentsWithoutCard(db: Db, direction: Direction): { segmentId: number; sourceId: number }[] {
  return sql(
    db,
    `SELECT g.id AS segmentId, g.source_id AS sourceId FROM segments g
     WHERE trim(g.zh) != '' AND trim(g.en) != ''
       AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.kind = 'sentence' AND c.subject_id = g.id AND c.direction = ?)
     ORDER BY g.source_id, g.paragraph, g.ordinal`,
  ).all(direction) as { segmentId: number; sourceId: number }[];
}

/** Sentences where a term has an English span, for choosing the sentence a cloze blanks. */
export function clozeCandidates(db: Db, termId: number): { segmentId: number; sourceId: number; zhLength: number; score: number }[] {
  return sql(
    db,
    `SELECT g.id AS segmentId, g.source_id AS sourceId, length(g.zh) AS zhLength, g.score AS score
     FROM occurrences o JOIN segments g ON g.id = o.segment_id
     WHERE o.term_id = ? AND o.en_start IS NOT NULL AND o.en_end > o.en_start ORDER BY g.id`,
  ).all(termId) as { segmentId: number; sourceId: number; zhLength: number; score: number }[];
}

/** A sentence card of a pair, in one direction. */
export function sentenceCard(db: Db, segmentId: number, direction: Direction): { id: number; reps: number } | null {
  return (
    (sql(db, "SELECT id, reps FROM cards WHERE kind = 'sentence' AND subject_id = ? AND direction = ?").get(segmentId, direction) as
      | { id: number; reps: number }
      | undefined) ?? null
  );
}

/** Points a card (a cloze) at another sentence, filed under that sentence's source. */
export function moveCard(db: Db, cardId: number, segmentId: number): void {
  sql(db, 'UPDATE cards SET segment_id = @segment, source_id = (SELECT source_id FROM segments WHERE id = @segment) WHERE id = @card').run({
    segment: segmentId,
    card: cardId,
  });
}

/** Gives a pair's sentence cards to another pair of the same text. */
export function moveSentenceCards(db: Db, from: number, to: number): void {
  sql(db, "UPDATE cards SET subject_id = @to, segment_id = @to WHERE kind = 'sentence' AND subject_id = @from").run({ to, from });
}

/** Points the clozes blanking a pair at another pair of the same text. */
export function moveClozes(db: Db, from: number, to: number): void {
  sql(db, "UPDATE cards SET segment_id = @to WHERE kind = 'cloze' AND segment_id = @from").run({ to, from });
}

export function deleteSentenceCards(db: Db, segmentId: number): void {
  sql(db, "DELETE FROM cards WHERE kind = 'sentence' AND subject_id = ?").run(segmentId);
}

export function deleteCard(db: Db, id: number): void {
  sql(db, 'DELETE FROM cards WHERE id = ?').run(id);
}

/** The clozes blanking a pair, with their terms. */
export function clozesOn(db: Db, segmentId: number): { id: number; termId: number }[] {
  return sql(db, "SELECT id, subject_id AS termId FROM cards WHERE kind = 'cloze' AND segment_id = ?").all(segmentId) as { id: number; termId: number }[];
}

/** A studied card as rescheduling reads it: its schedule, whether the drill serves it at all. */
export interface StudiedCard {
  id: number;
  sched: SchedCard;
  /** Neither suspended nor hidden (a burial lasts a day and is left out). */
  served: boolean;
}

/**
 * Every card with answers, with its answers in the order given (ties in time by the order
 * recorded), one card at a time. Answers of deleted cards are passed over. The callback must not
 * write: the answers are read as they are visited.
 */
export function forEachStudiedCard(db: Db, visit: (card: StudiedCard, answers: Answer[]) => void): void {
  const cards = sql(db, `SELECT id, ${snapshotColumns}, hidden FROM cards WHERE id IN (SELECT card_id FROM reviews) ORDER BY id`).all() as (CardSnapshot & {
    id: number;
    hidden: number;
  })[];
  const answers = sql(db, 'SELECT card_id, rating, reviewed_at FROM reviews ORDER BY card_id, reviewed_at, seq').raw();
  let at = 0;
  let list: Answer[] = [];
  const flush = () => {
    const c = cards[at]!;
    visit({ id: c.id, sched: schedOf(c), served: c.suspended === 0 && c.hidden === 0 }, list);
    list = [];
    at++;
  };
  for (const [cardId, rating, reviewedAt] of answers.iterate() as IterableIterator<[number, Rating, number]>) {
    while (at < cards.length && cards[at]!.id < cardId) flush();
    if (at < cards.length && cards[at]!.id === cardId) list.push({ rating, at: reviewedAt });
  }
  while (at < cards.length) flush();
}

/** A card's memory state (stability, difficulty) and, when `due` is given, its review's due date. */
export function saveMemoryState(db: Db, id: number, c: SchedCard, due: boolean): void {
  if (due) {
    sql(db, 'UPDATE cards SET stability = ?, difficulty = ?, due = ?, scheduled_days = ?, elapsed_days = ? WHERE id = ?').run(
      c.stability,
      c.difficulty,
      c.due.getTime(),
      c.scheduledDays,
      c.elapsedDays,
      id,
    );
  } else sql(db, 'UPDATE cards SET stability = ?, difficulty = ? WHERE id = ?').run(c.stability, c.difficulty, id);
}
