// Gzipped size of what the browser downloads: the client's JS (Preact, our code, the grading
// core) and CSS, beside the 80 KB budget for JS. `npm run bench client` builds first unless
// `--no-build` is given and client/dist exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'client/dist');
const BUDGET_JS = 80 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function run(): Promise<void> {
  if (!(process.argv.includes('--no-build') && existsSync(dist))) {
    const started = performance.now();
    const build = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'error'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`client build failed:\n${build.stderr || build.stdout}`);
    console.log(`build                 ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  let js = 0;
  let css = 0;
  for (const file of filesUnder(dist).sort()) {
    const kind = file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 }).length;
    if (kind === 'js') js += gz;
    else css += gz;
    console.log(`${relative(dist, file).padEnd(36)} ${kb(raw.length).padStart(9)} raw ${kb(gz).padStart(9)} gzip`);
  }
  const verdict = js <= BUDGET_JS ? 'within' : 'OVER';
  console.log(`JS gzip total         ${kb(js)}  (budget ${kb(BUDGET_JS)}: ${verdict}, ${Math.round((js / BUDGET_JS) * 100)}%)`);
  console.log(`CSS gzip total        ${kb(css)}`);
  if (js > BUDGET_JS) process.exitCode = 1;
}
