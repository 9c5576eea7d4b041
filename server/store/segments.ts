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
