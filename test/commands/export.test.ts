// `cli export`: the termbase of DUIZHAO_DB on stdout or into a file, TBX by default or CSV, and
// every bad argument a one-line CliError (exit 2).
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../../server/commands/cli-error.ts';
import { parseExportArgs, run } from '../../server/commands/export.ts';
import { run as runImport } from '../../server/commands/import.ts';
import type { CommandIo } from '../../server/commands/io.ts';

const seed = fileURLToPath(new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url));
const templateDir = mkdtempSync(join(tmpdir(), 'duizhao-export-template-'));
const template = join(templateDir, 'duizhao.db');
let dir: string;
let out: string;
let err: string;
let io: CommandIo;

function ioFor(dbPath: string): CommandIo {
  return { out: (s) => (out += s), err: (s) => (err += s), errIsTty: false, env: { DUIZHAO_DB: dbPath, DUIZHAO_NOW: '2026-03-02T09:00:00Z' } };
}

beforeAll(async () => {
  out = '';
  err = '';
  // The seed imported once through the CLI, copied for each test.
  await runImport([seed], ioFor(template));
  return () => rmSync(templateDir, { recursive: true, force: true });
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-export-'));
  copyFileSync(template, join(dir, 'duizhao.db'));
  out = '';
  err = '';
  io = ioFor(join(dir, 'duizhao.db'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cli export', () => {
  it('prints the termbase as TBX-Basic by default', async () => {
    await run([], io);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<martif type="TBX-Basic" xml:lang="zh-CN">/);
    expect(out).toContain('<term>网络生态治理</term>');
    expect(out.trimEnd().endsWith('</martif>')).toBe(true);
    expect(err).toBe('');
  });

  it('writes CSV into a file with --out, saying where', async () => {
    const file = join(dir, 'terms.csv');
    await run(['--format', 'csv', '--out', file], io);
    expect(out).toBe('');
    expect(err).toBe(`duizhao: wrote ${file}\n`);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFzh,pinyin,en,variants,note,count,status,context_zh,context_en\r\n')).toBe(true);
    expect(csv).toMatch(/\r\n网络生态治理,wǎng luò shēng tài zhì lǐ,/);
  });

  it("prints one source's terms with --source, and refuses an unknown source in one line", async () => {
    await run(['--source', '1', '--format', 'csv'], io);
    const rows = out.trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBeGreaterThan(20);
    expect(out).toMatch(/\r\n网络生态治理,/);
    await expect(run(['--source', '99'], io)).rejects.toThrow(/no source 99/);
  });

  it.each<[string[], RegExp]>([
    [['--source', 'seed'], /--source needs a source id/],
    [['--source'], /--source needs a source id/],
    [['--format', 'xlsx'], /unknown format "xlsx": tbx or csv/],
    [['--format'], /--format needs a value/],
    [['--out', '--all'], /--out needs a value/],
    [['terms.tbx'], /unknown argument terms.tbx/],
  ])('refuses %j', (args, message) => {
    expect(() => parseExportArgs(args)).toThrow(CliError);
    expect(() => parseExportArgs(args)).toThrow(message);
  });

  it('refuses a database that does not exist, creating nothing', async () => {
    const missing = join(dir, 'nowhere', 'duizhao.db');
    await expect(run([], ioFor(missing))).rejects.toThrow(/no database at/);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a file it cannot write, in one line', async () => {
    await expect(run(['--out', join(dir, 'no-such-dir', 'terms.tbx')], io)).rejects.toThrow(/^cannot write .*: ENOENT$/);
  });
});
