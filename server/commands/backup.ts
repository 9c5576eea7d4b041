// `cli backup [FILE]`: a consistent copy of the database at DUIZHAO_DB, also while the server
// runs: into FILE, or beside the database in backups/ with the time in its name (where the
// server keeps its daily ones).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { backupName, backupsDir, backupTo } from '../store/index.ts';
import { CliError } from './cli-error.ts';
import { databaseConfig, processIo, withDatabase, type CommandIo } from './io.ts';

const usage = 'usage: backup [FILE]';

export async function run(args: string[], io: CommandIo = processIo): Promise<void> {
  const flag = args.find((a) => a.startsWith('-'));
  if (flag) throw new CliError(`unknown argument ${flag} (${usage})`);
  if (args.length > 1) throw new CliError(`backup takes at most one file (${usage})`);
  const { dbPath, now } = databaseConfig(io.env);
  const target = args[0] ?? join(backupsDir(dbPath), backupName(now()));
  await withDatabase(dbPath, async (db) => {
    if (existsSync(target)) throw new CliError(`${target} exists: give another file name`);
    try {
      await backupTo(db, target);
    } catch (err) {
      throw new CliError(`cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  });
  io.out(`backed up ${dbPath} to ${target}\n`);
}
