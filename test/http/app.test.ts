// Cross-cutting behaviour of the API: health, the error shape, the token, the body limit, content
// types, security headers, and the built client with its SPA fallback.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../server/http/index.ts';
import { expectError, json, makeApp, seedText, snapshot, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t?.close());

describe('health and the error shape', () => {
  it('answers GET /api/health with {"ok":true}', async () => {
    t = makeApp();
    const res = await t.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['DELETE', '/api/health'],
    ['GET', '/api/drill/answer'],
    ['POST', '/api/stats'],
  ])('%s %s is a JSON 404', async (method, path) => {
    t = makeApp();
    const res = await t.app.request(path, { method });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const error = await expectError(res, 404, 'not_found');
    expect(error.message).toContain(path);
  });
});

describe('the token', () => {
  const token = 'correct-horse-battery';
  it.each([
    ['no token', {}, 401],
    ['a wrong bearer token', { Authorization: 'Bearer wrong-token-here' }, 401],
    ['the token in another scheme', { Authorization: `Basic ${token}` }, 401],
    ['a wrong X-Duizhao-Token', { 'X-Duizhao-Token': 'nope' }, 401],
    ['the bearer token', { Authorization: `Bearer ${token}` }, 200],
    ['the X-Duizhao-Token header', { 'X-Duizhao-Token': token }, 200],
  ])('with %s: %i', async (_name, headers, status) => {
    t = makeApp({ token });
    const res = await t.app.request('/api/health', { headers });
    if (status === 401) await expectError(res, 401, 'unauthorized');
    else expect(await res.json()).toEqual({ ok: true });
  });

  it('guards writes too, and a refused write changes nothing', async () => {
    t = makeApp({ token });
    await t.app.request('/api/settings', { headers: { Authorization: `Bearer ${token}` } });
    const before = snapshot(t.db);
    const put = (headers: Record<string, string>) =>
      t.app.request('/api/settings', json({ newCardsPerDay: 5 }, { method: 'PUT', headers }));
    await expectError(await put({}), 401, 'unauthorized');
    expect(snapshot(t.db)).toEqual(before);
    const ok = await put({ Authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { newCardsPerDay: number }).newCardsPerDay).toBe(5);
  });

  it('a browser opening /?token=TOKEN once gets an HttpOnly cookie that the API accepts', async () => {
    t = makeApp({ token });
    const login = await t.app.request(`/stats?token=${token}&tab=week`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/stats?tab=week');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^duizhao_token=correct-horse-battery;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const res = await t.app.request('/api/health', { headers: { Cookie: cookie.split(';')[0] } });
    expect(await res.json()).toEqual({ ok: true });
    await expectError(await t.app.request('/api/health', { headers: { Cookie: 'duizhao_token=guess-guess' } }), 401, 'unauthorized');
    await expectError(await t.app.request('/?token=guess-guess'), 401, 'unauthorized');
  });

  it('is not needed without a configured token', async () => {
    t = makeApp();
    expect((await t.app.request('/api/health')).status).toBe(200);
  });
});

describe('requests from other sites', () => {
  it.each([
    ['another origin', { Origin: 'https://evil.example' }, 403],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site' }, 403],
    ['a malformed origin', { Origin: 'null' }, 403],
    ['the same origin', { Origin: 'http://localhost' }, 200],
    ['no origin (curl, scripts)', {}, 200],
  ])('a write from %s → %i', async (_name, headers, status) => {
    t = makeApp();
    await t.app.request('/api/settings');
    const before = snapshot(t.db);
    const res = await t.app.request('/api/settings', json({ newCardsPerDay: 7 }, { method: 'PUT', headers }));
    if (status === 403) {
      await expectError(res, 403, 'forbidden');
      expect(snapshot(t.db)).toEqual(before);
    } else expect(res.status).toBe(200);
  });

  it('a form posted by another site cannot import', async () => {
    t = makeApp();
    const before = snapshot(t.db);
    const form = new FormData();
    form.append('file', new File([seedText], 'x.txt'));
    const res = await t.app.request('/api/sources', { method: 'POST', body: form, headers: { Origin: 'https://evil.example' } });
    await expectError(res, 403, 'forbidden');
    expect(snapshot(t.db)).toEqual(before);
  });

  it.each([
    ['localhost:5178', 200],
    ['127.0.0.1:5178', 200],
    ['[::1]:5178', 200],
    ['evil.example', 403],
    ['rebound.example:5178', 403],
  ])('on loopback without a token, Host %s → %i', async (host, status) => {
    t = makeApp({ loopbackHostsOnly: true });
    const res = await t.app.request('/api/health', { headers: { Host: host } });
    expect(res.status).toBe(status);
  });
});

describe('bodies', () => {
  it('refuses a body over the limit with 413 and stores nothing', async () => {
    t = makeApp({ maxBodyBytes: 4096 });
    const before = snapshot(t.db);
    const big = seedText.repeat(3);
    const error = await expectError(await t.app.request('/api/sources', json({ title: 'big', text: big })), 413, 'too_large');
    expect(error.message).toMatch(/4 KB/);
    expect(snapshot(t.db)).toEqual(before);
  });

  it('refuses a chunked body (no Content-Length) over the limit', async () => {
    t = makeApp({ maxBodyBytes: 4096 });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(1000)));
        controller.close();
      },
    });
    const res = await t.app.request('/api/sources', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectError(res, 413, 'too_large');
  });

  it.each([
    ['/api/sources', 'POST'],
    ['/api/extract', 'POST'],
    ['/api/drill/answer', 'POST'],
    ['/api/settings', 'PUT'],
    ['/api/terms/1', 'PATCH'],
  ])('%s: malformed JSON is 400 invalid_json, text/plain is 415', async (path, method) => {
    t = makeApp();
    const before = snapshot(t.db);
    await expectError(
      await t.app.request(path, { method, headers: { 'Content-Type': 'application/json' }, body: '{"title": "x",' }),
      400,
      'invalid_json',
    );
    await expectError(
      await t.app.request(path, { method, headers: { 'Content-Type': 'text/plain' }, body: '{}' }),
      415,
      'unsupported_media_type',
    );
    await expectError(await t.app.request(path, { method, body: '{}' }), 415, 'unsupported_media_type');
    expect(snapshot(t.db)).toEqual(before);
  });
});

describe('the built client', () => {
  it('serves index.html at /, hashed assets with a long cache, and index.html for client routes', async () => {
    t = makeApp();
    const dist = join(t.dir, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>duizhao</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(t.dir, 'secret.txt'), 'outside the client');
    const app = createApp({ db: t.db, now: () => t.clock.now, clientDir: dist });

    const index = await app.request('/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(index.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await index.text()).toContain('<title>duizhao</title>');

    const asset = await app.request('/assets/index-abc123.js');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe('console.log(1)');

    for (const route of ['/drill', '/terms/12', '/stats']) {
      const res = await app.request(route);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>duizhao</title>');
    }
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
    expect((await app.request('/../secret.txt')).status).toBe(404);
    expect((await app.request('/%2e%2e/secret.txt')).status).toBe(404);
    await expectError(await app.request('/api/missing'), 404, 'not_found');
  });
});
