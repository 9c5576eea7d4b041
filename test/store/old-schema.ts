// A database as an older duizhao left it: the migrations up to `version` applied, and recorded.
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const migrations = fileURLToPath(new URL('../../server/store/migrations/', import.meta.url));

export function databaseAtMigration(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  for (const file of readdirSync(migrations).filter((f) => /^\d{4}-.*\.sql$/.test(f)).sort()) {
    if (Number(file.slice(0, 4)) > version) break;
    db.exec(readFileSync(migrations + file, 'utf8'));
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(Number(file.slice(0, 4)), file.replace(/\.sql$/, ''));
  }
  return db;
}
