import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/store/index.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates missing directories, uses WAL and enforces foreign keys', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'duizhao.db');
    const db = openDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO segments (source_id, paragraph, ordinal, zh, en) VALUES (99, 0, 0, '中', 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.close();
  });

  it('records each migration once and keeps data across reopening', () => {
    const path = join(tempDir(), 'duizhao.db');
    const first = openDatabase(path);
    const applied = first.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied[0]).toEqual({ version: 1, name: '0001-initial' });
    first.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES ('t', 'tsv', 0, 'abc')").run();
    first.close();
    const again = openDatabase(path);
    expect(again.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: applied.length });
    expect(again.prepare('SELECT title FROM sources').all()).toEqual([{ title: 't' }]);
    again.close();
  });

  // The statements as the store runs them, with bound parameters.
  it('serves the drill queue from its indexes, never a table scan', () => {
    const db = openDatabase(':memory:');
    const plans = [
      'SELECT id FROM cards WHERE state = 0 AND suspended = 0 AND hidden = 0 AND (buried_until IS NULL OR buried_until <= ?) ORDER BY new_order LIMIT 1',
      'SELECT id FROM cards WHERE state = 2 AND due < ? AND suspended = 0 AND hidden = 0 AND (buried_until IS NULL OR buried_until <= ?) ORDER BY due LIMIT 1',
      'SELECT coalesce(sum(state = 0), 0) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?',
    ].map((q) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...Array(q.split('?').length - 1).fill(1)) as { detail: string }[]).map((r) => r.detail).join('; '));
    for (const plan of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});
