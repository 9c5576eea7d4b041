export { getStats } from './stats.ts';
