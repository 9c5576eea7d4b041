// Request guards that apply across features: the access token (header or browser cookie),
// cross-site writes, foreign Host names on loopback, the body size limit, the security headers.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual, createHash } from 'node:crypto';
import { TooLargeError } from '../errors.ts';
import { isLoopback } from '../config.ts';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

function digest(s: string): Buffer {
  // Equal-length digests let timingSafeEqual compare tokens of any length.
  return createHash('sha256').update(s).digest();
}

function presentedToken(authorization: string | undefined, header: string | undefined): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (bearer) return bearer[1];
  return header ?? null;
}

export const tokenCookie = 'duizhao_token';

function matches(given: string, expected: Buffer): boolean {
  return timingSafeEqual(digest(given), expected);
}

/**
 * With a token configured, every /api request must carry it: Authorization: Bearer, the
 * X-Duizhao-Token header, or the cookie a browser received from tokenLogin.
 */
export function requireToken(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = presentedToken(c.req.header('authorization'), c.req.header('x-duizhao-token')) ?? getCookie(c, tokenCookie) ?? null;
    if (given === null) throw new UnauthorizedError('this server needs a token: send Authorization: Bearer TOKEN, or open /?token=TOKEN once in the browser');
    if (!matches(given, expected)) throw new UnauthorizedError('wrong token');
    await next();
  };
}

/**
 * The browser client cannot be told a token, so opening any page with ?token=TOKEN once stores it
 * in an HttpOnly cookie (SameSite=Strict: other sites' requests never carry it) and redirects to
 * the same page without it, keeping the token out of the address bar and history.
 */
export function tokenLogin(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const given = c.req.query('token');
    if (given === undefined || c.req.method !== 'GET' || c.req.path.startsWith('/api/')) return next();
    if (!matches(given, expected)) throw new UnauthorizedError('wrong token');
    setCookie(c, tokenCookie, given, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 400 * 24 * 3600 });
    const url = new URL(c.req.url);
    url.searchParams.delete('token');
    return c.redirect(url.pathname + url.search, 303);
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A page on another site can make the browser POST a form (multipart, no preflight) to a server
 * on localhost; browsers always name their page's origin on such a request, so a write whose
 * Origin is another host, or that the browser marks cross-site, is refused. Tools that send no
 * Origin (curl, scripts) are unaffected.
 */
export const rejectCrossSiteWrites: MiddlewareHandler = async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    const origin = c.req.header('origin');
    let sameHost = true;
    if (origin !== undefined) {
      try {
        sameHost = new URL(origin).host === new URL(c.req.url).host;
      } catch {
        sameHost = false;
      }
    }
    if (!sameHost || c.req.header('sec-fetch-site') === 'cross-site') {
      throw new ForbiddenError('cross-site requests may not change data');
    }
  }
  await next();
};

/**
 * Bound to loopback without a token, the server answers only to loopback host names: a web page
 * whose domain an attacker re-points at 127.0.0.1 (DNS rebinding) would otherwise read the API.
 */
export const requireLoopbackHost: MiddlewareHandler = async (c, next) => {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  const name = host.replace(/:\d+$/, '');
  if (!isLoopback(name)) throw new ForbiddenError(`unexpected Host ${host}: open the app at http://127.0.0.1 or http://localhost`);
  await next();
};

export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new TooLargeError(`the request body is larger than ${formatBytes(maxBytes)}`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

// The client is a bundled Vite build: scripts from our origin only, never inline. Inline style
// attributes stay allowed because Preact and SVG charts set them.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Set before the handler runs: headers added to a finished response make Hono copy it into a new
// Response, which costs the Node adapter its fast path (a third of the API's throughput).
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  else c.header('Content-Security-Policy', contentSecurityPolicy);
  await next();
};
