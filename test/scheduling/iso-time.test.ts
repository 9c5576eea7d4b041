import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTime } from '../../server/scheduling/index.ts';

describe('isoTime', () => {
  it.each([
    ['2026-03-02T09:00:00.000Z'],
    ['2026-03-02T09:10:00.000Z'],
    ['2024-02-29T23:59:59.999Z'],
    ['2000-02-29T00:00:00.000Z'],
    ['2100-03-01T00:00:00.001Z'],
    ['1970-01-01T00:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z'],
    ['1000-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z'],
  ])('writes %s as toISOString does', (iso) => {
    expect(isoTime(Date.parse(iso))).toBe(iso);
  });

  it('matches toISOString at any millisecond from year 1000 to 9999, and outside it', () => {
    const inRange = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) });
    const outside = fc.oneof(
      fc.integer({ min: -8.64e15, max: Date.UTC(1000, 0, 1) - 1 }),
      fc.integer({ min: Date.UTC(10000, 0, 1), max: 8.64e15 }),
    );
    fc.assert(
      fc.property(fc.oneof(inRange, outside), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses an invalid time as toISOString does', () => {
    expect(() => isoTime(NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
