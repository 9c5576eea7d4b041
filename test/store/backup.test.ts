// Automatic daily backups beside the database, and the copy itself: a database that opens with
// the same content, written whole or not at all.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackup, backupName, backupsDir, listBackups, openDatabase, type Db } from '../../server/store/index.ts';

let dir: string;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function setup(): { db: Db; path: string } {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-backup-'));
  const path = join(dir, 'duizhao.db');
  db = openDatabase(path);
  return { db, path };
}

const addSource = (d: Db, title: string) =>
  d.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES (?, 'tsv', 0, ?)").run(title, title);
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 4, 30));

describe('autoBackup', () => {
  it('copies the database into backups/, a file that opens with the same rows', async () => {
    const { db, path } = setup();
    addSource(db, 'Cyber governance');
    const written = await autoBackup(db, path, day(0), 7);
    expect(written).toBe(join(backupsDir(path), 'duizhao-20261101-043000.db'));
    const copy = new Database(written!, { readonly: true });
    expect(copy.prepare('SELECT title FROM sources').all()).toEqual([{ title: 'Cyber governance' }]);
    // One self-contained file: opening it leaves no -wal or -shm beside it.
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(readdirSync(backupsDir(path))).toEqual(['duizhao-20261101-043000.db']);
  });

  it('makes one a day, and keeps the newest few', async () => {
    const { db, path } = setup();
    addSource(db, 'a');
    expect(await autoBackup(db, path, day(0), 2)).not.toBeNull();
    // The same day: the morning's backup stands.
    expect(await autoBackup(db, path, new Date(day(0).getTime() + 20 * 3600_000), 2)).toBeNull();
    addSource(db, 'b');
    expect(await autoBackup(db, path, day(1), 2)).not.toBeNull();
    expect(await autoBackup(db, path, day(2), 2)).not.toBeNull();
    const kept = listBackups(backupsDir(path));
    expect(kept.map((b) => b.takenAt)).toEqual([day(2), day(1)]);
    expect(kept.every((b) => b.bytes > 0)).toBe(true);
  });

  it('makes none for an empty database, or when backups are off', async () => {
    const { db, path } = setup();
    expect(await autoBackup(db, path, day(0), 7)).toBeNull();
    addSource(db, 'a');
    expect(await autoBackup(db, path, day(0), 0)).toBeNull();
    expect(existsSync(backupsDir(path))).toBe(false);
  });

  it('names a backup by its time, in a form that sorts', () => {
    expect(backupName(new Date('2026-11-29T04:05:06.789Z'))).toBe('duizhao-20261129-040506.db');
  });
});
