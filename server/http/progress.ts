// Progress of a long request (an import, its preview), for a client that asks for it with
// Accept: application/x-ndjson. The response is a stream of JSON lines:
//
//   {"progress":{"done":150,"total":1000}}      as the work advances (done only grows)
//   {"status":201,"result":{…}}                  last: the body the plain request would get
//   {"status":422,"error":{"code","message"}}    or the error it would get
//
// The HTTP status is 200 once the stream has started, so the outcome's status travels in the
// last line. Whatever can be refused before the work starts (a malformed body, an empty file,
// an unpaired line) is refused as usual, with its own status and no stream.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describeError } from './errors.ts';

export const ndjson = 'application/x-ndjson';

export function wantsProgress(c: Context): boolean {
  return (c.req.header('accept') ?? '').toLowerCase().includes(ndjson);
}

export interface Outcome {
  status: ContentfulStatusCode;
  body: unknown;
}

export type ProgressReport = (done: number, total: number) => void;

/** Runs `work`, answering with its progress as it comes and its outcome last. */
export function progressResponse(c: Context, onInternal: (err: unknown) => void, work: (report: ProgressReport) => Promise<Outcome>): Response {
  const encoder = new TextEncoder();
  let lastDone = -1;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const line = (value: unknown) => {
        try {
          controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
        } catch {
          // The client went away; the work still finishes (an import is stored all the same).
        }
      };
      const report: ProgressReport = (done, total) => {
        if (done <= lastDone) return;
        lastDone = done;
        line({ progress: { done, total } });
      };
      work(report)
        .then(
          ({ status, body }) => line({ status, result: body }),
          (err: unknown) => {
            const { status, code, message } = describeError(err, onInternal);
            line({ status, error: { code, message } });
          },
        )
        .finally(() => {
          try {
            controller.close();
          } catch {
            // Already closed by the client's cancel.
          }
        });
    },
  });
  return c.body(stream, 200, { 'content-type': `${ndjson}; charset=utf-8`, 'cache-control': 'no-store' });
}
