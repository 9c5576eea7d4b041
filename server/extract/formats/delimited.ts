// Tab- and comma-separated pairs (Tatoeba's TSV, WMT's RFC-4180 CSV). Columns are told apart by
// script, not position; among several Latin columns (Tatoeba adds an attribution) the one whose
// lengths follow the Chinese column's is the translation.
import { InvalidInputError } from '../../errors.ts';
import { isHeader, isNumberCell } from './header.ts';
import { hanCount, latinCount, scriptOf } from './script.ts';
import type { BitextPair } from './types.ts';

export interface Row {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

export function parseTsv(text: string): Row[] {
  const rows: Row[] = [];
  // Fields are cut from the text itself: splitting it into lines, then each line into fields,
  // cost 277M instructions against 168M on Tatoeba's 29k rows in a cold process (an array of
  // lines, a runtime call per line).
  // `tab` is the first tab at or after `from`: each is searched for once, however far it is.
  let tab = text.indexOf('\t');
  for (let start = 0, line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const fields: string[] = [];
    let from = start;
    for (; tab !== -1 && tab < end; tab = text.indexOf('\t', from)) {
      fields.push(text.slice(from, tab));
      from = tab + 1;
    }
    fields.push(text.slice(from, end));
    if (!isBlank(text, start, end)) rows.push({ fields, line });
    start = end + 1;
  }
  return rows;
}

function isBlank(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  // Printable ASCII is never white space; anything else asks trim(), which knows Unicode's.
  if (c > 32 && c < 127) return false;
  return !text.slice(start, end).trim();
}

/** The rows after a header: one with no Chinese in it ("0,1", "English,Chinese"), or naming the columns (中文, 译名). */
export function bodyRows(rows: Row[]): Row[] {
  return rows[0]!.fields.some((f) => scriptOf(f) === 'zh') && !isHeader(rows[0]!.fields) ? rows : rows.slice(1);
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  // Scans with indexOf rather than by character: WMT files are megabytes of mostly unquoted text.
  while (i <= n) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      const quoteLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) throw new InvalidInputError('a quoted CSV field is never closed', quoteLine);
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      line += countNewlines(value);
      // Lenient about stray text after a closing quote, as spreadsheet exports sometimes have.
      const stop = nextStop(text, i);
      field = value + text.slice(i, stop);
      i = stop;
    } else {
      const stop = nextStop(text, i);
      field = text.slice(i, stop);
      i = stop;
    }
    fields.push(field);
    if (i < n && text.charCodeAt(i) === 44 /* , */) {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text.
    if (fields.length > 1 || fields[0].trim()) rows.push({ fields, line: rowLine });
    fields = [];
    i++;
    line++;
    rowLine = line;
  }
  return rows;
}

function nextStop(text: string, from: number): number {
  let comma = text.indexOf(',', from);
  let newline = text.indexOf('\n', from);
  if (comma === -1) comma = text.length;
  if (newline === -1) newline = text.length;
  return Math.min(comma, newline);
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

/**
 * The rows as pairs, the Chinese and English columns told apart by script. With `notes`, each
 * pair also carries its row's other cells (a glossary's note, its domain), numbers aside.
 */
export function readDelimited(text: string, format: 'tsv' | 'csv', options: { notes?: boolean } = {}): BitextPair[] {
  const rows = format === 'tsv' ? parseTsv(text) : parseCsv(text);
  if (rows.length === 0) throw new InvalidInputError('the input has no rows');
  const body = bodyRows(rows);
  if (body.length === 0) throw new InvalidInputError('the input has a header but no rows');
  const { zhCol, enCol } = pickColumns(body, format);
  const pairs: BitextPair[] = [];
  // Indexed loops here and below: a cold for-of over an array pays for an iterator step per row.
  for (let r = 0; r < body.length; r++) {
    const row = body[r];
    const zh = (row.fields[zhCol] ?? '').trim();
    const en = (row.fields[enCol] ?? '').trim();
    if (!zh || !en || hanCount(zh, 1) === 0 || latinCount(en, 1) === 0) {
      const missing = !zh || hanCount(zh, 1) === 0 ? 'Chinese' : 'English';
      throw new InvalidInputError(
        `row has no ${missing} text in column ${(missing === 'Chinese' ? zhCol : enCol) + 1} (columns: ${format === 'tsv' ? 'tab' : 'comma'}-separated)`,
        row.line,
      );
    }
    if (!options.notes) pairs.push({ zh, en, line: row.line });
    else {
      const note = row.fields
        .filter((f, c) => c !== zhCol && c !== enCol && f.trim() && !isNumberCell(f.trim()))
        .map((f) => f.trim())
        .join(' · ');
      pairs.push({ zh, en, line: row.line, note });
    }
  }
  return pairs;
}

function pickColumns(rows: Row[], format: string): { zhCol: number; enCol: number } {
  const sample = rows.length > 2000 ? rows.filter((_, i) => i % Math.ceil(rows.length / 2000) === 0) : rows;
  const width = Math.max(...sample.map((r) => r.fields.length));
  if (width < 2) {
    throw new InvalidInputError(`expected two columns (Chinese and English) separated by ${format === 'tsv' ? 'tabs' : 'commas'}`, sample[0].line);
  }
  const zhShare = new Array<number>(width).fill(0);
  const enShare = new Array<number>(width).fill(0);
  for (let r = 0; r < sample.length; r++) {
    const fields = sample[r].fields;
    for (let c = 0; c < fields.length; c++) {
      const s = scriptOf(fields[c]);
      if (s === 'zh') zhShare[c]++;
      else if (s === 'en') enShare[c]++;
    }
  }
  const zhCol = zhShare.indexOf(Math.max(...zhShare));
  const candidates = enShare
    .map((count, c) => ({ c, count }))
    .filter(({ c, count }) => c !== zhCol && count >= sample.length * 0.5);
  if (candidates.length === 0) throw new InvalidInputError('no column holds English text', sample[0].line);
  // The column English fills most often (a note column is often empty); of columns as full, the
  // one whose lengths follow the Chinese (Tatoeba's attribution is English in every row too).
  const most = Math.max(...candidates.map((x) => x.count));
  const fullest = candidates.filter((x) => x.count >= most * 0.9);
  if (fullest.length === 1) return { zhCol, enCol: fullest[0].c };
  const zhLengths = sample.map((r) => (r.fields[zhCol] ?? '').length);
  let best = fullest[0].c;
  let bestR = -Infinity;
  for (const { c } of fullest) {
    const r = correlation(zhLengths, sample.map((row) => (row.fields[c] ?? '').length));
    if (r > bestR) {
      bestR = r;
      best = c;
    }
  }
  return { zhCol, enCol: best };
}

function correlation(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}
