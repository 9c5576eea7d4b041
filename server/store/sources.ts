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

// A term is mastered when it has cards and every one is in review with stability >= 21 days.
const summarySelect = `
  SELECT s.id, s.title, s.format, s.imported_at,
    (SELECT count(*) FROM segments g WHERE g.source_id = s.id) AS sentences,
    (SELECT count(DISTINCT o.term_id) FROM occurrences o JOIN segments g ON g.id = o.segment_id
       JOIN terms t ON t.id = o.term_id WHERE g.source_id = s.id AND t.status = 'active') AS terms,
    (SELECT count(*) FROM cards c WHERE c.source_id = s.id) AS cards,
    (SELECT count(*) FROM (SELECT DISTINCT o.term_id AS id FROM occurrences o
        JOIN segments g ON g.id = o.segment_id WHERE g.source_id = s.id) st
      WHERE EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = st.id AND c.kind != 'sentence')
        AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.subject_id = st.id AND c.kind != 'sentence'
          AND NOT (c.state = 2 AND c.stability >= 21))) AS mastered
  FROM sources s`;

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

export function sourceSummaries(db: Db): SourceSummary[] {
  return (sql(db, `${summarySelect} ORDER BY s.imported_at DESC, s.id DESC`).all() as SummaryRow[]).map(toSummary);
}

export function countSources(db: Db): number {
  return (sql(db, 'SELECT count(*) AS n FROM sources').get() as { n: number }).n;
}
