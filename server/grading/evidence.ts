// The server's dictionary evidence for grading: opencc (traditional → simplified, Taiwan phrases
// included: 網路 → 网络), CC-CEDICT glosses through the lexicon, jieba through segment. Built
// lazily, once: the lexicon costs about a second on first use; the browser never loads any of it.
import OpenCC from 'opencc-js';
import { glosses } from '../extract/lexicon.ts';
import { cut } from '../extract/segment.ts';
import type { GradingEvidence } from './types.ts';

let built: GradingEvidence | null = null;

export function serverEvidence(): GradingEvidence {
  if (built) return built;
  const t2s = OpenCC.Converter({ from: 'twp', to: 'cn' });
  built = {
    toSimplified: (s) => (/\p{Script=Han}/u.test(s) ? t2s(s) : s),
    glosses,
    segment: cut,
  };
  return built;
}

/**
 * Loads the dictionaries now rather than on the first graded answer (a few seconds): for a
 * server to call at start-up, after it listens.
 */
export function warmUpEvidence(): void {
  const e = serverEvidence();
  e.toSimplified!('體');
  e.glosses!('治理');
  e.segment!('依法治国');
}
