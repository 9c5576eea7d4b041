// Splits text into plain and marked pieces so the UI can wrap marks in <mark> elements built
// from string slices: user text is never interpreted as HTML.
export interface Piece {
  text: string;
  marked: boolean;
}

/** Pieces for one [start, end) range; an absent or invalid range marks nothing. */
export function markRange(text: string, start: number | null, end: number | null): Piece[] {
  if (start === null || end === null || start < 0 || end > text.length || start >= end) {
    return text ? [{ text, marked: false }] : [];
  }
  return compact([
    { text: text.slice(0, start), marked: false },
    { text: text.slice(start, end), marked: true },
    { text: text.slice(end), marked: false },
  ]);
}

/**
 * Marks every occurrence of any needle, longest needle first so "网络生态治理" wins over "网络".
 * English needles match case-insensitively and only at word boundaries ("cyber" not in "cybersecurity").
 */
export function markNeedles(text: string, needles: string[], lang: 'zh' | 'en'): Piece[] {
  const sorted = [...new Set(needles.map((n) => n.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const taken: boolean[] = new Array(text.length).fill(false);
  const haystack = lang === 'en' ? text.toLowerCase() : text;
  for (const needle of sorted) {
    const n = lang === 'en' ? needle.toLowerCase() : needle;
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(n, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + n.length;
      if (lang === 'en' && (isWordChar(haystack[at - 1]) || isWordChar(haystack[end]))) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
    }
  }
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || taken[i] !== taken[start]) {
      pieces.push({ text: text.slice(start, i), marked: taken[start] ?? false });
      start = i;
    }
  }
  return pieces;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch) && !/\p{Script=Han}/u.test(ch);
}

function compact(pieces: Piece[]): Piece[] {
  return pieces.filter((p) => p.text.length > 0);
}

/** A piece of text, or a span of it that belongs to mark number `mark`. */
export interface MarkPiece {
  text: string;
  mark: number | null;
}

/**
 * Cuts text at the given [start, end) spans, each piece naming the span it belongs to (its index
 * in `spans`). A span out of range, empty, or overlapping one already placed (spans are placed by
 * start, longer first) is left out: the text is always given back whole.
 */
export function markSpans(text: string, spans: { start: number | null; end: number | null }[]): MarkPiece[] {
  const order = spans
    .map((s, mark) => ({ start: s.start, end: s.end, mark }))
    .filter((s): s is { start: number; end: number; mark: number } => s.start !== null && s.end !== null && s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: MarkPiece[] = [];
  let at = 0;
  for (const s of order) {
    if (s.start < at) continue;
    if (s.start > at) pieces.push({ text: text.slice(at, s.start), mark: null });
    pieces.push({ text: text.slice(s.start, s.end), mark: s.mark });
    at = s.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: null });
  return pieces;
}
