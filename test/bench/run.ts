// `npm run bench [NAME…]`: speed and size, each figure beside its floor or baseline measured in
// the same run. Heavy by design; never part of `npm test`.
import { runSections } from '../sections.ts';

await runSections(
  {
    extract: () => import('./extract.ts'),
    drill: () => import('./drill.ts'),
    client: () => import('./client-size.ts'),
  },
  process.argv.slice(2),
);
