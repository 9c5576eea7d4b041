// An Excel workbook (.xlsx) as text the readers take: its sheets' rows as tab-separated lines.
// Translators keep glossaries (and some bilingual texts) in Excel, often a sheet per topic; the
// rows then go where a TSV file's go, a glossary to the termbase, sentence pairs to extraction.
// Read: the first visible sheet that is a table of Chinese beside English, and every visible sheet
// after it laid out alike (its Chinese and English in the same columns); a sheet of notes or a
// changelog, a sheet laid out otherwise and a hidden sheet are left out, and the layout says so.
// With no such table, the first sheet with text, as a column of paragraphs. One sheet read alone:
// line N is row N, so a message naming a line names the row. Otherwise the sheets read follow
// each other a blank line apart, and placeInWorkbook() turns a line of that text back into its
// sheet and row. Header rows naming the columns at the top of a sheet are left out. Cell text is
// the shared string, inline string or formula result (numbers as written).
import { InvalidInputError } from '../../errors.ts';
import { isHeader } from './header.ts';
import { childElements, localName as local, parseXml, textOf, type XmlElement } from './xml.ts';
import { zipMember } from './zip.ts';

function parsePart(bytes: Uint8Array, name: string): XmlElement {
  try {
    return parseXml(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    throw new InvalidInputError(`the workbook is damaged (${name}): ${(err as Error).message}`);
  }
}

/** Descendants named `name` (local name), in document order. */
function* all(e: XmlElement, name: string): Generator<XmlElement> {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    if (local(c) === name) yield c;
    else yield* all(c, name);
  }
}

/** The text of <t> elements below `e`, phonetic guides (<rPh>: pinyin or kana over a run) left out. */
function runText(e: XmlElement): string {
  let out = '';
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    const name = local(c);
    if (name === 'rPh' || name === 'phoneticPr') continue;
    out += name === 't' ? textOf(c) : runText(c);
  }
  return out;
}

interface SheetEntry {
  name: string;
  /** Its part in the archive (xl/worksheets/sheet1.xml). */
  part: string;
  hidden: boolean;
}

/** The workbook's sheets in its order, each with its part through the relationships. */
function sheetsOf(bytes: Uint8Array, maxBytes: number): SheetEntry[] {
  const workbook = zipMember(bytes, 'xl/workbook.xml', maxBytes)!;
  const sheets = [...all(parsePart(workbook, 'workbook'), 'sheet')];
  if (!sheets.length) throw new InvalidInputError('the workbook has no sheet');
  const rels = zipMember(bytes, 'xl/_rels/workbook.xml.rels', maxBytes);
  const targets = new Map<string, string>();
  if (rels) for (const r of all(parsePart(rels, 'relationships'), 'Relationship')) if (r.attrs.Id && r.attrs.Target) targets.set(r.attrs.Id, r.attrs.Target);
  return sheets.map((sheet, i) => {
    const id = Object.entries(sheet.attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
    const target = (id && targets.get(id)) ?? `worksheets/sheet${i + 1}.xml`;
    return {
      name: sheet.attrs.name ?? `Sheet${i + 1}`,
      part: target.startsWith('/') ? target.slice(1) : `xl/${target}`,
      hidden: sheet.attrs.state === 'hidden' || sheet.attrs.state === 'veryHidden',
    };
  });
}

/** Column letters of a cell reference to a 0-based index: A1 → 0, AB7 → 27. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const MAX_COLUMNS = 50;
// Excel's own limit.
const MAX_ROWS = 1_048_576;

/** Where a sheet's rows lie in the text of a workbook. */
interface SheetSpan {
  name: string;
  /** 0-based index of the sheet's row 1 among the text's lines. */
  start: number;
  rows: number;
}

/**
 * How a workbook's text was made from its sheets, when it was not simply its one sheet: the
 * sheets read (and where their rows lie in the text), and those with text left out, with why.
 */
export interface WorkbookLayout {
  read: string[];
  skipped: { name: string; reason: SkipReason }[];
  spans: SheetSpan[];
}

/**
 * Why a sheet with text was not read: hidden (a lookup table); not a table of Chinese beside
 * English (notes, a changelog); its Chinese and English in other columns than the first table's
 * (the readers tell the columns apart once for the whole text).
 */
export type SkipReason = 'hidden' | 'not Chinese and English' | 'other columns';

/** "sheet “Economy”, row 14" for line `line` (1-based) of a workbook's text; undefined past its sheets. */
export function placeInWorkbook(layout: WorkbookLayout, line: number): string | undefined {
  const span = layout.spans.find((s) => line > s.start && line <= s.start + s.rows);
  return span && `sheet “${span.name}”, row ${line - span.start}`;
}

interface ReadSheet {
  entry: SheetEntry;
  lines: string[];
  /** Its Chinese and its English column ("0,1"), or null when it is no table of the two. */
  columns: string | null;
}

/**
 * The text of the workbook in `bytes` (an .xlsx), as the head of this file says, and its layout
 * when it is more than its one sheet; `maxBytes` bounds each part unpacked.
 */
export function readWorkbook(bytes: Uint8Array, maxBytes: number): { text: string; layout?: WorkbookLayout } {
  const strings: string[] = [];
  const shared = zipMember(bytes, 'xl/sharedStrings.xml', maxBytes);
  if (shared) for (const si of all(parsePart(shared, 'shared strings'), 'si')) strings.push(runText(si));
  const entries = sheetsOf(bytes, maxBytes);
  const sheets: ReadSheet[] = [];
  const hidden: SheetEntry[] = [];
  for (const entry of entries) {
    if (entry.hidden) {
      hidden.push(entry);
      continue;
    }
    const part = zipMember(bytes, entry.part, maxBytes);
    if (!part) throw new InvalidInputError(`the workbook is damaged: its sheet “${entry.name}” (${entry.part}) is missing`);
    const lines = sheetLines(parsePart(part, `sheet ${entry.name}`), strings);
    if (lines.some(Boolean)) sheets.push({ entry, lines, columns: bilingualColumns(lines) });
  }
  if (!sheets.length && hidden.length) {
    throw new InvalidInputError(`the workbook has no visible sheet with text, and hidden sheets are not read (${hidden.map((h) => `“${h.name}”`).join(', ')}): unhide the one to import`);
  }
  // The first table of Chinese beside English, and the tables after it laid out alike; else the
  // first sheet with text, as a column of paragraphs.
  const first = sheets.find((s) => s.columns !== null);
  const chosen = first ? sheets.filter((s) => s.columns === first.columns) : sheets.slice(0, 1);
  const skipped: WorkbookLayout['skipped'] = [];
  for (const entry of entries) {
    const sheet = sheets.find((s) => s.entry === entry);
    if (entry.hidden) skipped.push({ name: entry.name, reason: 'hidden' });
    else if (sheet && !chosen.includes(sheet)) skipped.push({ name: entry.name, reason: sheet.columns === null ? 'not Chinese and English' : 'other columns' });
  }
  if (chosen.length <= 1 && !skipped.length) return { text: joined(chosen[0]?.lines ?? []) };
  // Several sheets, or one of several: messages place a line by its sheet and row.
  const lines: string[] = [];
  const spans: SheetSpan[] = [];
  for (const s of chosen) {
    if (lines.length) lines.push('');
    spans.push({ name: s.entry.name, start: lines.length, rows: s.lines.length });
    lines.push(...s.lines);
  }
  return { text: joined(lines), layout: { read: chosen.map((s) => s.entry.name), skipped, spans } };
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/**
 * The column holding most of a sheet's Chinese and the other holding most of its English, as
 * "zh,en", when at least half of its rows have both; null otherwise.
 */
function bilingualColumns(lines: string[]): string | null {
  const zh: number[] = [];
  const en: number[] = [];
  let rows = 0;
  let both = 0;
  for (const line of lines) {
    if (!line) continue;
    rows++;
    const cells = line.split('\t');
    let hasZh = false;
    let hasEn = false;
    cells.forEach((cell, i) => {
      if (HAN.test(cell)) (zh[i] = (zh[i] ?? 0) + 1), (hasZh = true);
      else if (LATIN.test(cell)) (en[i] = (en[i] ?? 0) + 1), (hasEn = true);
    });
    if (hasZh && hasEn) both++;
  }
  if (both * 2 < rows) return null;
  const most = (counts: number[], not = -1) => counts.reduce((best, n, i) => (i !== not && n > (counts[best] ?? 0) ? i : best), not === 0 ? 1 : 0);
  const zhColumn = most(zh);
  return `${zhColumn},${most(en, zhColumn)}`;
}

function joined(lines: string[]): string {
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** A sheet's rows as tab-separated lines (line N for row N). */
function sheetLines(sheet: XmlElement, strings: string[]): string[] {
  const lines: string[] = [];
  // Header rows name the columns only above the first row of data.
  let data = false;
  for (const row of all(sheet, 'row')) {
    const at = row.attrs.r === undefined ? lines.length : Number(row.attrs.r) - 1;
    if (!Number.isInteger(at) || at < lines.length || at >= MAX_ROWS) {
      throw new InvalidInputError(`the workbook is damaged: a row numbered ${row.attrs.r ?? '?'} after row ${lines.length} (a sheet has at most ${MAX_ROWS} rows, in order)`);
    }
    const cells: string[] = [];
    for (const c of childElements(row)) {
      if (local(c) !== 'c') continue;
      const col = c.attrs.r ? columnOf(c.attrs.r) : cells.length;
      if (col < 0 || col >= MAX_COLUMNS) continue;
      const value = childElements(c).find((x) => local(x) === 'v');
      const raw = value ? textOf(value) : '';
      const type = c.attrs.t;
      const text =
        type === 's' ? (strings[Number(raw)] ?? '') : type === 'inlineStr' ? runText(childElements(c).find((x) => local(x) === 'is') ?? c) : type === 'b' ? (raw === '1' ? 'TRUE' : 'FALSE') : raw;
      while (cells.length < col) cells.push('');
      cells[col] = text.replace(/\s+/g, ' ').trim();
    }
    while (lines.length < at) lines.push('');
    const filled = cells.filter(Boolean).length;
    // Two columns at least: a row with its rendering missing is still a row of the table (and
    // its line says so), not a paragraph of text.
    while (cells.length < 2) cells.push('');
    const header = !data && isHeader(cells);
    if (!header && filled) data = true;
    lines[at] = header || !filled ? '' : cells.join('\t');
  }
  return lines;
}
