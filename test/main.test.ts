// The real start-up, once: `tsx server/main.ts` on PORT=0 prints exactly one URL line, answers
// /api/health there, and exits cleanly on SIGTERM with the database closed.
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'duizhao-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('starts on a free port, prints one URL line, serves /api/health, and stops on SIGTERM', async () => {
  const dbPath = join(dir, 'sub', 'duizhao.db');
  // --dev: no client build, which would dominate the test's time.
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts', '--dev'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DUIZHAO_DB: dbPath, DUIZHAO_SEED: 'off', DUIZHAO_NOW: '2026-03-02T09:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /^duizhao: (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
      if (m) done(m[1]);
    });
    void exited.then((code) => fail(new Error(`exited ${code}: ${stderr}`)));
  });
  expect(url).not.toMatch(/:0$/);
  const res = await fetch(`${url}/api/health`);
  expect(res.status, `stderr: ${stderr}`).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
  const sources = (await (await fetch(`${url}/api/sources`)).json()) as { sources: unknown[] };
  expect(sources.sources).toEqual([]);
  expect(existsSync(dbPath)).toBe(true);

  child.kill('SIGTERM');
  expect(await exited, `stderr: ${stderr}`).toBe(0);
  expect(stdout.trim().split('\n'), stdout).toHaveLength(1);
  expect(stderr).toBe('');
  // A cleanly closed WAL database leaves no -wal file behind.
  expect(existsSync(`${dbPath}-wal`)).toBe(false);
});

it('backs the database up soon after starting, into backups/ beside it', async () => {
  const dbPath = join(dir, 'seeded', 'duizhao.db');
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['server/main.ts', '--dev'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DUIZHAO_DB: dbPath, DUIZHAO_NOW: '2026-03-02T09:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // The seed makes the database worth a copy; the server says where it put it.
  const line = await new Promise<string>((done, fail) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /duizhao: backed up the database to (.+)\n/.exec(stderr);
      if (m) done(m[1]!);
    });
    void exited.then((code) => fail(new Error(`exited ${code}: ${stderr}`)));
  });
  expect(line).toBe(join(dir, 'seeded', 'backups', 'duizhao-20260302-090000.db'));
  expect(existsSync(line)).toBe(true);
  child.kill('SIGTERM');
  expect(await exited, `stderr: ${stderr}`).toBe(0);
});
