export { importExtraction, listSources, type ImportExtractionInput } from './import-extraction.ts';
export { importText, seedIfEmpty, titleFromFileName, type ImportTextInput } from './import-text.ts';
export { applyCardKinds, bestSentenceOf, clozeScore } from './card-kinds.ts';
