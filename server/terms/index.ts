export { listTerms, getTerm, patchTerm, addTerm, setTermsKnown, type TermListOptions } from './terms.ts';
export { exportTermbase, type ExportFormat, type TermExport } from './export.ts';
