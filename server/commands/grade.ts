// `grade --jsonl`: one {"reference","answer","direction","terms"?,"source"?} per stdin line, one
// {"score","suggestion","terms"?} per stdout line, in order, streamed (a file of any size runs
// in constant memory). Blank lines are skipped. The first malformed line stops the run with
// exit code 2 and "line N: …" on stderr; the lines before it have already been printed.
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { z } from 'zod';
import { gradeTranslation, serverEvidence } from '../grading/index.ts';
import { CliError } from './cli-error.ts';

const termSchema = z
  .object({
    zh: z.string().min(1),
    en: z.string().optional(),
    variants: z.array(z.string()).optional(),
    accepted: z.array(z.string()).optional(),
  })
  .refine((t) => t.en !== undefined || t.accepted !== undefined, 'a term needs "en" (or "accepted")');

const lineSchema = z.object({
  reference: z.string(),
  answer: z.string(),
  direction: z.enum(['zh-en', 'en-zh']),
  terms: z.array(termSchema).optional(),
  source: z.string().optional(),
});

export interface GradeStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export async function run(
  args: string[],
  streams: GradeStreams = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const unknown = args.filter((a) => a !== '--jsonl');
  if (!args.includes('--jsonl') || unknown.length) {
    throw new CliError('usage: grade --jsonl  (JSON Lines on stdin: {"reference","answer","direction"})');
  }
  const evidence = serverEvidence();
  const lines = createInterface({ input: streams.input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(n === 1 ? line.replace(/^\uFEFF/, '') : line);
    } catch {
      throw new CliError(`line ${n}: not valid JSON`);
    }
    const checked = lineSchema.safeParse(parsed);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue.path.length ? `"${issue.path.join('.')}": ` : '';
      throw new CliError(`line ${n}: ${where}${issue.message}`);
    }
    const { reference, answer, direction, terms, source } = checked.data;
    const result = gradeTranslation(
      {
        reference,
        answer,
        direction,
        source,
        terms,
      },
      evidence,
    );
    const out = { score: result.score, suggestion: result.suggestion, ...(result.terms ? { terms: result.terms } : {}) };
    if (!streams.output.write(JSON.stringify(out) + '\n')) await once(streams.output, 'drain');
  }
}
