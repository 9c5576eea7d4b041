export { listTerms, getTerm, patchTerm, type TermListOptions } from './terms.ts';
