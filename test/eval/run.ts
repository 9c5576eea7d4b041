// `npm run eval [NAME…]`: extraction and grading quality, printed as figures beside their
// baselines. Reads ../shared/corpora when present; a section whose data is missing says so.
import { runSections } from '../sections.ts';

await runSections(
  {
    align: () => import('./align.ts'),
    terms: () => import('./terms.ts'),
    news: () => import('./news.ts'),
    grading: () => import('./grading.ts'),
  },
  process.argv.slice(2),
);
