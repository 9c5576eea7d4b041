// Instant feedback in the browser: the same dictionary-free grading core the server runs, fed
// from the card; the server's grade (with its dictionary) follows from /api/drill/check.
export { gradeCard } from '../../../server/grading/core.ts';
