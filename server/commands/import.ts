// `cli import FILE [FILE2] [--title T] [--format F] [--min-score S]`: imports a bilingual file (or two monolingual
// files) into the database at DUIZHAO_DB, with a progress bar on a terminal and a one-line summary.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeDocument, type DecodedDocument } from '../extract/index.ts';
import { InvalidInputError, TooLargeError } from '../errors.ts';
import type { ImportRequestJson } from '../http/api-types.ts';
import { importText, titleFromFileName } from '../library/index.ts';
import { openDatabase } from '../store/index.ts';
import { CliError } from './cli-error.ts';
import { asCliError, databaseConfig, plural, processIo, type CommandIo } from './io.ts';
import { progressBar } from './progress.ts';
import { sheetsLine } from './extract.ts';

const formats = ['interleaved', 'tsv', 'csv', 'tmx', 'subtitles', 'two-files'] as const;
type Format = NonNullable<ImportRequestJson['format']>;

interface ImportArgs {
  files: string[];
  title?: string;
  format?: Format;
  minScore?: number;
}

export function parseImportArgs(args: string[]): ImportArgs {
  const out: ImportArgs = { files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--title') out.title = value();
    else if (arg.startsWith('--title=')) out.title = arg.slice(8);
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const f = arg === '--format' ? value() : arg.slice(9);
      if (!(formats as readonly string[]).includes(f)) throw new CliError(`--format must be one of ${formats.join(', ')}`);
      out.format = f as Format;
    } else if (arg === '--min-score' || arg.startsWith('--min-score=')) {
      const v = arg === '--min-score' ? value() : arg.slice(12);
      const n = Number(v);
      if (!/^\s*\d*\.?\d+\s*$/.test(v) || n > 1) throw new CliError(`--min-score must be a number from 0 to 1, not ${v}`);
      out.minScore = n;
    } else if (arg.startsWith('--')) throw new CliError(`unknown option ${arg}`);
    else out.files.push(arg);
  }
  if (out.files.length === 0) throw new CliError('usage: import FILE [FILE2] [--title T] [--format F] [--min-score S]');
  if (out.files.length > 2) throw new CliError(`import takes one bilingual file or two monolingual files, not ${out.files.length}`);
  if (out.title !== undefined && !out.title.trim()) throw new CliError('--title must not be empty');
  return out;
}

function readText(path: string): DecodedDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a directory` : `${path}: cannot read (${code})`);
  }
  try {
    return decodeDocument(bytes);
  } catch (err) {
    if (err instanceof InvalidInputError || err instanceof TooLargeError) throw new CliError(`${path}: ${err.message}`);
    throw err;
  }
}

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const parsed = parseImportArgs(args);
  const { dbPath, now } = databaseConfig(io.env);
  const [{ text, workbook }, second] = parsed.files.map(readText);
  const text2 = second?.text;
  const title = parsed.title?.trim() ?? titleFromFileName(basename(parsed.files[0]));

  const db = openDatabase(dbPath);
  const bar = progressBar(io.err, io.errIsTty);
  try {
    const result = importText(db, {
      title,
      text,
      ...(text2 !== undefined ? { text2 } : {}),
      ...(parsed.format ? { format: parsed.format } : {}),
      ...(parsed.minScore !== undefined ? { minScore: parsed.minScore } : {}),
      ...(workbook ? { workbook } : {}),
      now: now(),
      onProgress: (done, total) => bar.update(total > 0 ? done / total : 0, 'importing'),
    });
    bar.done();
    if (workbook) io.err(`${sheetsLine(workbook)}\n`);
    const { source, counts } = result;
    if (result.duplicate) {
      io.out(`already imported as "${source.title}" (source ${source.id}): nothing changed\n`);
    } else {
      io.out(
        `imported "${source.title}" (source ${source.id}): ${plural(counts.sentences, 'sentence pair')}, ` +
          `${plural(counts.terms, 'term')} (${counts.newTerms} new), ${plural(counts.cards, 'new card')}\n`,
      );
    }
  } catch (err) {
    bar.done();
    throw asCliError(err);
  } finally {
    db.close();
  }
}
