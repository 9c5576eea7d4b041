// What a command touches outside itself, passed in so tests run commands in process.
import { ConfigError, clockOf, loadConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
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
