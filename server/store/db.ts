// Opening the database: directories, pragmas, and the numbered migrations in ./migrations,
// applied in order at start-up and recorded so each runs once. A committed migration is never
// edited; a change to the schema is a new file.
import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Db = Database.Database;

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

interface Migration {
  version: number;
  name: string;
  sql: string;
}

function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(join(migrationsDir, file), 'utf8'),
    }));
}

/** The version of the newest migration this code knows: a database beyond it was made by a newer duizhao. */
export function latestMigration(): number {
  return Math.max(0, ...loadMigrations().map((m) => m.version));
}

export function migrate(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of loadMigrations()) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      // The wall clock only labels the record; nothing reads it back for logic.
      record.run(m.version, m.name, Date.now());
    })();
  }
}

/** Opens (creating when needed) the database at `path`, or ':memory:', and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const db = new Database(path);
  const journal = db.pragma('journal_mode = WAL', { simple: true });
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Checkpoints run from a timer after writes (scheduleCheckpoint), between requests rather than
  // inside whichever answer crosses SQLite's default 1000-page threshold; the raised threshold
  // is only a backstop for a process whose timers never get a turn.
  db.pragma(`wal_autocheckpoint = ${backstopPages}`);
  migrate(db);
  if (journal === 'wal' && !db.memory) watchWalIndex(db, resolve(path));
  return db;
}

const backstopPages = 10_000;
const checkpointDelayMs = 500;
const checkpointPending = new WeakSet<Db>();

/** Copies the WAL back into the database soon, once the current burst of writes is over. */
function scheduleCheckpoint(db: Db): void {
  if (db.memory || checkpointPending.has(db)) return;
  checkpointPending.add(db);
  setTimeout(() => {
    checkpointPending.delete(db);
    if (!db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next write schedules another, and the backstop still applies.
    }
  }, checkpointDelayMs).unref();
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per database. */
export function sql(db: Db, text: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

/** Runs `fn` in one transaction (IMMEDIATE: a writer takes the lock before reading what it changes). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  const result = db.transaction(fn).immediate();
  if (!db.inTransaction) scheduleCheckpoint(db);
  return result;
}

/**
 * Together these change whenever the database content may have changed: `changes` with rows
 * written by this connection (total_changes counts every insert, update and delete, even direct
 * ones), `data` with a commit by another connection (data_version). Lets services cache reads
 * safely. total_changes() reads no table and takes no lock; PRAGMA data_version is cheaper than
 * the pragma_data_version table (no virtual-table cursor).
 */
export interface Versions {
  changes: number;
  data: number;
}

export function readVersions(db: Db): Versions {
  return { changes: totalChanges(db), data: externalVersion(db) };
}

// Its own statement, plucked once: asked on every drill request, so without the statement
// cache's two lookups and a mode switch per call.
const totalChangesStatements = new WeakMap<Db, Database.Statement>();

function totalChanges(db: Db): number {
  let statement = totalChangesStatements.get(db);
  if (!statement) {
    statement = db.prepare('SELECT total_changes()').pluck();
    totalChangesStatements.set(db, statement);
  }
  return statement.get() as number;
}

export function sameVersions(a: Versions, b: Versions): boolean {
  return a.changes === b.changes && a.data === b.data;
}

/** readVersions as one string. */
export function contentVersion(db: Db): string {
  return versionKey(readVersions(db));
}

/** Versions as one string, as contentVersion gives them. */
export function versionKey(v: Versions): string {
  return `${v.changes}:${v.data}`;
}

/** Changes when another connection (the CLI beside a running server) commits. */
export function externalVersion(db: Db): number {
  const watch = walWatches.get(db);
  if (!watch) return dataVersion(db);
  // The header is read before the pragma: a commit landing between the two then shows as a
  // header change on the next call, rather than being hidden behind a header already newer
  // than the version read with it.
  const read = readSync(watch.fd, watch.header, 0, walIndexHeaderBytes, 0);
  if (read === walIndexHeaderBytes && watch.data !== null && watch.header.equals(watch.seen)) return watch.data;
  watch.header.copy(watch.seen);
  watch.data = dataVersion(db);
  return watch.data;
}

function dataVersion(db: Db): number {
  return sql(db, 'PRAGMA data_version').pluck().get() as number;
}

/**
 * Every commit to a WAL database, by any connection in any process, rewrites the WAL-index
 * header at the start of the -shm file (frame count, checksums, and new salts when the WAL
 * starts over), and SQLite compares this same header to tell whether its own cache is stale.
 * Reading its 48 bytes is one pread; PRAGMA data_version opens and closes a read transaction
 * (shared-memory locks, a file size check), which was most of answering GET /api/drill/next when
 * nothing had changed. The pragma stays the version; it is asked again only when the header
 * moved. The -shm file lasts as long as any connection has the database open, this one included.
 */
interface WalWatch {
  fd: number;
  header: Buffer;
  seen: Buffer;
  /** data_version read after `seen`; null until the first read. */
  data: number | null;
}
const walIndexHeaderBytes = 48;
const walWatches = new WeakMap<Db, WalWatch>();

function watchWalIndex(db: Db, path: string): void {
  let fd: number;
  try {
    // SQLite names it after the database file with symbolic links resolved.
    fd = openSync(`${realpathSync(path)}-shm`, 'r');
  } catch {
    return; // No shared-memory file (another VFS or locking mode): the pragma on every call.
  }
  walWatches.set(db, { fd, header: Buffer.alloc(walIndexHeaderBytes), seen: Buffer.alloc(walIndexHeaderBytes), data: null });
  const close = db.close;
  db.close = function closeWithWatch(this: Db) {
    if (walWatches.delete(db)) closeSync(fd);
    return close.call(this);
  };
}
