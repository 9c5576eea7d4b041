import { describe, expect, it } from 'vitest';
import { ConfigError, clockOf, isLoopback, loadConfig } from '../server/config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 5178,
      dbPath: './data/duizhao.db',
      token: null,
      seed: true,
      fixedNow: null,
      maxBodyBytes: 20 * 1024 * 1024,
      backups: 7,
    });
  });

  it.each([
    [{ PORT: '0' }, { port: 0 }],
    [{ PORT: '8080' }, { port: 8080 }],
    [{ DUIZHAO_SEED: 'off' }, { seed: false }],
    [{ DUIZHAO_SEED: 'OFF' }, { seed: false }],
    [{ DUIZHAO_SEED: 'on' }, { seed: true }],
    [{ DUIZHAO_NOW: '2026-03-01T09:00:00Z' }, { fixedNow: new Date('2026-03-01T09:00:00Z') }],
    [{ DUIZHAO_NOW: '2026-03-01T09:00:00.500+08:00' }, { fixedNow: new Date('2026-03-01T01:00:00.500Z') }],
    [{ DUIZHAO_MAX_BODY: '5MB' }, { maxBodyBytes: 5 * 1024 * 1024 }],
    [{ DUIZHAO_MAX_BODY: '65536' }, { maxBodyBytes: 65536 }],
    [{ DUIZHAO_TOKEN: '' }, { token: null }],
    [{ DUIZHAO_BACKUPS: '0' }, { backups: 0 }],
    [{ DUIZHAO_BACKUPS: '30' }, { backups: 30 }],
    [{ HOST: '0.0.0.0', DUIZHAO_TOKEN: 'a-long-secret' }, { host: '0.0.0.0', token: 'a-long-secret' }],
    [{ HOST: 'localhost' }, { host: 'localhost' }],
    [{ HOST: '::1' }, { host: '::1' }],
  ])('reads %j', (env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT="abc" must be a whole number/],
    [{ PORT: '-1' }, /^PORT="-1"/],
    [{ PORT: '70000' }, /^PORT="70000" must be at most 65535/],
    [{ DUIZHAO_SEED: 'maybe' }, /^DUIZHAO_SEED="maybe" must be "on" or "off"/],
    [{ DUIZHAO_NOW: 'yesterday' }, /^DUIZHAO_NOW="yesterday" must be an ISO instant/],
    [{ DUIZHAO_NOW: '2026-03-01' }, /^DUIZHAO_NOW/],
    [{ DUIZHAO_MAX_BODY: 'lots' }, /^DUIZHAO_MAX_BODY="lots"/],
    [{ DUIZHAO_TOKEN: 'short' }, /^DUIZHAO_TOKEN="short" must be at least 8 characters/],
    [{ DUIZHAO_BACKUPS: 'weekly' }, /^DUIZHAO_BACKUPS="weekly" must be a whole number of daily backups to keep/],
    [{ HOST: '0.0.0.0' }, /HOST=0.0.0.0 is reachable from other machines: set DUIZHAO_TOKEN/],
    [{ HOST: '192.168.1.20' }, /set DUIZHAO_TOKEN/],
  ])('refuses %j with one line', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('loadConfig for CLI commands (serving: false)', () => {
  it('reads the database and clock, ignoring server-only variables', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', PORT: 'abc', DUIZHAO_DB: '/tmp/x.db', DUIZHAO_NOW: '2026-03-01T09:00:00Z' },
      { serving: false },
    );
    expect(config).toMatchObject({ dbPath: '/tmp/x.db', fixedNow: new Date('2026-03-01T09:00:00Z') });
  });

  it('still refuses a bad DUIZHAO_NOW', () => {
    expect(() => loadConfig({ DUIZHAO_NOW: 'soon' }, { serving: false })).toThrow(ConfigError);
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

describe('clockOf', () => {
  it('returns the fixed instant every time, as a fresh Date', () => {
    const clock = clockOf({ fixedNow: new Date('2026-03-01T09:00:00Z') });
    const a = clock();
    a.setFullYear(2000);
    expect(clock().toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });
});
