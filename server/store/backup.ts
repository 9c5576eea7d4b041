// Copies of the database, as Anki keeps its automatic backups: years of reviews live in one file,
// and one bad disk, sync or edit should not take them. SQLite's online backup copies a
// consistent snapshot while the server keeps running (WAL and all).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './db.ts';
import { inTransaction, sql } from './db.ts';

/** Automatic backups live beside the database, in backups/. */
export function backupsDir(dbPath: string): string {
  return join(dirname(resolve(dbPath)), 'backups');
}

const NAME = /^duizhao-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.db$/;

/** duizhao-20261129-043000.db: sorts by time, and says when it was taken. */
export function backupName(at: Date): string {
  const iso = at.toISOString();
  return `duizhao-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}.db`;
}

export interface BackupFile {
  path: string;
  takenAt: Date;
  bytes: number;
}

/** The backups in a directory, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const m = NAME.exec(name);
      if (!m) return null;
      const path = join(dir, name);
      return { path, takenAt: new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`), bytes: statSync(path).size };
    })
    .filter((b): b is BackupFile => b !== null)
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** A consistent copy of the database at `path`, whole or not at all: written beside it, then renamed. */
export async function backupTo(db: Db, path: string): Promise<void> {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const partial = `${path}.partial`;
  try {
    await db.backup(partial);
    // One self-contained file: the copy leaves WAL mode (which it inherits), so opening it makes
    // no -wal and -shm files beside it; a database restored from it is put back in WAL on opening.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}

const DAY = 24 * 3600_000;

/**
 * A backup into backups/ when the newest is a day old or there is none, keeping the `keep` newest;
 * nothing for an in-memory or empty database (no source yet) or with `keep` 0. Returns the file
 * written, or null.
 */
export async function autoBackup(db: Db, dbPath: string, now: Date, keep: number): Promise<string | null> {
  if (keep <= 0 || db.memory || dbPath === ':memory:') return null;
  if (!sql(db, 'SELECT 1 FROM sources LIMIT 1').get()) return null;
  const dir = backupsDir(dbPath);
  const newest = listBackups(dir)[0];
  if (newest && now.getTime() - newest.takenAt.getTime() < DAY) return null;
  const path = join(dir, backupName(now));
  await backupTo(db, path);
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
  return path;
}

/**
 * Replaces every row of the database's tables (the migrations' record aside) with those of the
 * database file at `path`, which has the same schema: one transaction, so a failure leaves the
 * database as it was. Other connections see the whole change at once.
 */
export function replaceContent(db: Db, path: string): void {
  db.prepare("ATTACH DATABASE ? AS restored").run(path);
  try {
    const tables = (
      db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'").all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    const hasSequence = (schema: string) => !!db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE name = 'sqlite_sequence'`).get();
    inTransaction(db, () => {
      // Rows are checked against each other once all are in: tables refer to one another.
      db.pragma('defer_foreign_keys = ON');
      for (const t of tables) db.exec(`DELETE FROM main."${t}"`);
      for (const t of tables) {
        const columns = (db.prepare("SELECT name FROM pragma_table_info(?, 'main')").all(t) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        db.exec(`INSERT INTO main."${t}" (${columns}) SELECT ${columns} FROM restored."${t}"`);
      }
      if (hasSequence('main')) {
        db.exec('DELETE FROM main.sqlite_sequence');
        if (hasSequence('restored')) db.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restored.sqlite_sequence');
      }
    });
  } finally {
    db.prepare('DETACH DATABASE restored').run();
  }
}
