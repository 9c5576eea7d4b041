// The pure, dictionary-free grading core: what the browser bundles for instant feedback.
// Nothing here (or below) may import node: modules or a dictionary; the server passes its
// evidence in as a GradingEvidence argument.
export { normalizeAnswer, stemWord } from './normalize.ts';
export { diffTokens, tokenize } from './diff.ts';
export { chrf } from './chrf.ts';
export { gradeTerm, editDistance, pinyinKey, type TermInput } from './term.ts';
export { gradeTranslation, termCoverage, translationThresholds, type TranslationInput } from './translation.ts';
export { gradeCard, type GradableCard } from './card.ts';
export type * from './types.ts';
