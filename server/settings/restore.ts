// Going back to a backup, as Anki's "restore from backup": the database's content replaced by a
// backup's in one transaction, after a copy of what it held is put among the backups (so a
// restore is itself undone by restoring that copy). The file is checked first: an SQLite file
// that is a duizhao database, undamaged, not made by a newer duizhao; an older one is brought up
// to this schema on a copy, never on the file itself.
import { closeSync, copyFileSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInputError } from '../errors.ts';
import type { RestoreResponse } from '../http/api-types.ts';
import { backupName, backupsDir, backupTo, latestMigration, migrate, replaceContent, type Db } from '../store/index.ts';
import { forgetSettings } from './settings.ts';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');
const requiredTables = ['sources', 'segments', 'terms', 'cards', 'reviews', 'settings', 'schema_migrations'];

/** The first bytes of a file: an SQLite database starts with its header string. */
function startsAsSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(sqliteHeader.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(sqliteHeader);
  } finally {
    closeSync(fd);
  }
}

/** Throws InvalidInputError saying why the database copy at `path` cannot be restored; brings an older one up to date. */
function checkAndMigrate(path: string, label: string): void {
  let copy: Database.Database;
  try {
    copy = new Database(path, { fileMustExist: true });
  } catch (err) {
    throw new InvalidInputError(`${label} cannot be opened as a database: ${(err as Error).message}`);
  }
  try {
    let tables: Set<string>;
    try {
      tables = new Set((copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    } catch (err) {
      throw new InvalidInputError(`${label} is damaged: ${(err as Error).message}`);
    }
    const missing = requiredTables.filter((t) => !tables.has(t));
    if (missing.length) throw new InvalidInputError(`${label} is an SQLite database but not duizhao's (no ${missing.join(', ')} table)`);
    const version = (copy.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
    if (version > latestMigration()) {
      throw new InvalidInputError(`${label} was made by a newer duizhao (schema ${version}; this one knows up to ${latestMigration()}): update duizhao first`);
    }
    let check: string;
    try {
      check = copy.pragma('quick_check', { simple: true }) as string;
    } catch (err) {
      check = (err as Error).message;
    }
    if (check !== 'ok') throw new InvalidInputError(`${label} is damaged: ${check}`);
    migrate(copy);
    // Rows pointing at rows the file lacks would fail the restore's commit: say so now.
    const orphans = copy.pragma('foreign_key_check') as { table: string; parent: string }[];
    if (orphans.length) {
      throw new InvalidInputError(`${label} is damaged: ${orphans.length} ${orphans.length === 1 ? 'row refers' : 'rows refer'} to rows it does not hold (${orphans[0]!.table} → ${orphans[0]!.parent})`);
    }
  } finally {
    copy.close();
  }
}

function counts(db: Db): RestoreResponse['counts'] {
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { sources: n('sources'), terms: n('terms'), cards: n('cards'), reviews: n('reviews') };
}

/**
 * Replaces the content of `db` (the database at `dbPath`) with the backup `file`. The content
 * before goes into backups/ first; nothing changes when the file is refused.
 */
export async function restoreBackup(db: Db, dbPath: string, file: string, now: Date): Promise<RestoreResponse> {
  const label = basename(file);
  if (!existsSync(file)) throw new InvalidInputError(`${file}: no such file`);
  if (statSync(file).size === 0 || !startsAsSqlite(file)) throw new InvalidInputError(`${label} is not a database (a backup is an SQLite file)`);
  // A working copy beside the database: the backup itself is never opened for writing.
  const work = `${dbPath}.restoring-${process.pid}-${now.getTime()}`;
  const parts = ['', '-wal', '-shm', '-journal'];
  try {
    copyFileSync(file, work);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${work}-wal`);
    checkAndMigrate(work, label);
    // What the database held, among the backups: a second later when one was taken this second.
    const dir = backupsDir(dbPath);
    let at = now.getTime();
    while (existsSync(join(dir, backupName(new Date(at))))) at += 1000;
    const before = join(dir, backupName(new Date(at)));
    await backupTo(db, before);
    replaceContent(db, work);
    forgetSettings(db);
    return { restored: label, before: basename(before), counts: counts(db) };
  } finally {
    for (const p of parts) rmSync(`${work}${p}`, { force: true });
  }
}
