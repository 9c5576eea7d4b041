// The extractor's output: what server/library imports and what `cli extract --json` prints.
// Pure data; offsets are UTF-16 code-unit offsets into the sentence strings (JS string indexes).

/** An aligned sentence pair (a bead: one or more sentences on each side, joined). */
export interface SentencePair {
  /** 0-based index of the bitext pair (paragraph / row) this bead came from. */
  paragraph: number;
  /** 0-based ordinal of the bead inside its paragraph. */
  sentence: number;
  zh: string;
  en: string;
  /** Alignment confidence in [0, 1]. */
  score: number;
}

/** Below this alignment score a pair is one to check: flagged in the import preview and the reader. */
export const WEAK_ALIGNMENT = 0.4;

/**
 * A term's score as the import preview shows it, to two decimals: what a score floor compares,
 * in the preview and on the server alike (a floor of 0.5 keeps a term shown as 0.50).
 */
export function shownScore(score: number): number {
  return Number(score.toFixed(2));
}

/** Where a term occurs: index into Extraction.sentences, with offsets on both sides. */
export interface TermOccurrence {
  sentence: number;
  zhStart: number;
  zhEnd: number;
  /** The English span chosen for this occurrence; null when no rendering was found. */
  enStart: number | null;
  enEnd: number | null;
}

export interface ExtractedTerm {
  zh: string;
  /** The preferred rendering: the most frequent English span. */
  en: string;
  /** Every other rendering the text uses, most frequent first. */
  variants: string[];
  /** Tone-marked pinyin, syllables separated by spaces: "wǎng luò shēng tài zhì lǐ". */
  pinyin: string;
  count: number;
  /** Confidence in [0, 1]: term-hood and alignment together. */
  score: number;
  occurrences: TermOccurrence[];
  /** A termbase's note on the term (TBX input only). */
  note?: string;
}

export interface Extraction {
  sentences: SentencePair[];
  terms: ExtractedTerm[];
}

/**
 * How the input is read; 'tbx' and 'glossary' (a term per row of a TSV or CSV table) are
 * termbases: terms without sentences.
 */
export type InputFormat = 'interleaved' | 'tsv' | 'csv' | 'tmx' | 'tbx' | 'glossary' | 'subtitles' | 'two-files';
