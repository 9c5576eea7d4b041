// Grading's public surface for the server: the pure core plus the server's dictionary evidence.
export * from './core.ts';
export { serverEvidence, warmUpEvidence } from './evidence.ts';
