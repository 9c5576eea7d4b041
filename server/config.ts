// The server's configuration: read from the environment once, validated, frozen. A bad value stops
// start-up with one line naming the variable, before a database is opened or a port is bound.
import { z } from 'zod';
import { isIP } from 'node:net';

export interface Config {
  host: string;
  /** 0 asks the operating system for a free port. */
  port: number;
  dbPath: string;
  token: string | null;
  /** Seed an empty database from seeds/ on start. */
  seed: boolean;
  /** A fixed instant for the clock (browser tests); null means the real clock. */
  fixedNow: Date | null;
  maxBodyBytes: number;
  /** How many daily automatic backups to keep in backups/ beside the database; 0: none. */
  backups: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

const sizePattern = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i;
const sizeUnits: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** A variable holding a whole number from 0 to `max`. */
function wholeNumber(message: string, max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n <= max, `must be at most ${max}`);
}

const envSchema = z.object({
  HOST: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .default('127.0.0.1'),
  PORT: wholeNumber('must be a whole number (0 picks a free port)', 65535).default(5178),
  DUIZHAO_DB: z.string().trim().min(1, 'must not be empty').default('./data/duizhao.db'),
  DUIZHAO_TOKEN: z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? null : s))
    .refine((s) => s === null || s.length >= 8, 'must be at least 8 characters')
    .refine((s) => s === null || /^[\x21-\x7e]+$/.test(s), 'must be printable ASCII without spaces'),
  DUIZHAO_SEED: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => ['on', 'off', '1', '0', 'true', 'false', 'yes', 'no'].includes(s), 'must be "on" or "off"')
    .transform((s) => !['off', '0', 'false', 'no'].includes(s))
    .default(true),
  DUIZHAO_NOW: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return null;
      // Date.parse accepts "March 5" and the like; a test clock must be an unambiguous instant.
      const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
      const date = new Date(s);
      if (!iso.test(s) || Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'must be an ISO instant such as 2026-03-01T09:00:00Z' });
        return z.NEVER;
      }
      return date;
    }),
  DUIZHAO_BACKUPS: wholeNumber('must be a whole number of daily backups to keep (0: none)', 1000).default(7),
  DUIZHAO_MAX_BODY: z
    .string()
    .trim()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s === '') return DEFAULT_MAX_BODY;
      const m = sizePattern.exec(s);
      const bytes = m ? Math.floor(Number(m[1]) * sizeUnits[(m[2] ?? 'b').toLowerCase()]) : NaN;
      if (!(bytes >= 1024)) {
        ctx.addIssue({ code: 'custom', message: 'must be a size of at least 1 KB, e.g. 20MB or 1048576' });
        return z.NEVER;
      }
      return bytes;
    }),
});

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (h.startsWith('::ffff:')) return h.slice(7).startsWith('127.');
  return false;
}

// What the CLI's import and stats read: a stray PORT or HOST must not stop an import.
const databaseKeys = new Set(['DUIZHAO_DB', 'DUIZHAO_NOW', 'DUIZHAO_SEED']);

/**
 * Validates the environment; throws ConfigError with a one-line message naming the variable.
 * With `serving: false` (CLI commands that only open the database) only DUIZHAO_DB, DUIZHAO_NOW
 * and DUIZHAO_SEED are read.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, { serving = true } = {}): Config {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => serving || databaseKeys.has(key))
      .map((key) => [key, env[key]] as const)
      .filter(([, v]) => v !== undefined),
  );
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`${name}=${JSON.stringify(env[name] ?? '')} ${issue.message}`);
  }
  const e = parsed.data;
  if (serving && !isLoopback(e.HOST) && e.DUIZHAO_TOKEN === null) {
    throw new ConfigError(
      `HOST=${e.HOST} is reachable from other machines: set DUIZHAO_TOKEN (every /api request must then carry it) or use HOST=127.0.0.1`,
    );
  }
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dbPath: e.DUIZHAO_DB,
    token: e.DUIZHAO_TOKEN,
    seed: e.DUIZHAO_SEED,
    fixedNow: e.DUIZHAO_NOW,
    maxBodyBytes: e.DUIZHAO_MAX_BODY,
    backups: e.DUIZHAO_BACKUPS,
  });
}

/** The clock the server runs on: fixed for browser tests, otherwise the real one. */
export function clockOf(config: Pick<Config, 'fixedNow'>): () => Date {
  const fixed = config.fixedNow;
  return fixed ? () => new Date(fixed.getTime()) : () => new Date();
}
