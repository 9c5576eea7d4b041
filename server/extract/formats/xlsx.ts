// An Excel workbook (.xlsx) as text the readers take: its first sheet's rows as tab-separated
// lines, line N for row N of the sheet, so a message naming a line names the row. Translators keep
// glossaries (and some bilingual texts) in Excel; the rows then go where a TSV file's go, a
// glossary to the termbase, sentence pairs to extraction. Header rows naming the columns at the top
// are left out. Cell text is the shared string, inline string or formula result (numbers as written).
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

/** The first sheet's part name, through the workbook and its relationships. */
function firstSheet(bytes: Uint8Array, maxBytes: number): string {
  const workbook = zipMember(bytes, 'xl/workbook.xml', maxBytes)!;
  const sheet = all(parsePart(workbook, 'workbook'), 'sheet').next().value;
  if (!sheet) throw new InvalidInputError('the workbook has no sheet');
  const id = Object.entries(sheet.attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
  const rels = zipMember(bytes, 'xl/_rels/workbook.xml.rels', maxBytes);
  const rel = rels && id ? [...all(parsePart(rels, 'relationships'), 'Relationship')].find((r) => r.attrs.Id === id) : undefined;
  const target = rel?.attrs.Target ?? 'worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
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

/** The text of the workbook in `bytes` (an .xlsx): its first sheet as tab-separated rows; `maxBytes` bounds each part unpacked. */
export function workbookText(bytes: Uint8Array, maxBytes: number): string {
  const strings: string[] = [];
  const shared = zipMember(bytes, 'xl/sharedStrings.xml', maxBytes);
  if (shared) for (const si of all(parsePart(shared, 'shared strings'), 'si')) strings.push(runText(si));
  const name = firstSheet(bytes, maxBytes);
  const part = zipMember(bytes, name, maxBytes);
  if (!part) throw new InvalidInputError(`the workbook is damaged: its first sheet (${name}) is missing`);
  const lines: string[] = [];
  // Header rows name the columns only above the first row of data.
  let data = false;
  for (const row of all(parsePart(part, 'sheet'), 'row')) {
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
    // Two columns at least: a row with its rendering missing is still a row of the table (and
    // its line says so), not a paragraph of text.
    while (cells.length < 2) cells.push('');
    const header = !data && isHeader(cells);
    if (!header && cells.some(Boolean)) data = true;
    lines[at] = header || !cells.some(Boolean) ? '' : cells.join('\t');
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}
