export { importExtraction, listSources, type ImportExtractionInput } from './import-extraction.ts';
