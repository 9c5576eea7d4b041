// What a command touches outside itself, passed in so tests run commands in process.
import { existsSync, writeFileSync } from 'node:fs';
import { ConfigError, clockOf, loadConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import { openDatabase, type Db } from '../store/index.ts';
import { CliError } from './cli-error.ts';

export interface CommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether err is a terminal (progress bars only then). */
  errIsTty: boolean;
  env: Record<string, string | undefined>;
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTty: Boolean(process.stderr.isTTY),
  env: process.env,
};

/** The database path and clock for a command; a bad variable is a one-line CliError. */
export function databaseConfig(env: CommandIo['env']): { dbPath: string; now: () => Date } {
  try {
    const config = loadConfig(env, { serving: false });
    return { dbPath: config.dbPath, now: clockOf(config) };
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
}

/** Domain errors are the user's problem (exit 2, one line); anything else stays internal. */
export function asCliError(err: unknown): unknown {
  return err instanceof DomainError ? new CliError(err.message) : err;
}

/** "1 term", "3 terms": counts in a command's output. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Runs `fn` on the database at `dbPath` and closes it. The database must exist: a command that
 * reads it must not leave an empty one behind where the user mistyped the path. A domain error
 * is the user's (a CliError).
 */
export async function withDatabase<T>(dbPath: string, fn: (db: Db) => T | Promise<T>): Promise<T> {
  if (!existsSync(dbPath)) throw new CliError(`no database at ${dbPath} (set DUIZHAO_DB, or import a file first)`);
  const db = openDatabase(dbPath);
  try {
    return await fn(db);
  } catch (err) {
    throw asCliError(err);
  } finally {
    db.close();
  }
}

/** A command's file on stdout, or into `out` (saying so on stderr). */
export function writeOutput(io: CommandIo, out: string | null, body: string): void {
  if (out === null) return io.out(body);
  try {
    writeFileSync(out, body);
  } catch (err) {
    throw new CliError(`cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? 'write error'}`);
  }
  io.err(`duizhao: wrote ${out}\n`);
}

/** A source id given on the command line, or a one-line error saying what was wanted (and the usage). */
export function sourceIdArg(value: string | undefined, problem: string, usage?: string): number {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) {
    throw new CliError(usage ? `${problem}, a whole number (${usage}); \`sources\` lists them` : `${problem}, a whole number (\`sources\` lists them)`);
  }
  return Number(value);
}
