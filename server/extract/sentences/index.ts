// Sentences: splitting each language, aligning sentences inside a pair (and paragraphs across two
// files, with the same machinery).
export { splitEn, splitZh } from './split.ts';
export { alignUnits, defaultModel, defaultPriors, estimateModel, lengthCost, measure, toUnits } from './align.ts';
export type { Bead, LengthModel, Priors, Unit, AlignOptions } from './align.ts';
export { alignPairs, alignPairsSteps, foldEmpty } from './pairs.ts';
