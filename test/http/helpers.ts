// A real app on a temporary database with a fixed clock, and a snapshot of every table's rows so a
// test can prove a refused request changed nothing.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type AppOptions } from '../../server/http/index.ts';
import { openDatabase } from '../../server/store/index.ts';

export const seedPath = fileURLToPath(new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url));
export const seedText = readFileSync(seedPath, 'utf8');

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: ReturnType<typeof openDatabase>;
  dir: string;
  clock: { now: Date };
  errors: unknown[];
  close(): void;
}

export const startInstant = '2026-03-02T09:00:00Z';

export function makeApp(options: Partial<Omit<AppOptions, 'db' | 'now'>> = {}, start = startInstant, template?: string): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-http-'));
  if (template) copyFileSync(template, join(dir, 'test.db'));
  const db = openDatabase(join(dir, 'test.db'));
  const clock = { now: new Date(start) };
  const errors: unknown[] = [];
  const app = createApp({ db, now: () => new Date(clock.now), onInternalError: (e) => errors.push(e), ...options });
  return {
    app,
    db,
    dir,
    clock,
    errors,
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every user table's full contents, so "unchanged" means unchanged, not just the same counts. */
export function snapshot(db: TestApp['db']): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

export function json(body: unknown, init: RequestInit = {}): RequestInit {
  return {
    method: 'POST',
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
    body: JSON.stringify(body),
  };
}

let seededTemplate: Promise<string> | null = null;

/**
 * An app whose database already holds the seed, imported once per test file through the API and
 * copied for each test: extraction is the slow part, and a test of refusals needs only its result.
 */
export async function makeSeededApp(options: Partial<Omit<AppOptions, 'db' | 'now'>> = {}): Promise<TestApp> {
  seededTemplate ??= (async () => {
    const first = makeApp();
    const res = await importSeed(first);
    if (res.status !== 201) throw new Error(`seed import failed: ${res.status} ${await res.text()}`);
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    process.once('exit', () => rmSync(first.dir, { recursive: true, force: true }));
    return join(first.dir, 'test.db');
  })();
  return makeApp(options, startInstant, await seededTemplate);
}

export async function importSeed(t: TestApp): Promise<Response> {
  return t.app.request('/api/sources', json({ title: 'Cyber ecosystem governance', text: seedText }));
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export async function expectError(res: Response, status: number, code?: string): Promise<{ code: string; message: string }> {
  const body = (await res.json()) as { error?: { code: string; message: string } };
  if (res.status !== status || !body.error || (code && body.error.code !== code)) {
    throw new Error(`expected ${status} ${code ?? ''}, got ${res.status} ${JSON.stringify(body)}`);
  }
  if (typeof body.error.message !== 'string' || /\n\s+at /.test(body.error.message)) {
    throw new Error(`bad error message: ${JSON.stringify(body.error.message)}`);
  }
  return body.error;
}
