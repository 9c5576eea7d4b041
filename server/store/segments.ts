import { sql, type Db } from './db.ts';

export interface SegmentRow {
  id: number;
  sourceId: number;
  paragraph: number;
  ordinal: number;
  zh: string;
  en: string;
  pinyin: string;
  score: number;
}

export function insertSegment(db: Db, s: Omit<SegmentRow, 'id'>): number {
  const info = sql(
    db,
    'INSERT INTO segments (source_id, paragraph, ordinal, zh, en, pinyin, score) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(s.sourceId, s.paragraph, s.ordinal, s.zh, s.en, s.pinyin, s.score);
  return Number(info.lastInsertRowid);
}

const segmentColumns = 'id, source_id AS sourceId, paragraph, ordinal, zh, en, pinyin, score';

export function getSegment(db: Db, id: number): SegmentRow | null {
  return (sql(db, `SELECT ${segmentColumns} FROM segments WHERE id = ?`).get(id) as SegmentRow | undefined) ?? null;
}

export function sourceTitle(db: Db, id: number): string | null {
  const row = sql(db, 'SELECT title FROM sources WHERE id = ?').get(id) as { title: string } | undefined;
  return row?.title ?? null;
}

/** A page of a source's sentence pairs in reading order, and how many it has. */
export function sourceSegments(db: Db, sourceId: number, limit: number, offset: number): { rows: SegmentRow[]; total: number } {
  const rows = sql(db, `SELECT ${segmentColumns} FROM segments WHERE source_id = ? ORDER BY paragraph, ordinal, id LIMIT ? OFFSET ?`).all(
    sourceId,
    limit,
    offset,
  ) as SegmentRow[];
  const total = (sql(db, 'SELECT count(*) AS n FROM segments WHERE source_id = ?').get(sourceId) as { n: number }).n;
  return { rows, total };
}

export interface SegmentMark {
  segmentId: number;
  termId: number;
  zhStart: number;
  zhEnd: number;
  enStart: number | null;
  enEnd: number | null;
}

/** Where active terms occur in the given segments, in reading order. */
export function marksIn(db: Db, segmentIds: number[]): SegmentMark[] {
  return sql(
    db,
    `SELECT o.segment_id AS segmentId, o.term_id AS termId, o.zh_start AS zhStart, o.zh_end AS zhEnd, o.en_start AS enStart, o.en_end AS enEnd
     FROM occurrences o JOIN terms t ON t.id = o.term_id
     WHERE o.segment_id IN (SELECT value FROM json_each(?)) AND t.status = 'active'
     ORDER BY o.segment_id, o.zh_start, o.zh_end DESC`,
  ).all(JSON.stringify(segmentIds)) as SegmentMark[];
}

/** Sentence pairs whose Chinese contains `zh`, in reading order (a scan: adding a term by hand is rare). */
export function segmentsContaining(db: Db, zh: string): Pick<SegmentRow, 'id' | 'zh' | 'en'>[] {
  return sql(db, 'SELECT id, zh, en FROM segments WHERE instr(zh, ?) > 0 ORDER BY source_id, paragraph, ordinal, id').all(zh) as Pick<
    SegmentRow,
    'id' | 'zh' | 'en'
  >[];
}

/** Every stored sentence pair, for finding a termbase's terms in the texts already imported. */
export function allSegments(db: Db): Pick<SegmentRow, 'id' | 'zh' | 'en'>[] {
  return sql(db, 'SELECT id, zh, en FROM segments ORDER BY id').all() as Pick<SegmentRow, 'id' | 'zh' | 'en'>[];
}

/** Every sentence pair of a source in reading order, for an export. */
export function segmentsOfSource(db: Db, sourceId: number): SegmentRow[] {
  return sql(db, `SELECT ${segmentColumns} FROM segments WHERE source_id = ? ORDER BY paragraph, ordinal, id`).all(sourceId) as SegmentRow[];
}

/** The place of a sentence pair in its source's reading order (0 for the first), or null when it is not the source's. */
export function rankInSource(db: Db, sourceId: number, segmentId: number): number | null {
  const row = sql(
    db,
    `SELECT (SELECT count(*) FROM segments o WHERE o.source_id = g.source_id
       AND (o.paragraph, o.ordinal, o.id) < (g.paragraph, g.ordinal, g.id)) AS rank
     FROM segments g WHERE g.id = ? AND g.source_id = ?`,
  ).get(segmentId, sourceId) as { rank: number } | undefined;
  return row ? row.rank : null;
}

/** The sentence pair after this one in its source's reading order, or null for the last. */
export function nextInSource(db: Db, segmentId: number): SegmentRow | null {
  return (
    (sql(
      db,
      `SELECT o.id, o.source_id AS sourceId, o.paragraph, o.ordinal, o.zh, o.en, o.pinyin, o.score
       FROM segments g JOIN segments o ON o.source_id = g.source_id AND (o.paragraph, o.ordinal, o.id) > (g.paragraph, g.ordinal, g.id)
       WHERE g.id = ? ORDER BY o.paragraph, o.ordinal, o.id LIMIT 1`,
    ).get(segmentId) as SegmentRow | undefined) ?? null
  );
}

/**
 * Makes `into` hold both pairs' text (the other's appended, its term occurrences shifted along)
 * and deletes the other pair. Cards are the caller's: moved or deleted before this.
 */
export function joinSegments(db: Db, into: { id: number; zh: string; en: string; pinyin: string }, from: number, shift: { zh: number; en: number }): void {
  setSegmentText(db, into.id, into);
  sql(
    db,
    `UPDATE occurrences SET segment_id = ?, zh_start = zh_start + ?, zh_end = zh_end + ?, en_start = en_start + ?, en_end = en_end + ?
     WHERE segment_id = ?`,
  ).run(into.id, shift.zh, shift.zh, shift.en, shift.en, from);
  sql(db, 'DELETE FROM segments WHERE id = ?').run(from);
}

/** The pairs of one paragraph of a source, in reading order. */
export function paragraphSegments(db: Db, sourceId: number, paragraph: number): { id: number }[] {
  return sql(db, 'SELECT id FROM segments WHERE source_id = ? AND paragraph = ? ORDER BY ordinal, id').all(sourceId, paragraph) as { id: number }[];
}

export function setOrdinal(db: Db, segmentId: number, ordinal: number): void {
  sql(db, 'UPDATE segments SET ordinal = ? WHERE id = ?').run(ordinal, segmentId);
}

/** A pair's new text, which the user has thereby confirmed (score 1). */
export function setSegmentText(db: Db, segmentId: number, text: { zh: string; en: string; pinyin: string }): void {
  sql(db, 'UPDATE segments SET zh = ?, en = ?, pinyin = ?, score = 1 WHERE id = ?').run(text.zh, text.en, text.pinyin, segmentId);
}

/** Forgets where terms occur in a pair (its text is about to be found again). */
export function deleteSegmentOccurrences(db: Db, segmentId: number): void {
  sql(db, 'DELETE FROM occurrences WHERE segment_id = ?').run(segmentId);
}

/**
 * After a pair was cut in two (`second` holding its text from `zh`/`en` on): occurrences in the
 * second part move there, shifted; one cut through is deleted; an English span left on the other
 * side of the cut from its Chinese is dropped (null).
 */
export function splitOccurrences(db: Db, first: number, second: number, cut: { zh: number; en: number }): void {
  const p = { first, second, zh: cut.zh, en: cut.en };
  sql(db, 'DELETE FROM occurrences WHERE segment_id = @first AND zh_start < @zh AND zh_end > @zh').run(p);
  sql(
    db,
    `UPDATE occurrences SET segment_id = @second, zh_start = zh_start - @zh, zh_end = zh_end - @zh,
       en_start = CASE WHEN en_start >= @en THEN en_start - @en END, en_end = CASE WHEN en_start >= @en THEN en_end - @en END
     WHERE segment_id = @first AND zh_start >= @zh`,
  ).run(p);
  sql(db, 'UPDATE occurrences SET en_start = NULL, en_end = NULL WHERE segment_id = @first AND en_end > @en').run(p);
}

export interface FoundPair {
  id: number;
  sourceId: number;
  sourceTitle: string;
  zh: string;
  en: string;
}

/** Sentence pairs of every text holding `q` in either language (English case aside), in reading order. */
export function searchSegments(db: Db, q: string, limit: number, offset: number): { pairs: FoundPair[]; total: number } {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = "FROM segments g JOIN sources s ON s.id = g.source_id WHERE g.zh LIKE @like ESCAPE '\\' OR g.en LIKE @like ESCAPE '\\'";
  const pairs = sql(
    db,
    `SELECT g.id, g.source_id AS sourceId, s.title AS sourceTitle, g.zh, g.en ${where}
     ORDER BY s.imported_at, g.source_id, g.paragraph, g.ordinal, g.id LIMIT @limit OFFSET @offset`,
  ).all({ like, limit, offset }) as FoundPair[];
  const total = (sql(db, `SELECT count(*) AS n ${where}`).get({ like }) as { n: number }).n;
  return { pairs, total };
}

/** The pairs of a source aligned with a score below `below`, with their places in reading order. */
export function weakPairs(db: Db, sourceId: number, below: number): { id: number; rank: number }[] {
  return sql(
    db,
    `SELECT id, rank FROM (SELECT id, score, row_number() OVER (ORDER BY paragraph, ordinal, id) - 1 AS rank FROM segments WHERE source_id = ?)
     WHERE score < ? ORDER BY rank LIMIT 1000`,
  ).all(sourceId, below) as { id: number; rank: number }[];
}

/** The sentence pairs of every other source, for finding a text's new terms in the texts before it. */
export function segmentsOutside(db: Db, sourceId: number): Pick<SegmentRow, 'id' | 'zh' | 'en'>[] {
  return sql(db, 'SELECT id, zh, en FROM segments WHERE source_id != ? ORDER BY id').all(sourceId) as Pick<SegmentRow, 'id' | 'zh' | 'en'>[];
}
