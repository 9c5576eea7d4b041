// Turning a failed response into the message a user should read. Kept apart from fetch so the
// rules are tested without a network.

export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const FALLBACK: Record<number, string> = {
  400: 'The request was not accepted.',
  404: 'Not found.',
  409: 'That conflicts with a change made meanwhile; reload and try again.',
  413: 'The file is too large to import.',
  422: 'The input could not be read.',
  500: 'The server failed; try again.',
};

/** The server's {"error":{"code","message"}} when present; never raw HTML or a stack trace. */
export function failureFromBody(status: number, body: string): ApiFailure {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof message === 'string' && message.trim()) {
      return new ApiFailure(status, typeof code === 'string' ? code : 'error', message.trim());
    }
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic message.
  }
  const generic = FALLBACK[status] ?? (status >= 500 ? FALLBACK[500]! : `Request failed (HTTP ${status}).`);
  return new ApiFailure(status, 'http_' + status, generic);
}

export const networkFailure = (): ApiFailure =>
  new ApiFailure(0, 'network', 'Cannot reach the duizhao server. Is it still running?');
