import type { SourceSummary } from '../http/api-types.ts';
import { sql, type Db } from './db.ts';

export function findSourceByHash(db: Db, contentHash: string): number | null {
  const row = sql(db, 'SELECT id FROM sources WHERE content_hash = ?').get(contentHash) as { id: number } | undefined;
  return row?.id ?? null;
}

export function insertSource(db: Db, s: { title: string; format: string; importedAt: Date; contentHash: string }): number {
  const info = sql(db, 'INSERT INTO sources (title, format, imported_at, content_hash) VALUES (?, ?, ?, ?)').run(
    s.title,
    s.format,
    s.importedAt.getTime(),
    s.contentHash,
  );
  return Number(info.lastInsertRowid);
}

interface SummaryRow {
  id: number;
  title: string;
  format: string;
  imported_at: number;
  sentences: number;
  terms: number;
  cards: number;
  mastered: number;
}

/**
 * SQL selecting the ids of a source's terms, `source` an SQL expression for its id (a column, or
 * a parameter): those occurring in its sentences, and those it brought cards for (a termbase
 * import has terms and cards but no sentences). The reader, the term list, the glossary export
 * and the source's counts all mean these.
 */
export const sourceTermIds = (source: string) => `
  SELECT o.term_id AS id FROM occurrences o JOIN segments g ON g.id = o.segment_id WHERE g.source_id = ${source}
  UNION SELECT c.subject_id FROM cards c WHERE c.source_id = ${source} AND c.kind != 'sentence'`;

/** SQL true for a card that counts as mastered: in review with a stability of 21 days or more. */
export const masteredCard = (c: string) => `${c}.state = 2 AND ${c}.stability >= 21`;

// A term is mastered when the user knows it, or when it has cards and every one is mastered.
const summarySelect = `
  SELECT s.id, s.title, s.format, s.imported_at,
    (SELECT count(*) FROM segments g WHERE g.source_id = s.id) AS sentences,
    (SELECT count(*) FROM (${sourceTermIds('s.id')}) st JOIN terms t ON t.id = st.id WHERE t.status = 'active') AS terms,
    (SELECT count(*) FROM cards c WHERE c.source_id = s.id) AS cards,
    (SELECT count(*) FROM (${sourceTermIds('s.id')}) st JOIN terms t ON t.id = st.id
      WHERE t.status = 'active' AND (t.known = 1 OR (EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = st.id AND c.kind != 'sentence')
        AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = st.id AND c.kind != 'sentence'
          AND NOT (${masteredCard('c')}))))) AS mastered
  FROM sources s`;

// The same pairs for every source at once.
const allSourceTerms = `
  SELECT g.source_id AS sid, o.term_id AS tid FROM occurrences o JOIN segments g ON g.id = o.segment_id
  UNION SELECT c.source_id, c.subject_id FROM cards c WHERE c.kind != 'sentence' AND c.source_id IS NOT NULL`;

function toSummary(r: SummaryRow): SourceSummary {
  return {
    id: r.id,
    title: r.title,
    format: r.format,
    importedAt: new Date(r.imported_at).toISOString(),
    sentences: r.sentences,
    terms: r.terms,
    cards: r.cards,
    mastered: r.mastered,
  };
}

export function sourceSummary(db: Db, id: number): SourceSummary | null {
  const row = sql(db, `${summarySelect} WHERE s.id = ?`).get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

/** Every source, newest first. Grouped queries over all sources at once rather than one set per source. */
export function sourceSummaries(db: Db): SourceSummary[] {
  const sources = sql(db, 'SELECT id, title, format, imported_at FROM sources ORDER BY imported_at DESC, id DESC').all() as Pick<
    SummaryRow,
    'id' | 'title' | 'format' | 'imported_at'
  >[];
  if (sources.length === 0) return [];
  const byId = (rows: unknown[]) => new Map((rows as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const sentences = byId(sql(db, 'SELECT source_id AS id, count(*) AS n FROM segments GROUP BY source_id').all());
  const cards = byId(sql(db, 'SELECT source_id AS id, count(*) AS n FROM cards WHERE source_id IS NOT NULL GROUP BY source_id').all());
  const terms = byId(
    sql(
      db,
      `WITH st AS (${allSourceTerms})
       SELECT st.sid AS id, count(*) AS n FROM st JOIN terms t ON t.id = st.tid WHERE t.status = 'active' GROUP BY st.sid`,
    ).all(),
  );
  const mastered = byId(
    sql(
      db,
      `WITH m AS (SELECT subject_id AS term_id FROM cards c WHERE kind != 'sentence' GROUP BY subject_id
                  HAVING min(${masteredCard('c')}) = 1
                  UNION SELECT id FROM terms WHERE known = 1),
            st AS (${allSourceTerms})
       SELECT st.sid AS id, count(*) AS n FROM st JOIN m ON m.term_id = st.tid JOIN terms t ON t.id = st.tid
       WHERE t.status = 'active' GROUP BY st.sid`,
    ).all(),
  );
  return sources.map((s) =>
    toSummary({
      ...s,
      sentences: sentences.get(s.id) ?? 0,
      terms: terms.get(s.id) ?? 0,
      cards: cards.get(s.id) ?? 0,
      mastered: mastered.get(s.id) ?? 0,
    }),
  );
}

export function countSources(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM sources').get() as { n: number }).n;
}

export function sourceExists(db: Db, id: number): boolean {
  return sql(db, 'SELECT 1 FROM sources WHERE id = ?').get(id) !== undefined;
}

/**
 * The terms a source alone brought: active, their cards made by its import, and occurring in no
 * other source's sentences. Terms added by hand, found in other texts too, or ignored are not
 * its to take away.
 */
export function ownTermIds(db: Db, sourceId: number): number[] {
  const rows = sql(
    db,
    `SELECT t.id FROM terms t
     WHERE t.status = 'active'
       AND t.id IN (SELECT subject_id FROM cards WHERE source_id = @source AND kind != 'sentence')
       AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = t.id AND c.kind != 'sentence'
         AND (c.source_id IS NULL OR c.source_id != @source))
       AND NOT EXISTS (SELECT 1 FROM occurrences o JOIN segments g ON g.id = o.segment_id
         WHERE o.term_id = t.id AND g.source_id != @source)
     ORDER BY t.id`,
  ).all({ source: sourceId }) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The term and cloze cards of the given terms: all, and those answered at least once. */
export function countTermCards(db: Db, termIds: number[]): { cards: number; reviewed: number } {
  return sql(
    db,
    `SELECT count(*) AS cards, coalesce(sum(reps > 0), 0) AS reviewed FROM cards
     WHERE kind != 'sentence' AND subject_id IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(termIds)) as { cards: number; reviewed: number };
}

/** The sentence cards of a source's pairs: all, and those answered at least once. */
export function countSentenceCards(db: Db, sourceId: number): { cards: number; reviewed: number } {
  return sql(
    db,
    `SELECT count(*) AS cards, coalesce(sum(reps > 0), 0) AS reviewed FROM cards
     WHERE kind = 'sentence' AND subject_id IN (SELECT id FROM segments WHERE source_id = ?)`,
  ).get(sourceId) as { cards: number; reviewed: number };
}

/** Deletes the terms and their term and cloze cards (the cards' reviews stay); returns the cards deleted. */
export function deleteTerms(db: Db, termIds: number[]): number {
  const ids = JSON.stringify(termIds);
  const cards = sql(db, `DELETE FROM cards WHERE kind != 'sentence' AND subject_id IN (SELECT value FROM json_each(?))`).run(ids).changes;
  sql(db, 'DELETE FROM terms WHERE id IN (SELECT value FROM json_each(?))').run(ids);
  return cards;
}

/** Deletes the sentence cards of every pair of the source (their reviews stay); returns how many. */
export function deleteSourceSentenceCards(db: Db, sourceId: number): number {
  return sql(db, `DELETE FROM cards WHERE kind = 'sentence' AND subject_id IN (SELECT id FROM segments WHERE source_id = ?)`).run(sourceId)
    .changes;
}

/** Cloze cards blanking a sentence of the source, with their term. */
export function clozeCardsIn(db: Db, sourceId: number): { id: number; termId: number }[] {
  return sql(
    db,
    `SELECT c.id, c.subject_id AS termId FROM cards c JOIN segments g ON g.id = c.segment_id
     WHERE c.kind = 'cloze' AND g.source_id = ? ORDER BY c.id`,
  ).all(sourceId) as { id: number; termId: number }[];
}

/**
 * Term and cloze cards filed under the source, for terms that stay: filed under another source
 * the term occurs in (the first imported), or under none.
 */
export function refileTermCards(db: Db, sourceId: number): void {
  sql(
    db,
    `UPDATE cards SET source_id = (SELECT g.source_id FROM occurrences o JOIN segments g ON g.id = o.segment_id
       WHERE o.term_id = cards.subject_id AND g.source_id != @source ORDER BY g.source_id LIMIT 1)
     WHERE source_id = @source AND kind != 'sentence'`,
  ).run({ source: sourceId });
}

/** Deletes the source row; its sentences and their term occurrences go with it (ON DELETE CASCADE). */
export function deleteSourceRow(db: Db, sourceId: number): { title: string; sentences: number } | null {
  const row = sql(db, 'SELECT title, (SELECT count(*) FROM segments WHERE source_id = @source) AS sentences FROM sources WHERE id = @source').get({ source: sourceId }) as
    | { title: string; sentences: number }
    | undefined;
  if (!row) return null;
  sql(db, 'DELETE FROM sources WHERE id = ?').run(sourceId);
  return row;
}

/**
 * A source's cards: its sentence cards, and the term and cloze cards of its terms (wherever they
 * were first found). Binds `@source`. "Learn its new cards next" and a focused drill both mean these.
 */
export const sourceCardIds = `
  SELECT c.id FROM cards c WHERE c.kind = 'sentence' AND c.subject_id IN (SELECT id FROM segments WHERE source_id = @source)
  UNION SELECT c.id FROM cards c WHERE c.kind != 'sentence' AND c.subject_id IN (${sourceTermIds('@source')})`;

/** Cards a drill of one source could serve, by pile, uncapped by the day's limits. */
export interface SourcePiles {
  learning: number;
  review: number;
  new: number;
}

/**
 * For every source at once, its cards (as sourceCardIds has them) that a drill focused on it could
 * serve: in learning due before `end`, in review due before `end` and not buried at `now`, new
 * and not buried; none suspended or hidden. One pass over the cards instead of one gathering per
 * source (2 s for Today with 200 texts).
 */
export function focusedPiles(db: Db, end: number, now: number): Map<number, SourcePiles> {
  const rows = sql(
    db,
    // Only cards some pile can hold are matched with their sources: most cards in review are not due.
    `WITH servable AS (SELECT kind, subject_id, state, buried_until FROM cards
         WHERE suspended = 0 AND hidden = 0 AND (state = 0 OR due < @end)),
       st AS (${allSourceTerms}),
       member AS (
         SELECT g.source_id AS sid, c.state, c.buried_until FROM servable c JOIN segments g ON g.id = c.subject_id WHERE c.kind = 'sentence'
         UNION ALL SELECT st.sid, c.state, c.buried_until FROM servable c JOIN st ON st.tid = c.subject_id WHERE c.kind != 'sentence')
     SELECT sid AS id,
       coalesce(sum(state IN (1, 3)), 0) AS learning,
       coalesce(sum(state = 2 AND (buried_until IS NULL OR buried_until <= @now)), 0) AS review,
       coalesce(sum(state = 0 AND (buried_until IS NULL OR buried_until <= @now)), 0) AS new
     FROM member GROUP BY sid`,
  ).all({ end, now }) as (SourcePiles & { id: number })[];
  return new Map(rows.map(({ id, ...piles }) => [id, piles]));
}

/**
 * Per source, the answers given since `from` to its cards in review (as sourceCardIds has them:
 * its sentences', its terms' wherever first found), and how many were not Again: each text's true
 * retention. Only the cards answered since are matched with their sources.
 */
export function reviewAnswersBySource(db: Db, from: number): Map<number, { answers: number; passed: number }> {
  // The answers by time (a range of the index, not a pass over every answer by card), each joined
  // to its card's sources: half the time of grouping them by card first.
  const rows = sql(
    db,
    `WITH st AS (${allSourceTerms})
     SELECT sid AS id, count(*) AS answers, sum(rating > 1) AS passed FROM (
       SELECT g.source_id AS sid, r.rating FROM reviews r INDEXED BY reviews_time
         JOIN cards c ON c.id = r.card_id AND c.kind = 'sentence' JOIN segments g ON g.id = c.subject_id
         WHERE r.reviewed_at >= @from AND r.state = 2
       UNION ALL SELECT st.sid, r.rating FROM reviews r INDEXED BY reviews_time
         JOIN cards c ON c.id = r.card_id AND c.kind != 'sentence' JOIN st ON st.tid = c.subject_id
         WHERE r.reviewed_at >= @from AND r.state = 2)
     GROUP BY sid`,
  ).all({ from }) as { id: number; answers: number; passed: number }[];
  return new Map(rows.map(({ id, ...figures }) => [id, figures]));
}

/** The source's new cards that the drill can serve (not suspended, not hidden). */
export function countNewCards(db: Db, sourceId: number): number {
  return (
    sql(db, `SELECT count(*) AS n FROM cards WHERE id IN (${sourceCardIds}) AND state = 0 AND suspended = 0 AND hidden = 0`).get({
      source: sourceId,
    }) as { n: number }
  ).n;
}

/**
 * Moves the source's new cards to the head of the new-card queue, in their own order (Anki's
 * "reposition"): the drill introduces them next. Returns how many moved.
 */
export function moveNewCardsFirst(db: Db, sourceId: number): number {
  const ids = (
    sql(db, `SELECT id FROM cards WHERE id IN (${sourceCardIds}) AND state = 0 ORDER BY new_order, id`).all({ source: sourceId }) as { id: number }[]
  ).map((r) => r.id);
  if (!ids.length) return 0;
  const first = (sql(db, 'SELECT coalesce(min(new_order), 1) AS n FROM cards').get() as { n: number }).n - ids.length;
  const move = sql(db, 'UPDATE cards SET new_order = ? WHERE id = ?');
  ids.forEach((id, i) => move.run(first + i, id));
  return ids.length;
}
