// Token diff for display: characters for Chinese, words (with their trailing space) for
// English. Myers' O(ND) algorithm after trimming the common prefix and suffix, so an almost
// right answer costs almost nothing.
import type { DiffOp, GradingEvidence } from './types.ts';
import type { Lang } from './normalize.ts';

/**
 * Display tokens. Chinese: one token per Han character or punctuation mark, Latin/digit runs
 * as one token; whitespace sticks to the token before it. English: words with trailing space.
 */
export function tokenize(text: string, lang: Lang): string[] {
  const pattern =
    lang === 'zh'
      ? /\s+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+\s*|\S\s*/gu
      : /\s+|\S+\s*/g;
  return text.match(pattern) ?? [];
}

/** Tokens compare by their folded form: case, width, script and surrounding punctuation do not count. */
function tokenKey(token: string, evidence?: GradingEvidence): string {
  let folded = token.normalize('NFKC').toLowerCase().trim();
  if (evidence?.toSimplified) folded = evidence.toSimplified(folded);
  const bare = folded.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  return bare || folded;
}

/**
 * Edits that turn the answer into the reference: 'same' in both, 'del' only in the answer (to
 * remove), 'add' only in the reference (missing from the answer). Concatenating same+del gives
 * the answer back, same+add the reference. Adjacent tokens with one op are merged. With
 * evidence, a traditional character matches its simplified form.
 */
export function diffTokens(answer: string, reference: string, lang: Lang, evidence?: GradingEvidence): DiffOp[] {
  const a = tokenize(answer, lang);
  const b = tokenize(reference, lang);
  const ka = a.map((t) => tokenKey(t, evidence));
  const kb = b.map((t) => tokenKey(t, evidence));
  const ops: DiffOp[] = [];
  // The reference as same+add reads: an added word after the answer's last word needs a space.
  let referenceSoFar = '';
  const push = (op: DiffOp['op'], text: string): void => {
    if (op !== 'del') {
      if (op === 'add' && lang === 'en' && referenceSoFar && !/\s$/.test(referenceSoFar)) text = ' ' + text;
      referenceSoFar += text;
    }
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else if (text) ops.push({ op, text });
  };

  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }
  // The reference's own spacing is shown for shared tokens, except at the answer's end.
  for (let i = 0; i < start; i++) push('same', a[i]);
  for (const [op, i] of myers(ka, kb, start, endA, start, endB)) {
    if (op === 'same') push('same', a[i]);
    else if (op === 'del') push('del', a[i]);
    else push('add', b[i]);
  }
  for (let i = endA; i < a.length; i++) push('same', a[i]);
  return ops;
}

type Step = ['same' | 'del' | 'add', number];

/** Shortest edit script between a[a0..a1) and b[b0..b1); indexes point into a (same/del) or b (add). */
function myers(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number): Step[] {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0) return range(b0, b1).map((j) => ['add', j]);
  if (m === 0) return range(a0, a1).map((i) => ['del', i]);
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
      else x = v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m), collecting steps in reverse.
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK =
      d === 0 ? 0 : k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push(['same', a0 + x]);
    }
    if (d > 0) {
      if (x === prevX) steps.push(['add', b0 + prevY]);
      else steps.push(['del', a0 + prevX]);
    }
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  // Within a replaced stretch show what to remove before what to add.
  return groupDeletesFirst(steps);
}

function groupDeletesFirst(steps: Step[]): Step[] {
  const out: Step[] = [];
  let dels: Step[] = [];
  let adds: Step[] = [];
  const flush = (): void => {
    out.push(...dels, ...adds);
    dels = [];
    adds = [];
  };
  for (const s of steps) {
    if (s[0] === 'same') {
      flush();
      out.push(s);
    } else (s[0] === 'del' ? dels : adds).push(s);
  }
  flush();
  return out;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);
