// Restoring a backup: the database's content becomes the backup's in one transaction, what it held
// before goes among the backups, and a file that is no usable duizhao database changes nothing.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerCard, nextCard } from '../../server/drill/index.ts';
import { InvalidInputError } from '../../server/errors.ts';
import { importExtraction } from '../../server/library/index.ts';
import { getSettings, restoreBackup, updateSettings } from '../../server/settings/index.ts';
import { backupTo, backupsDir, latestMigration, openDatabase, type Db } from '../../server/store/index.ts';
import { snapshot } from '../http/helpers.ts';
import { extraction, secondExtraction } from '../library/fixtures.ts';
import { databaseAtMigration } from '../store/old-schema.ts';
import { drillDays, reviewId } from './history.ts';

const start = new Date('2026-03-02T01:00:00Z');
const now = new Date('2026-03-20T09:00:00Z');
let dir: string;
let dbPath: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-restore-'));
  dbPath = join(dir, 'duizhao.db');
  db = openDatabase(dbPath);
  updateSettings(db, { timeZone: 'Asia/Shanghai', newCardsPerDay: 5 });
  importExtraction(db, { title: 'Cyber governance', format: 'interleaved', contentHash: 'h', extraction, now: start });
  drillDays(db, start, 10);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every table's rows but the migrations' record (applied_at differs between databases). */
function content(d: Db): Record<string, unknown[]> {
  const { schema_migrations: _, ...rest } = snapshot(d);
  return rest;
}

function contentOf(path: string): Record<string, unknown[]> {
  const d = new Database(path, { readonly: true });
  try {
    return content(d);
  } finally {
    d.close();
  }
}

/** The database after the backup: another text imported, more answers, other settings. */
function moveOn(): void {
  importExtraction(db, { title: 'Second text', format: 'interleaved', contentHash: 'h2', extraction: secondExtraction, now: start });
  drillDays(db, new Date(start.getTime() + 10 * 86_400_000), 5);
  updateSettings(db, { newCardsPerDay: 33, desiredRetention: 0.85 });
}

describe('restoreBackup', () => {
  it('puts the backup back, and keeps what the database held as a backup of its own', async () => {
    const backup = join(dir, 'kept.db');
    await backupTo(db, backup);
    const then = content(db);
    moveOn();
    const before = content(db);
    expect(before).not.toEqual(then);

    const result = await restoreBackup(db, dbPath, backup, now);
    expect(content(db)).toEqual(then);
    expect(result.restored).toBe('kept.db');
    expect(result.counts).toEqual({
      sources: then.sources!.length,
      terms: then.terms!.length,
      cards: then.cards!.length,
      reviews: then.reviews!.length,
    });
    // The settings in force are the backup's, not a cached copy of the later ones.
    expect(getSettings(db)).toMatchObject({ newCardsPerDay: 5, desiredRetention: 0.9 });
    // What was there before the restore is a backup like the daily ones: restoring it undoes the restore.
    expect(readdirSync(backupsDir(dbPath))).toEqual([result.before]);
    expect(result.before).toBe('duizhao-20260320-090000.db');
    expect(contentOf(join(backupsDir(dbPath), result.before))).toEqual(before);
    await restoreBackup(db, dbPath, join(backupsDir(dbPath), result.before), now);
    expect(content(db)).toEqual(before);

    // The drill goes on from the restored state.
    const next = nextCard(db, now);
    expect(next.card).not.toBeNull();
    answerCard(db, { cardId: next.card!.id, rating: 3, reviewId: reviewId(), reps: next.card!.reps }, now);
  });

  it('brings a backup made by an older duizhao up to this schema, leaving the file itself as it was', async () => {
    const old = join(dir, 'old.db');
    const made = databaseAtMigration(old, 3);
    made.prepare("INSERT INTO sources (id, title, format, imported_at, content_hash) VALUES (1, 'Old text', 'tsv', 0, 'old')").run();
    made.close();
    const result = await restoreBackup(db, dbPath, old, now);
    expect(result.counts).toEqual({ sources: 1, terms: 0, cards: 0, reviews: 0 });
    expect(db.prepare('SELECT title FROM sources').all()).toEqual([{ title: 'Old text' }]);
    const file = new Database(old, { readonly: true });
    expect(file.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: 3 });
    file.close();
  });

  it.each<[string, (path: string) => void, RegExp]>([
    ['a text file', (p) => writeFileSync(p, 'English\t中文\n'), /not a database \(a backup is an SQLite file\)/],
    ['an empty file', (p) => writeFileSync(p, ''), /not a database/],
    [
      "another program's SQLite database",
      (p) => {
        const other = new Database(p);
        other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)');
        other.close();
      },
      /an SQLite database but not duizhao's \(no sources, segments, terms, cards, reviews, settings, schema_migrations table\)/,
    ],
    [
      'a database of a newer duizhao',
      (p) => {
        const newer = openDatabase(p);
        newer.prepare("INSERT INTO schema_migrations VALUES (99, '0099-future', 0)").run();
        newer.close();
      },
      new RegExp(`made by a newer duizhao \\(schema 99; this one knows up to ${latestMigration()}\\)`),
    ],
    [
      'a backup whose rows refer to rows it does not hold',
      (p) => {
        copyFileSync(join(dir, 'good.db'), p);
        const broken = new Database(p);
        broken.pragma('foreign_keys = OFF');
        broken.prepare("INSERT INTO segments (source_id, paragraph, ordinal, zh, en, score) VALUES (999, 0, 0, '网络', 'cyberspace', 1)").run();
        broken.close();
      },
      /bad\.db is damaged: 1 row refers to rows it does not hold \(segments → sources\)/,
    ],
    [
      'a damaged backup (cut short)',
      (p) => {
        copyFileSync(join(dir, 'good.db'), p);
        truncateSync(p, 8192);
      },
      /damaged/,
    ],
  ])('refuses %s and changes nothing', async (_, make, message) => {
    await backupTo(db, join(dir, 'good.db'));
    const file = join(dir, 'bad.db');
    make(file);
    const before = snapshot(db);
    const restoring = restoreBackup(db, dbPath, file, now);
    await expect(restoring).rejects.toThrow(InvalidInputError);
    await expect(restoreBackup(db, dbPath, file, now)).rejects.toThrow(message);
    expect(snapshot(db)).toEqual(before);
    // No copy of the database was made for a restore that did not happen, and no working file is left.
    expect(existsSync(backupsDir(dbPath))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('says so when the file is not there', async () => {
    await expect(restoreBackup(db, dbPath, join(dir, 'missing.db'), now)).rejects.toThrow(/missing\.db: no such file/);
  });
});
