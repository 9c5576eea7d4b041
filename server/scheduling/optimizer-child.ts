// The FSRS optimizer's own process (see optimizer.ts): reads {items, current} as JSON on stdin,
// writes {weights, current, optimized} or {notEnoughData: true} as JSON on stdout. fsrs-rs aborts
// its process on input it cannot use; here that ends this child, not the server.
import { computeParameters, FSRSBinding, FSRSBindingItem, FSRSBindingReview } from '@open-spaced-repetition/binding';
import type { TrainingReview } from './optimizer.ts';

interface Request {
  items: TrainingReview[][];
  current: number[];
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { items: plain, current } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request;
  const items = plain.map((item) => new FSRSBindingItem(item.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));
  const fitOf = (weights: number[]) => {
    const { logLoss, rmseBins } = new FSRSBinding(weights).evaluate(items);
    return { logLoss, rmse: rmseBins };
  };
  let result: unknown;
  try {
    const currentFit = fitOf(current);
    const weights = await computeParameters(items, { enableShortTerm: true });
    result = { weights, current: currentFit, optimized: fitOf(weights) };
  } catch (err) {
    if (!(err instanceof Error && /NotEnoughData/.test(err.message))) throw err;
    result = { notEnoughData: true };
  }
  process.stdout.write(JSON.stringify(result));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
