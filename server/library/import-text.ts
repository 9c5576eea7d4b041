// Import from text: extract, then store. The content hash is checked first, so re-importing a
// known document is instant and changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, decodeText, extract } from '../extract/index.ts';
import type { InputFormat } from '../extract/types.ts';
import type { WorkbookLayout } from '../extract/index.ts';
import type { ImportResponse } from '../http/api-types.ts';
import { sourcesStore, type Db } from '../store/index.ts';
import type { ExtractionResult, Extractions } from './extractions.ts';
import { importExtraction } from './import-extraction.ts';

export interface ImportTextInput {
  title: string;
  text: string;
  text2?: string;
  format?: InputFormat;
  excludeTerms?: string[];
  /** Terms the user knows (import-extraction.ts). */
  knownTerms?: string[];
  /** Extracted terms scored below it are left out (import-extraction.ts). */
  minScore?: number;
  /** How a workbook's sheets make `text` (decodeDocument): messages name sheet and row. */
  workbook?: WorkbookLayout;
  now: Date;
  /** Work done out of a fixed total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

// Extraction is nearly all of the work; storing is quick.
const total = 1000;
const extractShare = 0.9;

export function importText(db: Db, input: ImportTextInput): ImportResponse {
  const hash = contentHash(input.text, input.text2);
  const known = knownImport(db, hash);
  if (known) {
    input.onProgress?.(total, total);
    return known;
  }
  const report = input.onProgress;
  const result = extract({ text: input.text, text2: input.text2, format: input.format, workbook: input.workbook, onProgress: report && extractionProgress(report) });
  return store(db, input, hash, result);
}

/** An import a server runs: refused now on unusable input, its work done by run(). */
export interface BegunImport {
  run(onProgress?: (done: number, total: number) => void): Promise<ImportResponse>;
}

/**
 * importText for a server: the input is checked at once (InvalidInputError before anything is
 * started), the extraction runs paused and queued by `extractions` (or is the one a preview of
 * the same text just made), and the store is written in one transaction when it is done.
 */
export function beginImport(db: Db, input: Omit<ImportTextInput, 'onProgress'>, extractions: Extractions): BegunImport {
  const hash = contentHash(input.text, input.text2);
  const known = knownImport(db, hash);
  if (known) {
    return {
      run: async (onProgress) => {
        onProgress?.(total, total);
        return known;
      },
    };
  }
  const pending = extractions.prepare({ text: input.text, text2: input.text2, format: input.format, workbook: input.workbook });
  return {
    run: async (onProgress) => {
      const result = await pending.run(onProgress && extractionProgress(onProgress));
      // importExtraction looks for the content hash again inside its transaction: of two
      // imports of one text running together, the second is a duplicate.
      return store(db, { ...input, onProgress }, hash, result);
    },
  };
}

function knownImport(db: Db, hash: string): ImportResponse | null {
  const known = sourcesStore.findSourceByHash(db, hash);
  if (known === null) return null;
  const source = sourcesStore.sourceSummary(db, known)!;
  return { source, counts: { sentences: source.sentences, terms: source.terms, newTerms: 0, cards: 0 }, duplicate: true };
}

function extractionProgress(report: (done: number, total: number) => void) {
  return (done: number, of: number) => report(Math.round((done / of) * extractShare * total), total);
}

function store(db: Db, input: ImportTextInput, hash: string, result: ExtractionResult): ImportResponse {
  const report = input.onProgress;
  return importExtraction(db, {
    title: input.title.trim() || 'Untitled',
    format: result.format,
    contentHash: hash,
    extraction: { sentences: result.sentences, terms: result.terms },
    excludeTerms: input.excludeTerms,
    knownTerms: input.knownTerms,
    minScore: input.minScore,
    now: input.now,
    termOrigin: result.format === 'tbx' || result.format === 'glossary' ? 'user' : 'extracted',
    onProgress: report && ((done, of) => report(Math.round((extractShare + (1 - extractShare) * (done / of)) * total), total)),
  });
}

/** "cyber-ecosystem-governance.en-zh.txt" -> "Cyber ecosystem governance". */
export function titleFromFileName(name: string): string {
  const stem = name.replace(/\.[^.]*$/, '').replace(/\.(en-zh|zh-en|en|zh)$/i, '');
  const words = stem.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** Imports every seeds/*.txt when the database has no sources yet (the first start). */
export function seedIfEmpty(db: Db, seedsDir: string, now: Date): ImportResponse[] {
  if (sourcesStore.countSources(db) > 0) return [];
  let files: string[];
  try {
    files = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  } catch {
    return [];
  }
  return files.map((file) =>
    importText(db, { title: titleFromFileName(file), text: decodeText(readFileSync(join(seedsDir, file))), now }),
  );
}
