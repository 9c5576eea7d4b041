import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importText, listSources, seedIfEmpty, titleFromFileName } from '../../server/library/index.ts';
import { tempDb, type TempDb } from './fixtures.ts';

const seedsDir = fileURLToPath(new URL('../../seeds', import.meta.url));
const now = new Date('2026-03-02T08:00:00Z');
let t: TempDb;
afterEach(() => t?.close());

describe('seedIfEmpty', () => {
  it('imports the shipped seed article into an empty database, once', () => {
    t = tempDb();
    const [seeded, ...rest] = seedIfEmpty(t.db, seedsDir, now);
    expect(rest).toEqual([]);
    expect(seeded.source.title).toBe('Cyber ecosystem governance');
    expect(seeded.counts.sentences).toBeGreaterThan(20);
    expect(seeded.counts.cards).toBeGreaterThan(40);
    expect(seedIfEmpty(t.db, seedsDir, now)).toEqual([]);

    // The same text pasted again (with Windows line endings) is recognised as already imported.
    const text = readFileSync(`${seedsDir}/cyber-ecosystem-governance.en-zh.txt`, 'utf8').replace(/\n/g, '\r\n');
    const again = importText(t.db, { title: 'Pasted', text, now });
    expect(again.duplicate).toBe(true);
    expect(listSources(t.db, now)).toHaveLength(1);
  });
});

describe('titleFromFileName', () => {
  it.each([
    ['cyber-ecosystem-governance.en-zh.txt', 'Cyber ecosystem governance'],
    ['report_2024.tsv', 'Report 2024'],
    ['news.txt', 'News'],
  ])('%s -> %s', (file, title) => expect(titleFromFileName(file)).toBe(title));
});
