// `cli extract FILE [FILE2] [--json] [--format F]`: the sentence pairs and terms of a bilingual
// text (or of two monolingual files), as JSON Lines or as a table for reading.
import { DomainError } from '../errors.ts';
import { extractFiles, inputFormats, type Extraction, type InputFormat, type WorkbookLayout } from '../extract/index.ts';
import { CliError } from './cli-error.ts';

export interface ExtractIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress bars only on a terminal: a log file full of carriage returns helps nobody. */
  errIsTty: boolean;
  /** Milliseconds, for the progress bar's delay; performance.now by default. */
  clock?: () => number;
}

const defaultIo: ExtractIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
};

export interface ExtractArgs {
  files: string[];
  json: boolean;
  format?: InputFormat;
}

const usage = 'usage: extract FILE [FILE2] [--json] [--format interleaved|tsv|csv|tmx|tbx|glossary|subtitles|two-files]';

export function parseExtractArgs(args: string[]): ExtractArgs {
  const out: ExtractArgs = { files: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (!value || !(inputFormats as readonly string[]).includes(value)) {
        throw new CliError(`--format must be one of ${inputFormats.join(', ')}`);
      }
      out.format = value as InputFormat;
    } else if (arg.startsWith('--')) throw new CliError(`unknown option ${arg} (${usage})`);
    else out.files.push(arg);
  }
  if (out.files.length === 0) throw new CliError(usage);
  if (out.files.length > 2) throw new CliError(`extract takes one bilingual file or two monolingual files, not ${out.files.length}`);
  if (out.files.length === 2 && out.format && out.format !== 'two-files' && out.format !== 'subtitles') {
    throw new CliError(`two files are read as --format two-files (or subtitles), not ${out.format}`);
  }
  return out;
}

export async function run(args: string[], io: ExtractIo = defaultIo): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(usage + '\n');
    return;
  }
  const parsed = parseExtractArgs(args);
  const bar = progressBar(io);
  let result: Extraction & { workbook?: WorkbookLayout };
  try {
    result = await extractFiles(parsed.files[0], parsed.files[1], { format: parsed.format, onProgress: bar.update });
  } catch (err) {
    // The user's input is wrong: one line and exit code 2, never a stack trace.
    if (err instanceof DomainError) throw new CliError(err.message);
    throw err;
  } finally {
    bar.done();
  }
  // A workbook's sheets: said on stderr, so the JSON Lines on stdout stay as the contract has them.
  if (result.workbook) io.err(`${sheetsLine(result.workbook)}\n`);
  io.out(parsed.json ? toJsonLines(result) : toTable(result));
}

/** "read the sheets “A” and “B”; left out “Notes” (not Chinese and English), “Lookup” (hidden)". */
export function sheetsLine(workbook: WorkbookLayout): string {
  const names = (list: string[]) => list.map((n) => `“${n}”`).join(', ');
  const skipped = workbook.skipped.map((s) => `“${s.name}” (${s.reason})`).join(', ');
  return `read the sheet${workbook.read.length === 1 ? '' : 's'} ${names(workbook.read)}${skipped ? `; left out ${skipped}` : ''}`;
}

/** The JSON Lines contract of DESIGN.md: sentences first, then terms, keys in this order. */
export function toJsonLines(result: Extraction): string {
  const lines: string[] = [];
  for (const s of result.sentences) lines.push(JSON.stringify({ type: 'sentence', zh: s.zh, en: s.en }));
  for (const t of result.terms) {
    lines.push(
      JSON.stringify({ type: 'term', zh: t.zh, en: t.en, variants: t.variants, pinyin: t.pinyin, count: t.count, score: t.score }),
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** Terminal columns a string takes: Han and full-width forms take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function toTable(result: Extraction): string {
  const out: string[] = [];
  out.push(`${result.sentences.length} sentence pairs`);
  const number = String(result.sentences.length).length;
  let paragraph = -1;
  result.sentences.forEach((s, k) => {
    if (s.paragraph !== paragraph && k > 0) out.push('');
    paragraph = s.paragraph;
    const id = String(k + 1).padStart(number);
    const flag = s.score < 0.3 ? '  (check this pair)' : '';
    out.push(`${id}  ${s.zh}${flag}`);
    out.push(`${' '.repeat(number)}  ${s.en}`);
  });
  out.push('');
  out.push(`${result.terms.length} terms`);
  if (result.terms.length) {
    const zhWidth = Math.min(16, Math.max(4, ...result.terms.map((t) => displayWidth(t.zh))));
    const pyWidth = Math.min(28, Math.max(6, ...result.terms.map((t) => displayWidth(t.pinyin))));
    out.push(`${pad('term', zhWidth)}  ${pad('pinyin', pyWidth)}  count  score  English (variants)`);
    for (const t of result.terms) {
      const variants = t.variants.length ? ` (${t.variants.join('; ')})` : '';
      out.push(
        `${pad(t.zh, zhWidth)}  ${pad(t.pinyin, pyWidth)}  ${String(t.count).padStart(5)}  ${t.score.toFixed(2).padStart(5)}  ${t.en}${variants}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

// Drawn only once a run has taken a while: a small file is done before a bar would help, while a
// few thousand pairs take seconds.
const progressDelayMs = 400;

function progressBar(io: ExtractIo): { update: (done: number, total: number) => void; done: () => void } {
  let shown = '';
  const clock = io.clock ?? (() => performance.now());
  const started = clock();
  return {
    update(done, total) {
      if (!io.errIsTty || total <= 0 || clock() - started < progressDelayMs) return;
      const f = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(f * width);
      const line = `extracting [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`;
      if (line === shown) return;
      shown = line;
      io.err(`\r${line}\x1b[K`);
    },
    done() {
      if (shown) io.err('\r\x1b[K');
      shown = '';
    },
  };
}
