// `cli restore FILE`: the database at DUIZHAO_DB given the content of a backup (one of backups/,
// or a copy downloaded from Settings), also while the server runs; what it held goes into
// backups/ first.
import { restoreBackup } from '../settings/index.ts';
import { backupsDir } from '../store/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, plural, processIo, withDatabase, type CommandIo } from './io.ts';

const usage = 'usage: restore FILE';

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const flag = args.find((a) => a.startsWith('-'));
  if (flag) throw new CliError(`unknown argument ${flag} (${usage})`);
  if (args.length !== 1) throw new CliError(`restore takes one backup file (${usage})`);
  const { dbPath, now } = databaseConfig(io.env);
  const result = await withDatabase(dbPath, (db) => restoreBackup(db, dbPath, args[0]!, now()));
  const c = result.counts;
  io.out(
    `restored ${result.restored} into ${dbPath}: ${plural(c.sources, 'source')}, ${plural(c.terms, 'term')}, ${plural(c.cards, 'card')}, ${plural(c.reviews, 'review')}\n` +
      `what it held before is in ${backupsDir(dbPath)}/${result.before} (restore that to undo)\n`,
  );
}
