// `cli sources` lists what was imported, with the ids `cli sources delete` takes; a deletion says
// what went, and bad arguments are one-line CliErrors (exit 2) that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from '../../server/commands/cli-error.ts';
import { run as runImport } from '../../server/commands/import.ts';
import type { CommandIo } from '../../server/commands/io.ts';
import { run } from '../../server/commands/sources.ts';
import type { SourceSummary } from '../../server/http/api-types.ts';
import { openDatabase } from '../../server/store/index.ts';

const seed = fileURLToPath(new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url));
let dir: string;
let out: string;
let io: CommandIo;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duizhao-sources-'));
  out = '';
  io = { out: (s) => (out += s), err: () => {}, errIsTty: false, env: { DUIZHAO_DB: join(dir, 'duizhao.db'), DUIZHAO_NOW: '2026-03-02T09:00:00Z' } };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tables(): Record<string, number> {
  const db = openDatabase(io.env.DUIZHAO_DB!);
  try {
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { sources: n('sources'), segments: n('segments'), terms: n('terms'), cards: n('cards'), reviews: n('reviews') };
  } finally {
    db.close();
  }
}

async function importSeed(): Promise<SourceSummary> {
  await runImport([seed, '--title', 'Cyber governance'], io);
  out = '';
  await run(['--json'], io);
  const { sources } = JSON.parse(out) as { sources: SourceSummary[] };
  out = '';
  return sources[0]!;
}

describe('cli sources', () => {
  it('lists the sources with their ids, and deletes one by id', async () => {
    const source = await importSeed();
    await run([], io);
    expect(out).toBe(
      `${source.id}  Cyber governance · ${source.sentences} sentence pairs, ${source.terms} terms (0 mastered), ${source.cards} cards · imported 2026-03-02\n`,
    );
    out = '';
    await run(['delete', String(source.id)], io);
    expect(out).toMatch(new RegExp(`^deleted “Cyber governance”: ${source.sentences} sentence pairs, \\d+ terms, \\d+ cards; the answers stay in the statistics\\n$`));
    expect(tables()).toEqual({ sources: 0, segments: 0, terms: 0, cards: 0, reviews: 0 });
    out = '';
    await run([], io);
    expect(out).toBe('no sources yet: `import FILE` adds one\n');
  });

  it('keeps the terms with --keep-terms', async () => {
    const source = await importSeed();
    const before = tables();
    await run(['delete', '--keep-terms', String(source.id)], io);
    expect(out).toMatch(/, 0 terms, /);
    expect(tables().terms).toBe(before.terms);
  });

  it('exports the sentence pairs as TMX or TSV, to stdout or a file', async () => {
    const source = await importSeed();
    await run(['export', String(source.id)], io);
    const units = out.match(/<tu /g)!.length;
    expect(units).toBeGreaterThan(20);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    out = '';
    const file = join(dir, 'pairs.tsv');
    await run(['export', String(source.id), '--format', 'tsv', '--out', file], io);
    expect(out).toBe('');
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(units);
    expect(lines.every((l) => l.split('\t').length === 2)).toBe(true);
    expect(lines[0]).toMatch(/^中共中央政治局.+\tOn the afternoon of November 28/);
  });

  it.each([
    [['export', '99'], /no source 99/],
    [['export', '1', '--format', 'xml'], /unknown format "xml": tmx or tsv/],
    [['export', '1', '--out'], /--out needs a value/],
    [['export'], /one source id/],
    [['delete', '99'], /no source 99/],
    [['delete', 'abc'], /one source id, a whole number/],
    [['delete'], /one source id/],
    [['delete', '1', '2'], /one source id/],
    [['delete', '1', '--force'], /unknown argument --force/],
    [['--all'], /unknown argument --all/],
  ])('refuses %j in one line and changes nothing', async (args, message) => {
    await importSeed();
    const before = tables();
    const err = await run(args, io).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(message);
    expect(tables()).toEqual(before);
  });

  it('says there is no database rather than making an empty one', async () => {
    await expect(run([], io)).rejects.toThrow(/no database at/);
    await expect(run(['delete', '1'], io)).rejects.toThrow(/no database at/);
  });
});
