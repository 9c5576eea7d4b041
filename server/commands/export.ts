// `cli export [--format tbx|csv] [--all] [--source ID] [--out FILE]`: the termbase of DUIZHAO_DB
// as TBX-Basic (for a CAT tool) or CSV, on stdout or into a file. Active terms only unless --all;
// with --source, the terms of that source only (its glossary).
import { existsSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../store/index.ts';
import { exportTermbase, type ExportFormat } from '../terms/index.ts';
import { CliError } from './cli-error.ts';
import { asCliError, databaseConfig, processIo, type CommandIo } from './io.ts';

const usage = 'usage: export [--format tbx|csv] [--all] [--source ID] [--out FILE]';

interface ExportArgs {
  format: ExportFormat;
  all: boolean;
  out: string | null;
  source?: number;
}

export function parseExportArgs(args: string[]): ExportArgs {
  const parsed: ExportArgs = { format: 'tbx', all: false, out: null };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--all') parsed.all = true;
    else if (a === '--source') {
      const value = args[++i];
      if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) throw new CliError(`--source needs a source id, a whole number (\`sources\` lists them)`);
      parsed.source = Number(value);
    } else if (a === '--format' || a === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new CliError(`${a} needs a value (${usage})`);
      if (a === '--out') parsed.out = value;
      else if (value === 'tbx' || value === 'csv') parsed.format = value;
      else throw new CliError(`unknown format "${value}": tbx or csv`);
    } else throw new CliError(`unknown argument ${a} (${usage})`);
  }
  return parsed;
}

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const { format, all, out, source } = parseExportArgs(args);
  const { dbPath, now } = databaseConfig(io.env);
  // Like stats: a mistyped path must not leave an empty database behind.
  if (!existsSync(dbPath)) throw new CliError(`no database at ${dbPath} (set DUIZHAO_DB, or import a file first)`);
  const db = openDatabase(dbPath);
  let file;
  try {
    file = exportTermbase(db, { format, includeIgnored: all, source, now: now() });
  } catch (err) {
    throw asCliError(err);
  } finally {
    db.close();
  }
  if (out === null) {
    io.out(file.body);
    return;
  }
  try {
    writeFileSync(out, file.body);
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? 'write error'}`);
  }
  io.err(`duizhao: wrote ${out}\n`);
}
