import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { externalVersion, openDatabase, readVersions, sameVersions, type Db } from '../../server/store/index.ts';
import { databaseAtMigration } from './old-schema.ts';

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

  it('migrates a database made before reviews outlived their cards, keeping every review', () => {
    const path = join(tempDir(), 'old.db');
    // The schema as it stood at migration 3, with one answered card.
    const old = databaseAtMigration(path, 3);
    old.prepare("INSERT INTO cards (id, kind, subject_id, direction, new_order, due, created_at) VALUES (7, 'term', 1, 'zh-en', 1, 0, 0)").run();
    old
      .prepare(
        `INSERT INTO reviews (id, card_id, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days,
           learning_steps, review, next_state, next_due, reviewed_at, duration_ms, answer, score, prev)
         VALUES ('r1', 7, 3, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 60000, 5, 4000, 'cyber', 0.9, '{}')`,
      )
      .run();
    old.close();

    const db = openDatabase(path);
    expect(db.prepare('SELECT id, card_id, rating, answer, reviewed_at FROM reviews').all()).toEqual([
      { id: 'r1', card_id: 7, rating: 3, answer: 'cyber', reviewed_at: 5 },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reviews' AND name LIKE 'reviews_%' ORDER BY name").all()).toEqual([
      { name: 'reviews_card' },
      { name: 'reviews_time' },
    ]);
    // The card goes; its answer stays in the history.
    db.prepare('DELETE FROM cards WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM reviews').get()).toEqual({ n: 1 });
    db.close();
  });

  // The statements as the store runs them, with bound parameters.
  it('serves the drill queue, and deletions of sentence pairs, from indexes, never a table scan', () => {
    const db = openDatabase(':memory:');
    const plans = [
      'SELECT id FROM cards WHERE state = 0 AND suspended = 0 AND hidden = 0 AND (buried_until IS NULL OR buried_until <= ?) ORDER BY new_order LIMIT 1',
      'SELECT id FROM cards WHERE state = 2 AND due < ? AND suspended = 0 AND hidden = 0 AND (buried_until IS NULL OR buried_until <= ?) ORDER BY due LIMIT 1',
      'SELECT coalesce(sum(state = 0), 0) FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ?',
      // What deleting a sentence pair asks of every card (its foreign key's SET NULL), and a pair's clozes.
      'SELECT id FROM cards WHERE segment_id = ?',
    ].map((q) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...Array(q.split('?').length - 1).fill(1)) as { detail: string }[]).map((r) => r.detail).join('; '));
    for (const plan of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});

describe('the versions caches are checked against', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const titles = (db: Db) => (db.prepare('SELECT title FROM sources ORDER BY id').pluck().all() as string[]).join(',');
  const addSource = (db: Db, title: string) =>
    db.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES (?, 'tsv', 0, ?)").run(title, title);

  it('change with every commit by another connection, also after the WAL is emptied and starts over, and only then', () => {
    const path = join(tempDir(), 'duizhao.db');
    const server = openDatabase(path);
    const cli = openDatabase(path);
    let before = readVersions(server);
    const step = (change: () => void, expected: string) => {
      change();
      const after = readVersions(server);
      expect(sameVersions(after, before)).toBe(false);
      expect(titles(server)).toBe(expected);
      // Nothing committed since: the same versions, so caches hold.
      expect(sameVersions(readVersions(server), after)).toBe(true);
      before = after;
    };
    step(() => addSource(cli, 'a'), 'a');
    step(() => addSource(cli, 'b'), 'a,b');
    step(() => {
      cli.pragma('wal_checkpoint(TRUNCATE)');
      addSource(cli, 'c');
    }, 'a,b,c');
    step(() => {
      cli.pragma('wal_checkpoint(RESTART)');
      cli.prepare("UPDATE sources SET title = 'C' WHERE title = 'c'").run();
    }, 'a,b,C');
    step(() => cli.prepare("DELETE FROM sources WHERE title = 'a'").run(), 'b,C');
    // A checkpoint alone commits nothing.
    server.pragma('wal_checkpoint(TRUNCATE)');
    expect(sameVersions(readVersions(server), before)).toBe(true);
    // This connection's own writes move the versions too.
    addSource(server, 'd');
    expect(sameVersions(readVersions(server), before)).toBe(false);
    cli.close();
    server.close();
    server.close();
  });

  it('change when another process commits (the CLI beside a running server)', () => {
    const path = join(tempDir(), 'duizhao.db');
    const server = openDatabase(path);
    const before = externalVersion(server);
    const script = `const Database = require('better-sqlite3');
      const db = new Database(${JSON.stringify(path)});
      db.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES ('cli', 'tsv', 0, 'x')").run();
      db.close();`;
    const child = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(externalVersion(server)).not.toBe(before);
    expect(titles(server)).toBe('cli');
    server.close();
  });
});
