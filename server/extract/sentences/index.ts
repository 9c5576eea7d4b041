export { splitEn, splitZh } from './split.ts';
export { alignUnits, defaultModel, defaultPriors, estimateModel, lengthCost, measure, toUnits } from './align.ts';
export type { Bead, LengthModel, Priors, Unit, AlignOptions } from './align.ts';
export { alignPairs, alignPair, foldEmpty } from './pairs.ts';
export type { PairAlignment } from './pairs.ts';
