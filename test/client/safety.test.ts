// User text (imported sentences, terms, typed answers) must never reach the page as HTML.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../client/src', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(tsx?|js)$/.test(name) ? [path] : [];
  });

describe('the client never renders text as HTML', () => {
  it.each(files(src).map((f) => [f.slice(src.length + 1), f]))('%s', (_name, path) => {
    const code = readFileSync(path, 'utf8');
    expect(code).not.toMatch(/dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/);
  });
});
