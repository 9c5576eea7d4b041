// `cli backup`: a copy of DUIZHAO_DB that opens with the same content; bad arguments and targets
// are one-line CliErrors.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/commands/backup.ts';
import { run as restore } from '../../server/commands/restore.ts';
import { CliError } from '../../server/commands/cli-error.ts';
import type { CommandIo } from '../../server/commands/io.ts';
import { openDatabase } from '../../server/store/index.ts';

let dir: string;
let out = '';
let io: CommandIo;

/** A database with one source, and the command's output collected. */
function setup(): void {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-cli-backup-'));
  out = '';
  const env = { DUIZHAO_DB: join(dir, 'duizhao.db'), DUIZHAO_NOW: '2026-03-02T09:00:00Z' };
  io = { out: (s) => (out += s), err: () => {}, errIsTty: false, env };
  const db = openDatabase(env.DUIZHAO_DB);
  db.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES ('Cyber governance', 'tsv', 0, 'h')").run();
  db.close();
}
beforeEach(setup);
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const titles = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT title FROM sources').all();
  } finally {
    db.close();
  }
};

describe('cli backup', () => {
  it('copies the database into a file given, or into backups/ named by the time', async () => {
    const file = join(dir, 'copy.db');
    await run([file], io);
    expect(out).toBe(`backed up ${io.env.DUIZHAO_DB} to ${file}\n`);
    expect(titles(file)).toEqual([{ title: 'Cyber governance' }]);
    await run([], io);
    expect(readdirSync(join(dir, 'backups'))).toEqual(['duizhao-20260302-090000.db']);
  });

  it.each([
    [['--all'], /unknown argument --all/],
    [['a.db', 'b.db'], /at most one file/],
  ])('refuses %j', async (args, message) => {
    await expect(run(args, io)).rejects.toThrow(message);
  });

  it('refuses to overwrite a file, to write where it cannot, and a missing database', async () => {
    const taken = join(dir, 'taken.db');
    writeFileSync(taken, 'mine');
    await expect(run([taken], io)).rejects.toThrow(/exists: give another file name/);
    const err = await run([join(dir, 'taken.db', 'inside.db')], io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(/^cannot write /);
    await expect(run([], { ...io, env: { DUIZHAO_DB: join(dir, 'none.db') } })).rejects.toThrow(/no database at/);
  });
});

describe('cli restore', () => {
  it('puts a backup back and says where the content before it went', async () => {
    const file = join(dir, 'copy.db');
    await run([file], io);
    const db = openDatabase(io.env.DUIZHAO_DB!);
    db.prepare("INSERT INTO sources (title, format, imported_at, content_hash) VALUES ('Later text', 'tsv', 0, 'h2')").run();
    db.close();
    out = '';
    await restore([file], io);
    expect(out).toBe(
      `restored copy.db into ${io.env.DUIZHAO_DB}: 1 source, 0 terms, 0 cards, 0 reviews\n` +
        `what it held before is in ${join(dir, 'backups')}/duizhao-20260302-090000.db (restore that to undo)\n`,
    );
    expect(titles(io.env.DUIZHAO_DB!)).toEqual([{ title: 'Cyber governance' }]);
    expect(titles(join(dir, 'backups', 'duizhao-20260302-090000.db'))).toEqual([{ title: 'Cyber governance' }, { title: 'Later text' }]);
  });

  it.each([
    [[], /restore takes one backup file \(usage: restore FILE\)/],
    [['--force', 'x.db'], /unknown argument --force/],
    [['nowhere.db'], /nowhere\.db: no such file/],
  ])('refuses %j', async (args, message) => {
    await expect(restore(args, io)).rejects.toThrow(message);
    expect(titles(io.env.DUIZHAO_DB!)).toEqual([{ title: 'Cyber governance' }]);
  });

  it('refuses a file that is no backup, naming it', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a database');
    await expect(restore([file], io)).rejects.toThrow('notes.txt is not a database (a backup is an SQLite file)');
  });
});
