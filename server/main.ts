// `npm start`: the only place that opens a port. Reads the configuration, builds the client when
// it has not been built, opens and seeds the database, serves, and prints one line with the URL
// (browser tests parse it). `cli serve` calls start() too.
import { serve, type ServerType } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { ConfigError, clockOf, isLoopback, loadConfig, type Config } from './config.ts';
import { DomainError } from './errors.ts';
import { warmUpEvidence } from './grading/index.ts';
import { createApp } from './http/index.ts';
import { seedIfEmpty } from './library/index.ts';
import { autoBackup, openDatabase } from './store/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDist = resolve(root, 'client/dist');
const seedsDir = resolve(root, 'seeds');

/** Start-up refused for a reason the user can fix: one line, exit code 2. */
export class StartError extends Error {
  override name = 'StartError';
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Builds client/dist when it is missing; returns it, or null when there is no client to build. */
export function ensureClient(log: (line: string) => void): string | null {
  if (existsSync(resolve(clientDist, 'index.html'))) return clientDist;
  const viteConfig = resolve(root, 'client/vite.config.ts');
  if (!existsSync(viteConfig)) {
    log('duizhao: no client yet (client/vite.config.ts missing): serving the API only');
    return null;
  }
  log('duizhao: building the client (client/dist is missing)…');
  const vite = resolve(root, 'node_modules/.bin/vite');
  const built = spawnSync(vite, ['build', '--config', viteConfig, '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0 || !existsSync(resolve(clientDist, 'index.html'))) {
    log('duizhao: the client build failed: serving the API only');
    return null;
  }
  return clientDist;
}

export interface StartOptions {
  /** `npm run dev`: Vite serves the client itself and proxies /api here. */
  dev?: boolean;
  log?: (line: string) => void;
}

export async function start(config: Config, options: StartOptions = {}): Promise<Running> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const clientDir = options.dev ? null : ensureClient(log);
  const now = clockOf(config);
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(config.dbPath);
  } catch (err) {
    throw new StartError(`cannot open the database at ${config.dbPath}: ${(err as Error).message}`);
  }
  try {
    if (config.seed) seedIfEmpty(db, seedsDir, now());
  } catch (err) {
    db.close();
    throw err;
  }
  const app = createApp({
    db,
    now,
    token: config.token,
    clientDir,
    maxBodyBytes: config.maxBodyBytes,
    loopbackHostsOnly: isLoopback(config.host) && !config.token,
  });

  const server = await new Promise<ServerType>((resolveListening, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolveListening(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      db.close();
      if (err.code === 'EADDRINUSE') reject(new StartError(`port ${config.port} on ${config.host} is in use: set PORT (PORT=0 picks a free one)`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') reject(new StartError(`HOST=${config.host} is not an address of this machine`));
      else if (err.code === 'EACCES') reject(new StartError(`not allowed to listen on port ${config.port} (ports below 1024 need privileges)`));
      else reject(err);
    });
  });
  // The grading dictionaries take seconds to load: now, while the user opens the page, rather
  // than on the first answer. After the URL line, so start-up is not slower to report; not in
  // --dev, where restarts are frequent and the first answer can wait.
  if (!options.dev) setTimeout(() => warmUpEvidence(), 50).unref();
  // A backup a day, as Anki keeps them: soon after start, then looked at every hour (a server
  // left running for days). A failure is reported, and the next hour tries again.
  let backingUp: Promise<unknown> = Promise.resolve();
  const backUp = () => {
    backingUp = autoBackup(db, config.dbPath, now(), config.backups).then(
      (path) => path && log(`duizhao: backed up the database to ${path}`),
      (err: unknown) => log(`duizhao: backup failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const firstBackup = setTimeout(backUp, 1000).unref();
  const hourlyBackup = setInterval(backUp, 3600_000).unref();
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= new Promise<void>((done) => {
      clearTimeout(firstBackup);
      clearInterval(hourlyBackup);
      server.close(() => {
        // A backup under way finishes first: closing the database under it would fail it.
        void backingUp.then(() => {
          db.close();
          done();
        });
      });
      // Keep-alive connections would otherwise hold the process open for seconds.
      if ('closeAllConnections' in server) server.closeAllConnections();
    }));
  return { url, close };
}

/** Starts from the environment, prints the URL line, and stops cleanly on SIGINT/SIGTERM. */
export async function serveUntilSignalled(options: StartOptions = {}): Promise<Running> {
  const config = loadConfig();
  const running = await start(config, options);
  process.stdout.write(`duizhao: ${running.url}\n`);
  if (config.token) process.stderr.write(`duizhao: every /api request needs the token; in a browser, open ${running.url}/?token=DUIZHAO_TOKEN once\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return running;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  serveUntilSignalled({ dev: process.argv.includes('--dev') }).catch((err: unknown) => {
    // A bad variable, a port in use, an unreadable database, a bad seed: one line, no stack.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`duizhao: ${message}\n`);
    if (process.env.DUIZHAO_DEBUG) console.error(err);
    process.exit(err instanceof ConfigError || err instanceof StartError || err instanceof DomainError ? 2 : 1);
  });
}
