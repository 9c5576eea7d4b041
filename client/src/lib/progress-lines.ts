// The server's progress stream for imports and previews (server/http/progress.ts): JSON lines,
// {"progress":{"done","total"}} as the work advances and {"status",…} last. Kept apart from the
// network so the reading of partial responses is tested on its own.
import { ApiFailure, failureFromBody } from './api-errors.ts';

export const ndjson = 'application/x-ndjson';

export interface WorkProgress {
  done: number;
  total: number;
}

export type ProgressLine =
  | { progress: WorkProgress }
  | { status: number; result?: unknown; error?: { code?: unknown; message?: unknown } };

/** Reads the lines of a response that grows: each call returns the lines completed since the last. */
export class LineReader {
  private at = 0;

  next(text: string): ProgressLine[] {
    const out: ProgressLine[] = [];
    for (let nl = text.indexOf('\n', this.at); nl >= 0; nl = text.indexOf('\n', this.at)) {
      const line = text.slice(this.at, nl).trim();
      this.at = nl + 1;
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as ProgressLine);
      } catch {
        // A line that is not JSON is no progress; a missing outcome is reported at the end.
      }
    }
    return out;
  }
}

/** The work progress a line reports, or null for the outcome line. */
export function progressOf(line: ProgressLine): WorkProgress | null {
  if (!('progress' in line)) return null;
  const { done, total } = line.progress;
  return typeof done === 'number' && typeof total === 'number' && total > 0 ? { done, total } : null;
}

/** The result of a finished stream (its last line), or the failure that line reports. */
export function outcomeOf<T>(last: ProgressLine | undefined): T {
  if (!last || !('status' in last) || typeof last.status !== 'number') {
    // The stream ended without an outcome: the server stopped halfway.
    throw new ApiFailure(0, 'incomplete', 'The server stopped before finishing; try again.');
  }
  if (last.status >= 200 && last.status < 300 && 'result' in last) return last.result as T;
  throw failureFromBody(last.status, JSON.stringify({ error: last.error ?? {} }));
}

/**
 * A progress response read as it grows: each progress line is passed on once, and the last line
 * kept for the outcome. `read` takes the whole response so far; `end` takes all of it, reads a
 * last line left without its line break, and returns the outcome (or throws its failure).
 */
export class ProgressResponse {
  private readonly lines = new LineReader();
  private last: ProgressLine | undefined;

  constructor(private readonly onWork: (work: WorkProgress) => void) {}

  read(text: string): void {
    for (const line of this.lines.next(text)) {
      this.last = line;
      const work = progressOf(line);
      if (work) this.onWork(work);
    }
  }

  end<T>(text: string): T {
    this.read(text + '\n');
    return outcomeOf<T>(this.last);
  }
}
