// `cli sources [--json]`: the imported sources with their ids; `cli sources delete ID
// [--keep-terms]`: deletes one as the web app does (its sentences and their cards, the terms it
// alone brought unless --keep-terms), in one transaction, the answers kept in the statistics;
// `cli sources export ID [--format tmx|tsv] [--out FILE]`: its sentence pairs for a CAT tool.
import type { SourceSummary } from '../http/api-types.ts';
import { deleteSource, exportSource, listSources, type SourceExportFormat } from '../library/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, plural, processIo, sourceIdArg, withDatabase, writeOutput, type CommandIo } from './io.ts';

const usage = 'usage: sources [--json] | sources delete ID [--keep-terms] | sources export ID [--format tmx|tsv] [--out FILE]';

export function formatSources(sources: SourceSummary[]): string {
  if (!sources.length) return 'no sources yet: `import FILE` adds one\n';
  const width = String(Math.max(...sources.map((s) => s.id))).length;
  return (
    sources
      .map(
        (s) =>
          `${String(s.id).padStart(width)}  ${s.title} · ${plural(s.sentences, 'sentence pair')}, ${plural(s.terms, 'term')} (${s.mastered} mastered), ${plural(s.cards, 'card')} · imported ${s.importedAt.slice(0, 10)}`,
      )
      .join('\n') + '\n'
  );
}

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const [first, ...rest] = args;
  const { dbPath, now } = databaseConfig(io.env);
  if (first === 'delete') {
    const flags = rest.filter((a) => a.startsWith('-'));
    const ids = rest.filter((a) => !a.startsWith('-'));
    const unknown = flags.find((f) => f !== '--keep-terms');
    if (unknown) throw new CliError(`unknown argument ${unknown} (${usage})`);
    const id = sourceIdArg(ids.length === 1 ? ids[0] : undefined, 'sources delete takes one source id', usage);
    const { source, deleted } = await withDatabase(dbPath, (db) => deleteSource(db, id, { keepTerms: flags.includes('--keep-terms') }));
    io.out(
      `deleted “${source.title}”: ${plural(deleted.sentences, 'sentence pair')}, ${plural(deleted.terms, 'term')}, ${plural(deleted.cards, 'card')}; the answers stay in the statistics\n`,
    );
    return;
  }
  if (first === 'export') return exportCommand(rest, dbPath, now(), io);
  const unknown = args.find((a) => a !== '--json');
  if (unknown) throw new CliError(`unknown argument ${unknown} (${usage})`);
  const sources = await withDatabase(dbPath, (db) => listSources(db, now()));
  io.out(args.includes('--json') ? JSON.stringify({ sources }) + '\n' : formatSources(sources));
}

async function exportCommand(args: string[], dbPath: string, now: Date, io: CommandIo): Promise<void> {
  let format: SourceExportFormat = 'tmx';
  let out: string | null = null;
  const ids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format' || a === '--out') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new CliError(`${a} needs a value (${usage})`);
      if (a === '--out') out = value;
      else if (value === 'tmx' || value === 'tsv') format = value;
      else throw new CliError(`unknown format "${value}": tmx or tsv`);
    } else if (a.startsWith('-')) throw new CliError(`unknown argument ${a} (${usage})`);
    else ids.push(a);
  }
  const id = sourceIdArg(ids.length === 1 ? ids[0] : undefined, 'sources export takes one source id', usage);
  const file = await withDatabase(dbPath, (db) => exportSource(db, id, format, now));
  writeOutput(io, out, file.body);
}
