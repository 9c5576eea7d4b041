import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { run } from '../../server/commands/extract.ts';
import { CliError } from '../../server/commands/cli-error.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = join(root, 'seeds/cyber-ecosystem-governance.en-zh.txt');
const dir = mkdtempSync(join(tmpdir(), 'duizhao-cli-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function runExtract(args: string[]): Promise<{ out: string; err: string }> {
  let out = '';
  let err = '';
  await run(args, { out: (t) => (out += t), err: (t) => (err += t), errIsTty: false });
  return { out, err };
}

function jsonLines(out: string): Record<string, unknown>[] {
  return out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

const pair = ['Cyber ecosystem governance is a systematic project.', '网络生态治理是一项系统工程。'];

describe('cli extract, each input format (in process)', () => {
  it.each([
    ['interleaved', file('pairs.txt', `${pair[0]}\n${pair[1]}\n`), []],
    ['TSV', file('pairs.tsv', `${pair[0]}\t${pair[1]}\tCC-BY 2.0 (France) Attribution: tatoeba.org #1 (a) & #2 (b)\n`), []],
    ['CSV with a header', file('pairs.csv', `0,1\n${pair[1]},"${pair[0]}"\n`), []],
    ['TMX', file('pairs.tmx', `<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>${pair[0]}</seg></tuv><tuv xml:lang="zh-CN"><seg>${pair[1]}</seg></tuv></tu></body></tmx>`), []],
    ['two files', file('one.en.txt', pair[0]), [file('one.zh.txt', pair[1])]],
    ['GBK text', file('gbk.txt', iconv.encode(`${pair[0]}\r\n${pair[1]}\r\n`, 'gbk')), []],
    ['UTF-16 text', file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${pair[0]}\n${pair[1]}`, 'utf16le')])), []],
  ])('%s → the sentence pair as JSON Lines', async (_, path, more) => {
    const { out, err } = await runExtract([path, ...more, '--json']);
    const lines = jsonLines(out);
    expect(lines[0]).toEqual({ type: 'sentence', zh: pair[1], en: pair[0] });
    expect(err).toBe('');
  });

  it.each([
    ['a Word table', [join(root, 'test/fixtures/office/seed-table.docx')]],
    ['a Word document a language', [join(root, 'test/fixtures/office/seed-zh.docx'), join(root, 'test/fixtures/office/seed-en.docx')]],
  ])('%s (.docx) → its sentence pairs, the seed’s first', async (_, paths) => {
    const { out, err } = await runExtract([...paths, '--json']);
    const first = jsonLines(out)[0]!;
    expect(first).toMatchObject({ type: 'sentence', zh: '中共中央政治局11月28日下午就加强网络生态治理进行第二十三次集体学习。' });
    expect(err).toBe('');
  });

  it('says on stderr which sheets of a workbook it read, the JSON Lines on stdout as ever', async () => {
    const { out, err } = await runExtract([join(root, 'test/fixtures/office/glossary.xlsx'), '--json']);
    expect(err).toBe('read the sheets “Glossary”, “Economy”; left out “Notes” (not Chinese and English), “Lookup” (hidden)\n');
    expect(jsonLines(out).map((l) => (l as { zh: string }).zh)).toEqual(['网络生态治理', '风清气正', '自媒体', '高质量发展', '新质生产力']);
  });

  it('reads subtitles, a Chinese and an English file paired by their times', async () => {
    const zh = file('talk.zh.srt', '1\r\n00:00:01,000 --> 00:00:04,000\r\n' + pair[1] + '\r\n');
    const en = file('talk.en.vtt', 'WEBVTT\n\n00:01.300 --> 00:04.300\n' + pair[0] + '\n');
    const { out, err } = await runExtract([en, zh, '--json']);
    expect(jsonLines(out)[0]).toEqual({ type: 'sentence', zh: pair[1], en: pair[0] });
    expect(err).toBe('');
  });

  it('honours --format over detection', async () => {
    // Tab-separated, but told to read it as interleaved lines: one line holds both languages.
    const path = file('forced.txt', `${pair[0]}\t${pair[1]}\n`);
    await expect(runExtract([path, '--format', 'tsv', '--json'])).resolves.toBeTruthy();
    await expect(runExtract([path, '--format=interleaved'])).rejects.toThrow(/^line 1: Chinese paragraph has no English translation after it/);
  });

  it('prints a readable table without --json', async () => {
    const { out } = await runExtract([seed]);
    expect(out).toMatch(/^27 sentence pairs\n 1  中共中央政治局11月28日/);
    expect(out).toMatch(/\n\d+ terms\nterm +pinyin +count +score +English \(variants\)\n/);
    expect(out).toMatch(/网络生态治理 +wǎng luò shēng tài zhì lǐ/);
  });

  it('prints its usage on --help, on stdout', async () => {
    expect((await runExtract(['--help'])).out).toMatch(/^usage: extract FILE \[FILE2\] \[--json\] \[--format /);
  });

  it('refuses a file over the size limit without reading it', async () => {
    // A sparse 120 MB file: nothing is written to disk, and nothing should be read either.
    const path = file('huge.txt', '');
    truncateSync(path, 120 * 1024 * 1024);
    await expect(runExtract([path])).rejects.toThrow(/huge\.txt: input is 120\.0 MB; the limit is 50 MB/);
  });

  it('draws progress on a terminal only, on stderr, and clears it before printing', async () => {
    const lines = Array.from({ length: 3000 }, (_, k) => `Article ${k + 1} applies.\t第${k + 1}条适用。`).join('\n');
    const path = file('many.tsv', lines);
    let out = '';
    let err = '';
    let ms = 0;
    // A clock where every look takes a second: the run is "long", so the bar is drawn.
    const clock = () => (ms += 1000);
    await run([path, '--json'], { out: (t) => (out += t), err: (t) => (err += t), errIsTty: true, clock });
    expect(out.split('\n')[0]).toBe(JSON.stringify({ type: 'sentence', zh: '第1条适用。', en: 'Article 1 applies.' }));
    expect(out).not.toContain('extracting');
    expect(err).toMatch(/^\rextracting \[[#.]{30}\] +\d+%\x1b\[K/);
    expect(err).toContain('extracting [##############################] 100%');
    expect(err.endsWith('\r\x1b[K')).toBe(true);
    // The same run with stderr redirected to a file draws nothing.
    let quiet = '';
    await run([path, '--json'], { out: () => {}, err: (t) => (quiet += t), errIsTty: false, clock });
    expect(quiet).toBe('');
  });

  it.each([
    ['no file', [], /^usage: extract FILE/],
    ['three files', ['a', 'b', 'c'], /not 3/],
    ['an unknown option', [seed, '--jsn'], /unknown option --jsn/],
    ['an unknown format', [seed, '--format', 'docx'], /--format must be one of interleaved, tsv, csv, tmx, tbx, glossary, subtitles, two-files/],
    ['a missing file', [join(dir, 'missing.txt')], /missing\.txt: no such file/],
    ['an empty file', [file('empty.txt', '')], /the input is empty/],
    ['a binary file', [file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1]))], /binary/],
    ['a line without its translation', [file('unpaired.txt', `${pair[0]}\n${pair[1]}\nA second English line.\nAnd a third.\n`)], /^line 3: English paragraph has no Chinese translation/],
    ['malformed TMX', [file('broken.tmx', '<tmx>\n<body>\n<tu>\n</body>\n</tmx>')], /^line 4: closing tag <\/body> does not match <tu> opened on line 3/],
    ['two English files', [file('x.en.txt', pair[0]), file('y.en.txt', pair[0])], /both files are English/],
  ])('refuses %s with a one-line CliError', async (_, args, message) => {
    const error = await runExtract(args).then(() => null, (err: unknown) => err);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

// Real processes: what a user's shell sees (exit code, stdout, one stderr line). Few: each costs ~1 s.
describe('cli extract, as a process', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/cli.ts'), 'extract', ...args], { cwd: root, encoding: 'utf8' });

  it('prints the seed as JSON Lines: sentences, then terms, in the contract shape', () => {
    const res = cli(seed, '--json');
    expect(res.status).toBe(0);
    expect(res.stderr).toBe('');
    const lines = jsonLines(res.stdout);
    const sentences = lines.filter((l) => l.type === 'sentence');
    const terms = lines.filter((l) => l.type === 'term');
    expect(sentences).toHaveLength(27);
    expect(lines.slice(0, 27).every((l) => l.type === 'sentence')).toBe(true);
    expect(Object.keys(sentences[0])).toEqual(['type', 'zh', 'en']);
    expect(terms.length).toBeGreaterThan(10);
    for (const t of terms) expect(Object.keys(t)).toEqual(['type', 'zh', 'en', 'variants', 'pinyin', 'count', 'score']);
  });

  it.each([
    ['a line that cannot be paired', [file('bad.txt', `${pair[0]}\n${pair[1]}\nOne more.\nAnd more.\n`)], /^duizhao: line 3: English paragraph has no Chinese translation/],
    ['a binary file', [file('bin.dat', Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 0, 0]))], /^duizhao: this looks like a binary file, not text$/],
  ])('exits 2 with one stderr line for %s', (_, args, message) => {
    const res = cli(...args);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(res.stderr.trimEnd()).toMatch(message);
  });

  it('prints the terms of a TBX termbase, and no sentences', () => {
    const tbx = file('glossary.tbx', `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><text><body>
  <termEntry><langSet xml:lang="zh-CN"><tig><term>数据安全</term></tig></langSet>
    <langSet xml:lang="en"><tig><term>data security</term></tig><tig><term>data safety</term></tig></langSet></termEntry>
</body></text></martif>`);
    const res = cli(tbx, '--json');
    expect(res.status).toBe(0);
    expect(jsonLines(res.stdout)).toEqual([
      { type: 'term', zh: '数据安全', en: 'data security', variants: ['data safety'], pinyin: 'shù jù ān quán', count: 0, score: 1 },
    ]);
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    // Twenty copies of the seed: far more output than a pipe holds, so writing outlives the reader.
    const big = file('big.txt', Array.from({ length: 20 }, () => readFileSync(seed, 'utf8').trim()).join('\n\n'));
    // A real shell pipe, as a user types it; the CLI's own exit status comes from PIPESTATUS.
    const res = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx server/cli.ts extract "${big}" --json | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(res.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(res.stderr.trim()).toBe('status 0');
  });
});
