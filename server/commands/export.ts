// `cli export [--format tbx|csv] [--all] [--source ID] [--out FILE]`: the termbase of DUIZHAO_DB
// as TBX-Basic (for a CAT tool) or CSV, on stdout or into a file. Active terms only unless --all;
// with --source, the terms of that source only (its glossary).
import { exportTermbase, type ExportFormat } from '../terms/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, processIo, sourceIdArg, withDatabase, writeOutput, type CommandIo } from './io.ts';

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
    else if (a === '--source') parsed.source = sourceIdArg(args[++i], '--source needs a source id'); else if (a === '--format' || a === '--out') {
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
  const file = await withDatabase(dbPath, (db) => exportTermbase(db, { format, includeIgnored: all, source, now: now() }));
  writeOutput(io, out, file.body);
}
