import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayWindow } from '../../server/scheduling/index.ts';

const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

describe('dayWindow over random instants and zones', () => {
  it('contains the instant, lasts 23 to 25 hours, is labelled by its local date, and meets the next day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (ms, timeZone, dayStartHour) => {
          const settings = { timeZone, dayStartHour };
          const w = dayWindow(new Date(ms), settings);
          expect(w.start.getTime()).toBeLessThanOrEqual(ms);
          expect(w.end.getTime()).toBeGreaterThan(ms);
          const hours = (w.end.getTime() - w.start.getTime()) / 3_600_000;
          expect(hours).toBeGreaterThanOrEqual(22.5);
          expect(hours).toBeLessThanOrEqual(25.5);
          expect(dayWindow(w.end, settings).start.getTime()).toBe(w.end.getTime());
          // The label is the local calendar date at the start of the study day.
          const local = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(w.start);
          expect(w.day).toBe(local);
        },
      ),
      { numRuns: 300 },
    );
  });
});
