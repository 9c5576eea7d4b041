// A Word document (.docx) as text the bitext readers take: translators keep bilingual texts in
// Word, as a two-column table (a CAT tool's bilingual review export, a glossary) or as paragraphs
// in turn. A table whose rows hold a Chinese cell beside an English one becomes tab-separated
// pairs; any other document becomes its paragraphs, one per line (interleaved, or one language
// of two files). Line N of the result is the document's Nth non-empty paragraph or table row, so
// an error naming a line names that paragraph.
import { InvalidInputError } from '../../errors.ts';
import { headerRows } from './header.ts';
import { scriptOf } from './script.ts';
import { localName as local, parseXml, textOf, type XmlElement } from './xml.ts';
import { zipEntries, zipMember } from './zip.ts';

const documentPart = 'word/document.xml';

/** Local name of a namespaced element: w:p → p. */
// Elements whose text is not the document's: deleted text of tracked changes, field codes,
// properties, and the words of footnote and comment references.
const skipped = new Set(['del', 'delText', 'instrText', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'footnoteReference', 'commentReference']);

/** A paragraph's text: its runs' text, tabs and line breaks as spaces. */
function paragraphText(e: XmlElement): string {
  let out = '';
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    const name = local(c);
    if (skipped.has(name)) continue;
    if (name === 't') out += textOf(c);
    else if (name === 'tab' || name === 'br' || name === 'cr') out += ' ';
    else if (name === 'noBreakHyphen') out += '-';
    else out += paragraphText(c);
  }
  return out;
}

type Block = { kind: 'paragraph'; text: string } | { kind: 'row'; cells: string[] };

const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The body's paragraphs and table rows in reading order (content controls and nested tables opened). */
function blocks(e: XmlElement, out: Block[]): Block[] {
  for (const c of e.children) {
    if (typeof c === 'string') continue;
    const name = local(c);
    if (name === 'p') out.push({ kind: 'paragraph', text: tidy(paragraphText(c)) });
    else if (name === 'tbl') {
      for (const row of c.children) {
        if (typeof row === 'string' || local(row) !== 'tr') continue;
        const cells = row.children
          .filter((x): x is XmlElement => typeof x !== 'string' && local(x) === 'tc')
          .map((cell) => tidy(blocks(cell, []).map((b) => (b.kind === 'paragraph' ? b.text : b.cells.join(' '))).join(' ')));
        out.push({ kind: 'row', cells });
      }
    } else if (!skipped.has(name)) blocks(c, out);
  }
  return out;
}

/** A row of a bilingual table: one Chinese cell, and English beside it (a rendering, perhaps a note). */
function bilingualRow(cells: string[]): boolean {
  return cells.filter((c) => scriptOf(c) === 'zh').length === 1 && cells.some((c) => scriptOf(c) === 'en');
}

/** Why a ZIP archive is not a document duizhao reads, from what it holds. */
function notWord(bytes: Uint8Array): InvalidInputError {
  const names = new Set(zipEntries(bytes).map((e) => e.name));
  if (names.has('content.xml')) return new InvalidInputError('this is an OpenDocument file (.odt): save it as .docx or as plain text');
  if (names.has('ppt/presentation.xml')) return new InvalidInputError('this is a PowerPoint file (.pptx): duizhao reads Word documents (.docx) and text');
  return new InvalidInputError('this is a ZIP archive, not a Word document (.docx)');
}

/**
 * The text of the Word document in `bytes` (a .docx), ready for the bitext readers; `maxBytes`
 * bounds its unpacked XML.
 */
export function wordDocumentText(bytes: Uint8Array, maxBytes: number): string {
  const part = zipMember(bytes, documentPart, maxBytes);
  if (!part) throw notWord(bytes);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(part);
  } catch {
    throw new InvalidInputError('the Word document is damaged (its text is not UTF-8)');
  }
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    throw new InvalidInputError(`the Word document is damaged: ${(err as Error).message}`);
  }
  const found = blocks(root, []);
  const rows = found.filter((b): b is Extract<Block, { kind: 'row' }> => b.kind === 'row' && b.cells.some(Boolean));
  const body = rows.slice(headerRows(rows.map((r) => r.cells)));
  const bilingual = body.filter((r) => bilingualRow(r.cells)).length;
  // A bilingual table (most of its rows a Chinese cell beside English): its rows as tab-separated
  // cells, the columns then told apart as a TSV file's are (a number column, a note column aside).
  if (bilingual >= 2 && bilingual >= body.length * 0.6) return body.map((r) => r.cells.join('\t')).join('\n') + '\n';
  const lines = found.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.cells)).filter(Boolean);
  return lines.join('\n') + (lines.length ? '\n' : '');
}
