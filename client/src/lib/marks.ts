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

/** A piece of text and the marks covering it (indexes into the spans given), outermost first. */
export interface MarkPiece {
  text: string;
  marks: number[];
}

/**
 * Cuts text at the boundaries of the given [start, end) spans, each piece naming every span that
 * covers it, the longest first: a term inside a longer one (正能量 in 正能量传播者) is a piece
 * covered by both. Spans out of range or empty are left out; the text is always given back whole.
 */
export function markSpans(text: string, spans: { start: number | null; end: number | null }[]): MarkPiece[] {
  const valid = spans
    .map((s, mark) => ({ start: s.start ?? -1, end: s.end ?? -1, mark }))
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces: MarkPiece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const marks = valid
      .filter((s) => s.start <= from && s.end >= to)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.mark - b.mark)
      .map((s) => s.mark);
    const last = pieces[pieces.length - 1];
    if (last && last.marks.join() === marks.join()) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), marks });
  }
  return pieces;
}

/** Marks every occurrence of the words in the text, case aside, anywhere (a search's matches). */
export function markMatches(text: string, words: string): Piece[] {
  const needle = words.trim().toLowerCase();
  if (!needle) return text ? [{ text, marked: false }] : [];
  const haystack = text.toLowerCase();
  const pieces: Piece[] = [];
  let at = 0;
  for (let found = haystack.indexOf(needle); found >= 0; found = haystack.indexOf(needle, found + needle.length)) {
    if (found > at) pieces.push({ text: text.slice(at, found), marked: false });
    pieces.push({ text: text.slice(found, found + needle.length), marked: true });
    at = found + needle.length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
