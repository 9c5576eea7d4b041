// The extractor's entry point: text in, sentence pairs and terms out. Pure (no DB, no clock);
// extractFiles is the one function here that touches the file system.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { InvalidInputError, TooLargeError } from '../errors.ts';
import { decodeDocument, maxInputBytes, normalizeText, tooLargeMessage, type DecodedDocument } from './decode.ts';
import { glossaryEntries, looksLikeGlossary, readBitext, readDelimited, readTbx, resolveFormat, type GlossaryEntry } from './formats/index.ts';
import { placeInWorkbook, type WorkbookLayout } from './formats/xlsx.ts';
import { pinyinOf } from './lexicon.ts';
import { alignPairsSteps } from './sentences/index.ts';
import { extractTermsSteps } from './terms/index.ts';
import { runSteps, type Steps } from './steps.ts';
import type { BitextPair } from './formats/index.ts';
import type { Extraction, ExtractedTerm, InputFormat } from './types.ts';

export { decodeDocument, decodeText, maxInputBytes, type DecodedDocument } from './decode.ts';
export { detectFormat, inputFormats } from './formats/index.ts';
export type { WorkbookLayout } from './formats/xlsx.ts';
export { renderingSpan } from './terms/index.ts';
export type { BitextPair } from './formats/index.ts';
export type { Extraction, ExtractedTerm, InputFormat, SentencePair, TermOccurrence } from './types.ts';

export interface ExtractInput {
  text: string;
  /** The second of two monolingual files (one per language). */
  text2?: string;
  format?: InputFormat;
  /** `text` was read from these sheets of a workbook (decodeDocument): messages name sheet and row. */
  workbook?: WorkbookLayout;
  /** Called now and then with work done out of a total; the total does not change during a run. */
  onProgress?: (done: number, total: number) => void;
}

// Alignment is a small share of the work; term extraction the rest.
const alignShare = 0.15;
const progressScale = 1000;

export type { Progress, Steps } from './steps.ts';
export { runSteps } from './steps.ts';

/** What an extraction gives: its sentence pairs and terms, and how the input was read. */
export type ExtractOutput = Extraction & {
  format: InputFormat;
  /** A table read as a glossary by detection: its own format, to read its rows as sentence pairs instead. */
  asBitext?: 'tsv' | 'csv';
};

export function extract(input: ExtractInput): ExtractOutput {
  return runSteps(prepareExtraction(input).steps, input.onProgress);
}

/** An extraction whose input has been read and found usable, its work still to do. */
export interface PreparedExtraction {
  format: InputFormat;
  /** Sentence alignment, then term extraction; progress out of 1000. */
  steps: Steps<ExtractOutput>;
}

/**
 * Reads the input (decoding aside) and throws here, before any long work, on what makes it
 * unusable: empty, an unknown or wrong format, a line that cannot be paired. What remains,
 * alignment and terms, does not fail on content.
 */
export function prepareExtraction(input: Omit<ExtractInput, 'onProgress'>): PreparedExtraction {
  try {
    return prepare(input);
  } catch (err) {
    throw input.workbook ? inSheets(err, input.workbook) : err;
  }
}

/**
 * A message naming lines of a workbook's text made of its sheets names sheets and rows instead
 * ("sheet “Economy”, row 14"): the lines of that text are nowhere in the file.
 */
function inSheets(err: unknown, workbook: WorkbookLayout): unknown {
  if (!(err instanceof InvalidInputError) || !/\bline \d/.test(err.message)) return err;
  return new InvalidInputError(
    err.message.replace(/\bline (\d+)/g, (line, n: string) => placeInWorkbook(workbook, Number(n)) ?? line),
    undefined,
    err.code,
  );
}

function prepare(input: Omit<ExtractInput, 'onProgress'>): PreparedExtraction {
  const text = normalizeText(input.text);
  const text2 = input.text2 === undefined ? undefined : normalizeText(input.text2);
  if (!/\S/.test(text)) throw new InvalidInputError('the input is empty');
  if (text2 !== undefined && !/\S/.test(text2)) throw new InvalidInputError('the second file is empty');
  const format = resolveFormat(text, text2, input.format);
  if (format === 'tbx') return { format, steps: termbaseSteps(readTbx(text), format) };
  if (format === 'glossary') return { format, steps: termbaseSteps(glossaryEntries(readDelimited(text, delimiterOf(text), { notes: true })), format) };
  const pairs = readBitext(text, text2, format);
  // A table of terms rather than of sentences is a glossary, unless the user said otherwise; its
  // rows read again for their notes (a glossary is small).
  if ((format === 'tsv' || format === 'csv') && !input.format && looksLikeGlossary(pairs)) {
    return { format: 'glossary', steps: termbaseSteps(glossaryEntries(readDelimited(text, format, { notes: true })), 'glossary', format) };
  }
  return { format, steps: extractionSteps(pairs, format) };
}

/** A glossary's columns are separated by tabs, else by commas, on most of its lines. */
function delimiterOf(text: string): 'tsv' | 'csv' {
  const lines = text.split('\n', 1000).filter((l) => l.trim());
  const share = (c: string) => lines.filter((l) => l.includes(c)).length / Math.max(1, lines.length);
  if (share('\t') >= 0.8) return 'tsv';
  if (share(',') >= 0.8) return 'csv';
  throw new InvalidInputError('a glossary is a table of two columns, Chinese and English, separated by tabs or commas');
}

/**
 * A termbase's terms (a TBX file's, a glossary's) as extracted terms: no sentences, no
 * occurrences, full confidence. A Chinese term in several entries keeps the renderings of all of
 * them, the first entry's preferred first.
 */
function* termbaseSteps(entries: GlossaryEntry[], format: 'tbx' | 'glossary', asBitext?: 'tsv' | 'csv'): Steps<ExtractOutput> {
  const byZh = new Map<string, ExtractedTerm>();
  for (const entry of entries) {
    for (const zh of entry.zh) {
      const known = byZh.get(zh);
      if (!known) {
        byZh.set(zh, { zh, en: entry.en[0]!, variants: entry.en.slice(1), pinyin: pinyinOf(zh), count: 0, score: 1, occurrences: [], note: entry.note || undefined });
        continue;
      }
      const seen = new Set([known.en, ...known.variants].map((r) => r.toLowerCase()));
      for (const r of entry.en) if (!seen.has(r.toLowerCase())) (seen.add(r.toLowerCase()), known.variants.push(r));
    }
  }
  yield [progressScale, progressScale];
  return { format, sentences: [], terms: [...byZh.values()], ...(asBitext ? { asBitext } : {}) };
}

function* extractionSteps(pairs: BitextPair[], format: InputFormat): Steps<ExtractOutput> {
  const sentences = yield* within(alignPairsSteps(pairs), 0, alignShare);
  const terms = yield* within(extractTermsSteps(sentences), alignShare, 1);
  yield [progressScale, progressScale];
  return { format, sentences, terms };
}

/** Runs a stage's steps, its progress reported as the share [from, to] of the whole; returns its result. */
function* within<T>(stage: Steps<T>, from: number, to: number): Steps<T> {
  for (let step = stage.next(); ; step = stage.next()) {
    if (step.done) return step.value;
    const [done, total] = step.value;
    yield [Math.round((from + (to - from) * (total ? done / total : 1)) * progressScale), progressScale];
  }
}

/** Reads and decodes one file, refusing oversized ones before reading them. */
export async function readTextFile(path: string): Promise<string> {
  return (await readDocumentFile(path)).text;
}

/** readTextFile, with how a workbook's sheets make its text (decodeDocument). */
export async function readDocumentFile(path: string): Promise<DecodedDocument> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InvalidInputError(`cannot read ${path}: no such file`);
  }
  if (size > maxInputBytes) throw new TooLargeError(`${path}: ${tooLargeMessage(size)}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new InvalidInputError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? 'read error'}`);
  }
  return decodeDocument(bytes);
}

export interface FileExtraction extends Extraction {
  format: InputFormat;
  text: string;
  text2?: string;
  contentHash: string;
  /** The first file was a workbook of several sheets: which were read, and which left out. */
  workbook?: WorkbookLayout;
}

export async function extractFiles(
  path: string,
  path2?: string,
  options: { format?: InputFormat; onProgress?: (done: number, total: number) => void } = {},
): Promise<FileExtraction> {
  const { text, workbook } = await readDocumentFile(path);
  const text2 = path2 === undefined ? undefined : await readTextFile(path2);
  const result = extract({ text, text2, workbook, format: options.format, onProgress: options.onProgress });
  return { ...result, text, text2, contentHash: contentHash(text, text2), ...(workbook ? { workbook } : {}) };
}

/**
 * sha256 of the text as the extractor sees it (BOM, line endings, trailing blanks and Unicode
 * composition normalised), so the same document saved by another editor is recognised.
 */
export function contentHash(text: string, text2?: string): string {
  const norm = (t: string) =>
    normalizeText(t)
      .normalize('NFC')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
  const hash = createHash('sha256').update(norm(text));
  // Two files in either order are the same import.
  if (text2 !== undefined) {
    const [a, b] = [norm(text), norm(text2)].sort();
    return createHash('sha256').update(a).update('\u0000').update(b).digest('hex');
  }
  return hash.digest('hex');
}
