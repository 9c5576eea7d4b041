// Input readers: text in, bitext pairs out. One reader per format, detected unless told.
import { InvalidInputError } from '../../errors.ts';
import type { InputFormat } from '../types.ts';
import { readDelimited } from './delimited.ts';
import { detectFormat } from './detect.ts';
import { readInterleaved } from './interleaved.ts';
import { looksLikeSubtitles, readSubtitles } from './subtitles.ts';
import { readTmx } from './tmx.ts';
import { readTwoFiles } from './two-files.ts';
import type { BitextPair } from './types.ts';

export type { BitextPair } from './types.ts';
export { detectFormat } from './detect.ts';
export { alignParagraphs, orderTexts } from './two-files.ts';
export { scriptOf } from './script.ts';
export { readTbx, type GlossaryEntry } from './tbx.ts';
export { glossaryEntries, looksLikeGlossary } from './glossary.ts';
export { readDelimited } from './delimited.ts';

export const inputFormats: readonly InputFormat[] = ['interleaved', 'tsv', 'csv', 'tmx', 'tbx', 'glossary', 'subtitles', 'two-files'];

export function resolveFormat(text: string, text2?: string, format?: InputFormat): InputFormat {
  if (format) return format;
  // Two subtitle files of one video pair by their cues' times, not as paragraphs.
  if (text2 !== undefined) return looksLikeSubtitles(text) && looksLikeSubtitles(text2) ? 'subtitles' : 'two-files';
  return detectFormat(text);
}

export function readBitext(text: string, text2: string | undefined, format: InputFormat): BitextPair[] {
  switch (format) {
    case 'interleaved':
      return readInterleaved(text);
    case 'tsv':
    case 'csv':
      return readDelimited(text, format);
    case 'tmx':
      return readTmx(text);
    case 'subtitles':
      return readSubtitles(text, text2);
    case 'tbx':
    case 'glossary':
      // prepareExtraction reads a termbase itself (readTbx, glossaryEntries): it has terms, not sentence pairs.
      throw new InvalidInputError(`a ${format === 'tbx' ? 'TBX file' : 'glossary'} is a termbase: it holds terms, not sentence pairs`);
    case 'two-files':
      if (text2 === undefined) throw new InvalidInputError('the two-files format needs a second file (one per language)');
      return readTwoFiles(text, text2);
  }
}
