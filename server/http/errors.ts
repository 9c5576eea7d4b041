// The one place where a thrown error becomes an HTTP status and the JSON error shape. Handlers and
// services only throw; nothing else in server/http writes an error response.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ConflictError, DomainError, InvalidInputError, NotFoundError, TooLargeError } from '../errors.ts';
import type { ApiError } from './api-types.ts';

/** The request itself is malformed (wrong types, missing fields): 400, unlike content a service refuses (422). */
export class BadRequestError extends DomainError {
  override name = 'BadRequestError';
  constructor(message: string, code = 'invalid_request') {
    super(code, message);
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  override name = 'UnsupportedMediaTypeError';
  constructor(message: string) {
    super('unsupported_media_type', message);
  }
}

export class UnauthorizedError extends DomainError {
  override name = 'UnauthorizedError';
  constructor(message: string) {
    super('unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super('forbidden', message);
  }
}

const httpCodes: Partial<Record<number, string>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'invalid_input',
};

export function statusOf(err: DomainError): ContentfulStatusCode {
  if (err instanceof BadRequestError) return 400;
  if (err instanceof UnauthorizedError) return 401;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ConflictError) return 409;
  if (err instanceof TooLargeError) return 413;
  if (err instanceof UnsupportedMediaTypeError) return 415;
  // A well-formed request whose content a service refuses: an unpaired line, a bad setting.
  if (err instanceof InvalidInputError) return 422;
  return 400;
}

function errorBody(code: string, message: string): ApiError {
  return { error: { code, message } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json(errorBody(code, message), status);
}

/** The status and error body a thrown error becomes; unexpected ones are reported, not shown. */
export function describeError(err: unknown, onInternal: (err: unknown) => void): { status: ContentfulStatusCode; code: string; message: string } {
  if (err instanceof DomainError) return { status: statusOf(err), code: err.code, message: err.message };
  if (err instanceof HTTPException && err.status < 500) {
    // Hono's own validator refuses malformed JSON this way.
    const code = /json/i.test(err.message) ? 'invalid_json' : (httpCodes[err.status] ?? 'invalid_request');
    return { status: err.status, code, message: err.message || code.replace(/_/g, ' ') };
  }
  // Another process (a CLI import) holds the write lock longer than busy_timeout.
  if (err instanceof Error && (err as { code?: string }).code === 'SQLITE_BUSY') {
    return { status: 503, code: 'busy', message: 'the database is busy; try again in a moment' };
  }
  onInternal(err);
  return { status: 500, code: 'internal', message: 'internal error' };
}

export function createErrorHandler(onInternal: (err: unknown) => void): ErrorHandler {
  return (err, c) => {
    const { status, code, message } = describeError(err, onInternal);
    return errorResponse(c, status, code, message);
  };
}

export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`);
