// duizhao's command line: `npm run --silent cli -- COMMAND …`. Each command lives in
// server/commands/; this file only dispatches and turns a CliError into exit code 2.
import { CliError } from './commands/cli-error.ts';
import { DomainError } from './errors.ts';

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  extract: () => import('./commands/extract.ts'),
  grade: () => import('./commands/grade.ts'),
  import: () => import('./commands/import.ts'),
  stats: () => import('./commands/stats.ts'),
  sources: () => import('./commands/sources.ts'),
  export: () => import('./commands/export.ts'),
  backup: () => import('./commands/backup.ts'),
  restore: () => import('./commands/restore.ts'),
  reschedule: () => import('./commands/reschedule.ts'),
  serve: () => import('./commands/serve.ts'),
};

const usage = `usage: duizhao COMMAND
  extract FILE [FILE2] [--json] [--format F]   sentence pairs and terms of a bilingual text
  grade --jsonl                                score translations read as JSON Lines on stdin
  import FILE [FILE2] [--title T] [--min-score S]  import into the database (DUIZHAO_DB)
  stats [--json]                               today, due, streak, retention
  sources [--json]                             the imported sources, with their ids
  sources delete ID [--keep-terms]             delete a source (and the terms only it brought)
  sources export ID [--format tmx|tsv] [--out F]  its sentence pairs as a translation memory
  export [--format tbx|csv] [--all] [--source ID] [--out F]
                                               the termbase (or one text's glossary) as TBX-Basic or CSV
  backup [FILE]                                a consistent copy of the database (also while serving)
  restore FILE                                 put a backup back (what the database held goes into backups/)
  reschedule [--apply] [--json]                due dates of the cards in review moved to the settings in use
  serve                                        start the web app (HOST, PORT, DUIZHAO_DB)`;

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stdout.write(usage + '\n');
    return;
  }
  const load = commands[name];
  if (!load) throw new CliError(`unknown command "${name}" (try --help)`);
  const command = await load();
  await command.run(args);
}

// Output piped into a reader that stops early (`extract --json | head`): stop quietly, as Unix
// tools do, instead of an unhandled EPIPE and its stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).catch((err: unknown) => {
  // A domain error that a command let through is still the user's input at fault: exit 2.
  if (err instanceof CliError || err instanceof DomainError) {
    process.stderr.write(`duizhao: ${err.message}\n`);
    process.exit(2);
  }
  // An unexpected failure: one line, no stack unless asked for.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`duizhao: internal error: ${message}\n`);
  if (process.env.DUIZHAO_DEBUG) console.error(err);
  process.exit(1);
});
