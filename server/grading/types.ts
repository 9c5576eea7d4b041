// Grading contract. server/grading/core.ts is pure and dictionary-free (the client bundles it);
// dictionary evidence (CC-CEDICT glosses, opencc simplified<->traditional) is passed in by the server.

export type Suggestion = 1 | 2 | 3 | 4;
export type GradeDirection = 'zh-en' | 'en-zh';

/** Edits turning the answer into the reference: 'del' is only in the answer (to remove), 'add'
 *  only in the reference (missing from the answer). same+del spells the answer. */
export interface DiffOp {
  op: 'same' | 'add' | 'del';
  /** Tokens: characters for Chinese, words (with their trailing space) for English. */
  text: string;
}

export interface TermCoverage {
  zh: string;
  /** 'accepted': the answer used an accepted rendering; 'other': it used a non-accepted rendering
   *  (a consistency warning); 'missing': none found. */
  status: 'accepted' | 'other' | 'missing';
  /** The rendering found in the answer, if any. */
  found: string | null;
}

export interface GradeResult {
  score: number;
  suggestion: Suggestion;
  /** Diff of the answer against the closest accepted answer / the reference. */
  diff: DiffOp[];
  /** The accepted answer or reference the answer was compared with. */
  matched: string;
  /** Why the suggestion was made, short and human: "matches a variant", "typo", "pinyin only". */
  reason: string;
  terms?: TermCoverage[];
}

/** Evidence the server can pass in; absent in the browser. */
export interface GradingEvidence {
  /** Simplified -> canonical form (e.g. opencc t2s); identity when absent. */
  toSimplified?: (s: string) => string;
  /** English glosses of a Chinese word (CC-CEDICT), for synonym credit. */
  glosses?: (zh: string) => string[];
  /** Chinese words whose glosses contain an English word, for synonym credit in en->zh. */
  zhFor?: (en: string) => string[];
  /** Chinese words of a text (jieba on the server); the core falls back to dictionary longest match. */
  segment?: (zh: string) => string[];
}
