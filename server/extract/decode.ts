// Bytes to text: the one place that guesses an encoding. Users bring files saved by Word,
// Notepad, WPS or a web page, so UTF-16 with a BOM and GBK are as real as UTF-8; and Word
// documents themselves (.docx), read for their text.
import iconv from 'iconv-lite';
import { InvalidInputError, TooLargeError } from '../errors.ts';
import { wordDocumentText } from './formats/docx.ts';
import { readWorkbook, type WorkbookLayout } from './formats/xlsx.ts';
import { isZip, zipEntries } from './formats/zip.ts';

/** Larger inputs are refused before decoding: a 50 MB bitext is already ~300k sentence pairs. */
export const maxInputBytes = 50 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  return `input is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${maxInputBytes / 1024 / 1024} MB (split the file)`;
}

export function decodeText(bytes: Uint8Array): string {
  return decodeDocument(bytes).text;
}

/** A file's text, and for an Excel workbook of several sheets, how its text was made of them. */
export interface DecodedDocument {
  text: string;
  workbook?: WorkbookLayout;
}

export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  if (bytes.length > maxInputBytes) throw new TooLargeError(tooLargeMessage(bytes.length));
  // A Word document or an Excel workbook is a ZIP archive of XML: read for its text.
  const office = isZip(bytes);
  if (!office && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new InvalidInputError('this is a Word 97–2003 document (.doc) or another old Office file: save it as .docx or as plain text');
  }
  const read: DecodedDocument = office ? officeText(bytes) : { text: decodeBytes(bytes) };
  const text = normalizeText(read.text);
  if (!/\S/.test(text)) throw new InvalidInputError(office ? 'the document has no text' : 'the input is empty');
  return read.workbook ? { text, workbook: read.workbook } : { text };
}

// An Office file's XML is parsed into a tree several times its size: each part read is bounded
// (a Word document of a thousand pages has a few MB of it).
export const maxOfficePartBytes = 16 * 1024 * 1024;

/** A Word document's text, or an Excel workbook's sheets as tab-separated rows. */
function officeText(bytes: Uint8Array): DecodedDocument {
  if (zipEntries(bytes).some((e) => e.name === 'xl/workbook.xml')) {
    const { text, layout } = readWorkbook(bytes, maxOfficePartBytes);
    return layout ? { text, workbook: layout } : { text };
  }
  return { text: wordDocumentText(bytes, maxOfficePartBytes) };
}

/** CRLF and lone CR become LF; a BOM left by a text editor is dropped. */
export function normalizeText(text: string): string {
  const bomless = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // extract() normalises again what decodeText did: looking for a CR costs a fraction of a
  // replace pass over megabytes that finds nothing.
  return bomless.includes('\r') ? bomless.replace(/\r\n?/g, '\n') : bomless;
}

function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkedText(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkedText(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return checkedText(new TextDecoder(utf16).decode(bytes));
  if (bytes.includes(0)) throw new InvalidInputError('this looks like a binary file, not text');
  try {
    return checkedText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
  }
  // Not UTF-8: GB18030 is a superset of GBK and GB2312, the usual encodings of Chinese files.
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  const bad = (text.match(/\uFFFD/g) ?? []).length;
  if (bad > Math.max(2, text.length / 1000)) {
    throw new InvalidInputError('the text is neither UTF-8, UTF-16 nor GBK (save it as UTF-8)');
  }
  return checkedText(text);
}

function utf8(bytes: Uint8Array): string {
  try {
    return checkedText(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    throw new InvalidInputError('the file starts with a UTF-8 mark but is not valid UTF-8');
  }
}

/** UTF-16 saved without a BOM still shows itself: ASCII characters leave a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros > half * 0.3 && evenZeros < half * 0.02) return 'utf-16le';
  if (evenZeros > half * 0.3 && oddZeros < half * 0.02) return 'utf-16be';
  return null;
}

/** Refuses what decodes but is not prose: control characters other than tab and line breaks. */
function checkedText(text: string): string {
  let control = 0;
  const sample = Math.min(text.length, 65536);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f) control++;
  }
  if (control > 0 && control > sample * 0.01) throw new InvalidInputError('this looks like a binary file, not text');
  if (control > 0 && text.includes('\0')) throw new InvalidInputError('this looks like a binary file, not text');
  return text;
}
