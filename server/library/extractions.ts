// Extraction inside a long-running server. An import of a news test set takes seconds of CPU;
// run straight through, it would hold every other request (a drill answer, the progress page)
// for as long. Here it runs one piece at a time (extract/steps.ts), giving the event loop back
// between pieces, one extraction at a time (each holds the import's text and tokens: two at
// once would only share the CPU and double the memory). The last result is kept, so saving an
// import right after previewing it stores what the preview showed without extracting it again.
import { createHash } from 'node:crypto';
import { prepareExtraction, type ExtractOutput, type InputFormat, type Steps, type WorkbookLayout } from '../extract/index.ts';

export interface ExtractionRequest {
  text: string;
  text2?: string;
  format?: InputFormat;
  /** How a workbook's sheets make `text`: for messages naming sheet and row. */
  workbook?: WorkbookLayout;
}

export type ExtractionResult = ExtractOutput;

export type ProgressListener = (done: number, total: number) => void;

/** An extraction whose input was found usable: run() does the work (or returns the kept result). */
export interface PendingExtraction {
  run(onProgress?: ProgressListener): Promise<ExtractionResult>;
}

export class Extractions {
  private queue: Promise<unknown> = Promise.resolve();
  private last: { key: string; result: ExtractionResult } | null = null;

  /**
   * Reads the input now, throwing the extractor's own error on unusable input (empty, a line
   * that cannot be paired) before anything is started or queued.
   */
  prepare(request: ExtractionRequest): PendingExtraction {
    const key = keyOf(request);
    const kept = this.last?.key === key ? this.last.result : null;
    if (kept) return { run: async () => kept };
    const { steps } = prepareExtraction(request);
    return {
      run: (onProgress) => {
        // The same text sent twice at once (a double submit) is extracted once: the second, queued
        // behind the first, finds its result kept.
        const result = this.enqueue(() => (this.last?.key === key ? Promise.resolve(this.last.result) : runPaused(steps, onProgress)));
        return result.then((r) => {
          this.last = { key, result: r };
          return r;
        });
      },
    };
  }

  /** Runs `work` after every extraction queued before it has finished (failed or not). */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The exact request: a text differing in one space or one composed character is extracted anew. */
function keyOf({ text, text2, format }: ExtractionRequest): string {
  const hash = createHash('sha256').update(text);
  if (text2 !== undefined) hash.update('\u0000').update(text2);
  return `${format ?? 'auto'}:${text2 === undefined ? 1 : 2}:${hash.digest('hex')}`;
}

/** Runs the steps to the end, letting pending I/O and timers run after each one. */
async function runPaused<T>(steps: Steps<T>, onProgress?: ProgressListener): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value[0], step.value[1]);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
