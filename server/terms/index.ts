export { listTerms, getTerm, patchTerm, addTerm, setTermsKnown, setTermsStatus, type TermListOptions } from './terms.ts';
export { exportTermbase, type ExportFormat, type TermExport } from './export.ts';
