export { importExtraction, listSources, newRenderings, termCards, type ImportExtractionInput } from './import-extraction.ts';
export { beginImport, importText, seedIfEmpty, titleFromFileName, type BegunImport, type ImportTextInput } from './import-text.ts';
export { Extractions, type ExtractionRequest, type ExtractionResult, type PendingExtraction } from './extractions.ts';
export { applyCardKinds, bestSentenceOf, clozeScore } from './card-kinds.ts';
export { deleteSource, editPair, learnSourceNext, markSourceTermsKnown, mergeWithNext, searchPairs, sourceDetail, sourceRemoval, splitPair, splitPoints } from './sources.ts';
export { addMissingClozes, realignTerm, recognizeTerms, type KnownTerm } from './recognize.ts';
export { exportSource, fileBase, type SourceExport, type SourceExportFormat } from './source-export.ts';
