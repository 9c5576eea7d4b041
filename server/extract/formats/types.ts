/** One paragraph or row of a bilingual input: the two translations and where they start. */
export interface BitextPair {
  zh: string;
  en: string;
  /** 1-based line of the input where this pair starts (for messages and traceability). */
  line: number;
  /** A glossary row's other cells (a note, a domain), when asked for: the term's note. */
  note?: string;
}
