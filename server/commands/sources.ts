// `cli sources [--json]`: the imported sources with their ids; `cli sources delete ID
// [--keep-terms]`: deletes one as the web app does (its sentences and their cards, the terms it
// alone brought unless --keep-terms), in one transaction, the answers kept in the statistics;
// `cli sources export ID [--format tmx|tsv] [--out FILE]`: its sentence pairs for a CAT tool.
import { existsSync, writeFileSync } from 'node:fs';
import type { SourceSummary } from '../http/api-types.ts';
import { deleteSource, exportSource, listSources, type SourceExportFormat } from '../library/index.ts';
import { openDatabase, type Db } from '../store/index.ts';
import { CliError } from './cli-error.ts';
import { asCliError, databaseConfig, plural, processIo, type CommandIo } from './io.ts';

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
  if (!existsSync(dbPath)) throw new CliError(`no database at ${dbPath} (set DUIZHAO_DB, or import a file first)`);
  if (first === 'delete') {
    const flags = rest.filter((a) => a.startsWith('-'));
    const ids = rest.filter((a) => !a.startsWith('-'));
    const unknown = flags.find((f) => f !== '--keep-terms');
    if (unknown) throw new CliError(`unknown argument ${unknown} (${usage})`);
    if (ids.length !== 1 || !/^[1-9]\d{0,14}$/.test(ids[0]!)) throw new CliError(`sources delete takes one source id, a whole number (${usage}); \`sources\` lists them`);
    return withDb(dbPath, (db) => {
      const { source, deleted } = deleteSource(db, Number(ids[0]), { keepTerms: flags.includes('--keep-terms') });
      io.out(
        `deleted “${source.title}”: ${plural(deleted.sentences, 'sentence pair')}, ${plural(deleted.terms, 'term')}, ${plural(deleted.cards, 'card')}; the answers stay in the statistics\n`,
      );
    });
  }
  if (first === 'export') return exportCommand(rest, dbPath, now(), io);
  const unknown = args.find((a) => a !== '--json');
  if (unknown) throw new CliError(`unknown argument ${unknown} (${usage})`);
  withDb(dbPath, (db) => {
    const sources = listSources(db, now());
    io.out(args.includes('--json') ? JSON.stringify({ sources }) + '\n' : formatSources(sources));
  });
}

function exportCommand(args: string[], dbPath: string, now: Date, io: CommandIo): void {
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
  if (ids.length !== 1 || !/^[1-9]\d{0,14}$/.test(ids[0]!)) throw new CliError(`sources export takes one source id, a whole number (${usage}); \`sources\` lists them`);
  let body = '';
  withDb(dbPath, (db) => {
    body = exportSource(db, Number(ids[0]), format, now).body;
  });
  if (out === null) return io.out(body);
  try {
    writeFileSync(out, body);
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? 'write error'}`);
  }
  io.err(`duizhao: wrote ${out}\n`);
}

function withDb(path: string, fn: (db: Db) => void): void {
  const db = openDatabase(path);
  try {
    fn(db);
  } catch (err) {
    throw asCliError(err);
  } finally {
    db.close();
  }
}
