import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { contentHash, extract, extractFiles } from '../../server/extract/index.ts';
import { InvalidInputError } from '../../server/errors.ts';

const seedPath = new URL('../../seeds/cyber-ecosystem-governance.en-zh.txt', import.meta.url);
const seedText = readFileSync(seedPath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'duizhao-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract', () => {
  const progress: [number, number][] = [];
  const result = extract({ text: seedText, onProgress: (done, total) => progress.push([done, total]) });

  it('turns the seed into its 27 sentence pairs and terms whose occurrences point into them', () => {
    expect(result.format).toBe('interleaved');
    expect(result.sentences).toHaveLength(27);
    expect(result.terms.length).toBeGreaterThan(10);
    const governance = result.terms.find((t) => t.zh === '网络生态治理');
    expect(governance?.en).toMatch(/governance/);
    for (const term of result.terms) {
      for (const o of term.occurrences) expect(result.sentences[o.sentence].zh.slice(o.zhStart, o.zhEnd)).toBe(term.zh);
    }
  });

  it('reports progress that only grows and ends complete', () => {
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every(([done, total], k) => done <= total && (k === 0 || done >= progress[k - 1][0]))).toBe(true);
    expect(progress[progress.length - 1][0]).toBe(progress[progress.length - 1][1]);
  });

  it('reads the same document with CRLF and a BOM, or with Chinese first, into the same pairs', () => {
    const crlf = extract({ text: '\uFEFF' + seedText.replace(/\n/g, '\r\n') });
    expect(crlf.sentences.map((s) => [s.zh, s.en])).toEqual(result.sentences.map((s) => [s.zh, s.en]));
    const lines = seedText.split('\n');
    const swapped = lines.map((_, k) => lines[k % 2 === 0 ? k + 1 : k - 1]).join('\n');
    expect(extract({ text: swapped }).sentences.map((s) => s.en)).toEqual(result.sentences.map((s) => s.en));
  });

  it.each([
    ['an empty text', { text: '  \n\n' }, /the input is empty/],
    ['an empty second file', { text: 'Hello.', text2: '\n' }, /the second file is empty/],
    ['two-files without a second text', { text: 'Hello.\n你好。', format: 'two-files' as const }, /needs a second file/],
  ])('refuses %s', (_, input, message) => {
    expect(() => extract(input)).toThrow(InvalidInputError);
    expect(() => extract(input)).toThrow(message);
  });
});

describe('extractFiles', () => {
  it('reads a GBK file and gives the hash of its text', async () => {
    const path = join(dir, 'gbk.txt');
    const text = 'Cyber ecosystem governance is a systematic project.\n网络生态治理是一项系统工程。\n';
    writeFileSync(path, iconv.encode(text, 'gbk'));
    const result = await extractFiles(path);
    expect(result.sentences.map((s) => s.zh)).toEqual(['网络生态治理是一项系统工程。']);
    expect(result.contentHash).toBe(contentHash(text));
  });

  it('reads two monolingual files, in either order', async () => {
    const zh = join(dir, 'a.zh.txt');
    const en = join(dir, 'a.en.txt');
    writeFileSync(zh, '要加强引导。促使其担负社会责任。\n习近平强调,网络生态治理在国家治理中占有重要地位。\n');
    writeFileSync(en, 'We must strengthen guidance. We must urge them to shoulder social responsibilities.\nXi Jinping emphasized that online ecosystem governance holds a vital position in national governance.\n');
    const a = await extractFiles(en, zh);
    const b = await extractFiles(zh, en);
    expect(a.format).toBe('two-files');
    expect(a.sentences.map((s) => [s.paragraph, s.sentence, s.zh])).toEqual([
      [0, 0, '要加强引导。'],
      [0, 1, '促使其担负社会责任。'],
      [1, 0, '习近平强调,网络生态治理在国家治理中占有重要地位。'],
    ]);
    expect(b.sentences).toEqual(a.sentences);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('names a missing file in one line', async () => {
    await expect(extractFiles(join(dir, 'nope.txt'))).rejects.toThrow(/cannot read .*nope\.txt: no such file/);
  });
});

describe('contentHash', () => {
  it('is the same for the same text saved by another editor, and differs for other text', () => {
    const base = contentHash('Hello.\n你好。');
    expect(contentHash('\uFEFFHello.\r\n你好。\r\n')).toBe(base);
    expect(contentHash('Hello.  \n你好。\n\n')).toBe(base);
    expect(contentHash('Hello.\n您好。')).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
