// A long computation in pieces. Extraction of a large import takes seconds; written as a
// generator that yields its progress between pieces of work, it runs to the end at once where
// nothing else waits (the CLI, tests), while a server pauses it at each yield to answer other
// requests in between. Each piece is a plain loop in a plain function: the generator only
// sequences them, so the optimizing compiler sees the same hot code as before.

/** Work done out of a total; the total does not change during a run. */
export type Progress = readonly [done: number, total: number];

/** A computation that yields its progress between pieces of work and returns its result. */
export type Steps<T> = Generator<Progress, T, void>;

/** Runs the steps to the end without pausing, reporting every progress. */
export function runSteps<T>(steps: Steps<T>, onProgress?: (done: number, total: number) => void): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value[0], step.value[1]);
  }
}
