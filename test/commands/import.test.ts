// `cli import`: files into the database at DUIZHAO_DB, a one-line summary, duplicates said so, and
// every bad input a one-line CliError (exit 2) that leaves the database as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../../server/commands/cli-error.ts';
import { parseImportArgs, run } from '../../server/commands/import.ts';
import { extract } from '../../server/extract/index.ts';
import type { CommandIo } from '../../server/commands/io.ts';
import { openDatabase } from '../../server/store/index.ts';

const seed = fileURLToPath(new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url));
let dir: string;
let out: string;
let err: string;
let io: CommandIo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-import-'));
  out = '';
  err = '';
  io = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    errIsTty: false,
    env: { DUIZHAO_DB: join(dir, 'db', 'duizhao.db'), DUIZHAO_NOW: '2026-03-02T09:00:00Z' },
  };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function counts(): Record<string, number> {
  const db = openDatabase(io.env.DUIZHAO_DB!);
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { sources: count('sources'), segments: count('segments'), terms: count('terms'), cards: count('cards') };
  } finally {
    db.close();
  }
}

describe('cli import', () => {
  it('imports the seed with a summary, titled from the file name; a second import says it changed nothing', async () => {
    await run([seed], io);
    expect(out).toMatch(/^imported "Cyber ecosystem governance" \(source 1\): \d+ sentence pairs, \d+ terms \(\d+ new\), \d+ new cards\n$/);
    const [, sentences, terms, , cards] = /(\d+) sentence pairs, (\d+) terms \((\d+) new\), (\d+) new cards/.exec(out)!.map(Number);
    expect(counts()).toEqual({ sources: 1, segments: sentences, terms, cards });
    // Not a terminal: no progress bar escapes in a log.
    expect(err).toBe('');

    out = '';
    await run([seed, '--title', 'Again'], io);
    expect(out).toBe('already imported as "Cyber ecosystem governance" (source 1): nothing changed\n');
    expect(counts().sources).toBe(1);
  });

  it('leaves out the terms scored below --min-score, and keeps every sentence pair', async () => {
    const all = extract({ text: readFileSync(seed, 'utf8') });
    const kept = all.terms.filter((t) => Number(t.score.toFixed(2)) >= 0.5).map((t) => t.zh);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.terms.length);
    await run([seed, '--min-score', '0.5'], io);
    expect(out).toContain(`${all.sentences.length} sentence pairs, ${kept.length} terms`);
    const db = openDatabase(io.env.DUIZHAO_DB!);
    try {
      const stored = (db.prepare('SELECT zh FROM terms').all() as { zh: string }[]).map((r) => r.zh);
      expect(stored.sort()).toEqual(kept.sort());
      expect((db.prepare('SELECT count(*) AS n FROM segments').get() as { n: number }).n).toBe(all.sentences.length);
    } finally {
      db.close();
    }
  });

  it('draws a progress bar on a terminal and clears it', async () => {
    io.errIsTty = true;
    await run([seed, '--title=Seed'], io);
    expect(err).toMatch(/\r\[#+\.*\] +\d+% importing/);
    expect(err).toMatch(/100% importing/);
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    expect(out).toMatch(/^imported "Seed"/);
  });

  it('imports a GBK file and two monolingual files', async () => {
    const text = readFileSync(seed, 'utf8');
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(text, 'gbk'));
    await run([join(dir, 'gbk.txt')], io);
    expect(out).toMatch(/^imported "Gbk"/);

    const lines = text.split('\n');
    writeFileSync(join(dir, 'a.en.txt'), lines.filter((_, i) => i % 2 === 0).join('\n'));
    writeFileSync(join(dir, 'a.zh.txt'), lines.filter((_, i) => i % 2 === 1).join('\n'));
    out = '';
    await run([join(dir, 'a.en.txt'), join(dir, 'a.zh.txt'), '--title', 'Two files'], io);
    expect(out).toMatch(/^imported "Two files" \(source 2\)/);
  });

  it.each([
    [[], /^usage: import FILE/],
    [['a', 'b', 'c'], /not 3/],
    [['--title'], /--title needs a value/],
    [['x.txt', '--title', ''], /--title must not be empty/],
    [['x.txt', '--format', 'docx'], /--format must be one of/],
    [['x.txt', '--verbose'], /unknown option --verbose/],
    [['x.txt', '--min-score', '1.5'], /--min-score must be a number from 0 to 1, not 1.5/],
    [['x.txt', '--min-score=high'], /--min-score must be a number from 0 to 1, not high/],
    [['x.txt', '--min-score', '-0.2'], /--min-score must be a number from 0 to 1, not -0.2/],
  ])('refuses the arguments %j', (args, message) => {
    expect(() => parseImportArgs(args)).toThrow(message);
  });

  it.each([
    ['a missing file', () => join(dir, 'missing.txt'), /missing\.txt: no such file/],
    ['a directory', () => dir, /is a directory/],
    ['an empty file', () => (writeFileSync(join(dir, 'empty.txt'), '  \n'), join(dir, 'empty.txt')), /empty\.txt: .*empty/],
    ['a binary file', () => (writeFileSync(join(dir, 'b.bin'), new Uint8Array([0x89, 0x50, 0, 0, 1, 2, 3, 0])), join(dir, 'b.bin')), /b\.bin: .*binary/],
    ['unpaired English lines', () => (writeFileSync(join(dir, 'en.txt'), 'Only English.\nStill English.\n'), join(dir, 'en.txt')), /./],
  ])('refuses %s with a one-line CliError and stores nothing', async (_name, make, message) => {
    const before = counts();
    const error = await run([make()], io).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
    expect(counts()).toEqual(before);
  });

  it('refuses a bad DUIZHAO_NOW as a CliError', async () => {
    io.env.DUIZHAO_NOW = 'tomorrow';
    await expect(run([seed], io)).rejects.toThrow(CliError);
  });
});

describe('cli import of a TBX termbase', () => {
  it('stores its terms, the user\'s, with cards both ways, and says so in the singular where it is one', async () => {
    const tbx = join(dir, 'glossary.tbx');
    writeFileSync(
      tbx,
      `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry><langSet xml:lang="zh-CN"><tig><term>数据安全</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>data security</term></tig></langSet></termEntry>
</body></text></martif>`,
    );
    await run([tbx], io);
    expect(out).toBe('imported "Glossary" (source 1): 0 sentence pairs, 1 term (1 new), 2 new cards\n');
    expect(counts()).toEqual({ sources: 1, segments: 0, terms: 1, cards: 2 });
    const db = openDatabase(io.env.DUIZHAO_DB!);
    try {
      expect(db.prepare('SELECT zh, en, origin FROM terms').all()).toEqual([{ zh: '数据安全', en: 'data security', origin: 'user' }]);
    } finally {
      db.close();
    }
  });
});
