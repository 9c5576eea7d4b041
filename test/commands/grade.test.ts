import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../server/commands/grade.ts';
import { CliError } from '../../server/commands/cli-error.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/cli.ts', 'grade', '--jsonl'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const lines = (...objects: unknown[]): string => objects.map((o) => (typeof o === 'string' ? o : JSON.stringify(o))).join('\n') + '\n';

async function inProcess(input: string): Promise<unknown[]> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (d) => (text += d));
  await run(['--jsonl'], { input: Readable.from([input]), output });
  return text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

describe('cli grade --jsonl', () => {
  it('prints one result per line, in order, with term coverage when terms are given', async () => {
    const { code, stdout, stderr } = await cli(
      lines(
        { reference: 'We must uphold the rule of law.', answer: 'We must uphold the rule of law.', direction: 'zh-en' },
        { reference: '我们将推动高质量发展。', answer: '今天天气很好。', direction: 'en-zh' },
        {
          reference: 'We must deepen reform and opening up.',
          answer: 'We must deepen reform.',
          direction: 'zh-en',
          terms: [{ zh: '改革开放', en: 'reform and opening up', variants: ['reform and opening-up'] }],
        },
      ),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ score: 1, suggestion: 4 });
    expect(out[1].suggestion).toBe(1);
    expect(out[1].score).toBeLessThan(0.3);
    expect(out[2].terms).toEqual([{ zh: '改革开放', status: 'missing', found: null }]);
    expect(out[2].suggestion).toBeLessThanOrEqual(2);
  }, 90_000);

  it('stops at the first malformed line: exit 2, "line N" on stderr, earlier lines printed', async () => {
    const { code, stdout, stderr } = await cli(
      lines({ reference: 'Follow me.', answer: 'Follow me.', direction: 'zh-en' }, '', '{"reference":"x","answer":"y","direction":"fr-en"}', {
        reference: 'a',
        answer: 'a',
        direction: 'zh-en',
      }),
    );
    expect(code).toBe(2);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^duizhao: line 3: "direction": /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  }, 90_000);
});

describe('grade command in process', () => {
  it.each([
    ['{"reference":"a","answer":"b"', /^line 1: not valid JSON$/],
    ['{"reference":"a","direction":"zh-en"}', /^line 1: "answer": /],
    ['[1,2]', /^line 1: /],
    ['{"reference":"a","answer":"b","direction":"zh-en","terms":[{"zh":"改革"}]}', /^line 1: "terms\.0": a term needs "en"/],
  ])('rejects %j', async (line, message) => {
    await expect(inProcess(line + '\n')).rejects.toThrow(message);
    await expect(inProcess(line + '\n')).rejects.toBeInstanceOf(CliError);
  });

  it('needs --jsonl', async () => {
    await expect(run([], { input: Readable.from(['']), output: new PassThrough() })).rejects.toThrow(/usage: grade --jsonl/);
  });

  it('streams many lines in order, skipping blank ones and a BOM', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ reference: `Line ${i} is here.`, answer: i % 2 ? `Line ${i} is here.` : '', direction: 'zh-en' }),
    );
    const out = (await inProcess('\uFEFF' + many.join('\n\n') + '\n')) as { score: number }[];
    expect(out).toHaveLength(2000);
    expect(out.map((o) => o.score)).toEqual(Array.from({ length: 2000 }, (_, i) => (i % 2 ? 1 : 0)));
  }, 60_000);
});
