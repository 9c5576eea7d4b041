// Import from text: extract, then store. The content hash is checked first, so re-importing a
// known document is instant and changes nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentHash, decodeText, extract } from '../extract/index.ts';
import type { InputFormat } from '../extract/types.ts';
import type { ImportResponse } from '../http/api-types.ts';
import { sourcesStore, type Db } from '../store/index.ts';
import { importExtraction } from './import-extraction.ts';

export interface ImportTextInput {
  title: string;
  text: string;
  text2?: string;
  format?: InputFormat;
  excludeTerms?: string[];
  now: Date;
  /** Work done out of a fixed total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

// Extraction is nearly all of the work; storing is quick.
const total = 1000;
const extractShare = 0.9;

export function importText(db: Db, input: ImportTextInput): ImportResponse {
  const hash = contentHash(input.text, input.text2);
  const known = sourcesStore.findSourceByHash(db, hash);
  if (known !== null) {
    const source = sourcesStore.sourceSummary(db, known)!;
    input.onProgress?.(total, total);
    return { source, counts: { sentences: source.sentences, terms: source.terms, newTerms: 0, cards: 0 }, duplicate: true };
  }
  const report = input.onProgress;
  const result = extract({
    text: input.text,
    text2: input.text2,
    format: input.format,
    onProgress: report && ((done, of) => report(Math.round((done / of) * extractShare * total), total)),
  });
  return importExtraction(db, {
    title: input.title.trim() || 'Untitled',
    format: result.format,
    contentHash: hash,
    extraction: { sentences: result.sentences, terms: result.terms },
    excludeTerms: input.excludeTerms,
    now: input.now,
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
