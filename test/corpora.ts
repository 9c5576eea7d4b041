// Where the shared public corpora live (beside the project, never inside it). Benchmarks and
// evaluations only: no required test may depend on them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const corporaDir = resolve(fileURLToPath(new URL('../../shared/corpora', import.meta.url)));

export function haveCorpora(): boolean {
  if (existsSync(corporaDir)) return true;
  console.log(`(skipped: ${corporaDir} not found; the corpora sit beside the project in ../shared)`);
  return false;
}
