// An Excel workbook (.xlsx) as text the readers take: its sheets' rows as tab-separated lines.
// Translators keep glossaries (and some bilingual texts) in Excel, often a sheet per topic; the
// rows then go where a TSV file's go, a glossary to the termbase, sentence pairs to extraction.
// Every visible sheet with two columns of data is read, in the workbook's order (a sheet of one
// column is notes, a hidden one a lookup table); a workbook with no such sheet is read for its
// first sheet with data, as a column of paragraphs. One sheet read: line N is row N, so a message
// naming a line names the row. Several: they follow each other a blank line apart, and
// placeInWorkbook() turns a line of that text back into its sheet and row. Header rows naming
// the columns at the top of a sheet are left out. Cell text is the shared string, inline string
// or formula result (numbers as written).
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

/** Where a sheet's rows lie in the text of a workbook of several sheets. */
interface SheetSpan {
  name: string;
  /** 0-based index of the sheet's row 1 among the text's lines. */
  start: number;
  rows: number;
}

export interface WorkbookSheets {
  read: string[];
  /** Sheets with something in them not read, each with why (empty ones are not listed). */
  skipped: { name: string; reason: 'hidden' | 'one column' }[];
}

// The last workbooks read as several sheets, by their text: to name a sheet and row in a message
// about a line, and to say in a preview which sheets were read. A few: a preview and its import.
const recent = new Map<string, { spans: SheetSpan[]; sheets: WorkbookSheets }>();
const RECENT = 8;

/** "sheet “Economy”, row 14" for line `line` (1-based) of a workbook's text of several sheets; undefined otherwise. */
export function placeInWorkbook(text: string, line: number): string | undefined {
  const spans = recent.get(text)?.spans;
  const span = spans?.find((s) => line > s.start && line <= s.start + s.rows);
  return span && `sheet “${span.name}”, row ${line - span.start}`;
}

/** Which sheets of a workbook of several were read into `text`, and which not; undefined for other texts. */
export function workbookSheets(text: string): WorkbookSheets | undefined {
  return recent.get(text)?.sheets;
}

/** The text of the workbook in `bytes` (an .xlsx), as the head of this file says; `maxBytes` bounds each part unpacked. */
export function workbookText(bytes: Uint8Array, maxBytes: number): string {
  const strings: string[] = [];
  const shared = zipMember(bytes, 'xl/sharedStrings.xml', maxBytes);
  if (shared) for (const si of all(parsePart(shared, 'shared strings'), 'si')) strings.push(runText(si));
  const entries = sheetsOf(bytes, maxBytes);
  const sheets: { entry: SheetEntry; lines: string[]; columns: number }[] = [];
  const skipped: WorkbookSheets['skipped'] = [];
  for (const entry of entries) {
    if (entry.hidden) {
      skipped.push({ name: entry.name, reason: 'hidden' });
      continue;
    }
    const part = zipMember(bytes, entry.part, maxBytes);
    if (!part) throw new InvalidInputError(`the workbook is damaged: its sheet “${entry.name}” (${entry.part}) is missing`);
    const sheet = sheetLines(parsePart(part, `sheet ${entry.name}`), strings);
    if (sheet.lines.some(Boolean)) sheets.push({ entry, ...sheet });
  }
  const tables = sheets.filter((s) => s.columns >= 2);
  const chosen = tables.length ? tables : sheets.slice(0, 1);
  for (const s of sheets) if (!chosen.includes(s)) skipped.push({ name: s.entry.name, reason: 'one column' });
  if (chosen.length <= 1 && !skipped.length) return joined(chosen[0]?.lines ?? []);
  // Several sheets, or one read of several: messages place a line by its sheet and row.
  const lines: string[] = [];
  const spans: SheetSpan[] = [];
  for (const s of chosen) {
    if (lines.length) lines.push('');
    spans.push({ name: s.entry.name, start: lines.length, rows: s.lines.length });
    lines.push(...s.lines);
  }
  const text = joined(lines);
  const order = new Map(entries.map((e, i) => [e.name, i]));
  skipped.sort((a, b) => order.get(a.name)! - order.get(b.name)!);
  recent.delete(text);
  recent.set(text, { spans, sheets: { read: chosen.map((s) => s.entry.name), skipped } });
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return text;
}

function joined(lines: string[]): string {
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** A sheet's rows as tab-separated lines (line N for row N), and the most cells with text in one row. */
function sheetLines(sheet: XmlElement, strings: string[]): { lines: string[]; columns: number } {
  const lines: string[] = [];
  let columns = 0;
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
    if (!header && filled > columns) columns = filled;
    lines[at] = header || !filled ? '' : cells.join('\t');
  }
  return { lines, columns };
}
