import { describe, expect, it } from 'vitest';
import { comingDays, dayWindow, recentDays } from '../../server/scheduling/index.ts';

describe('dayWindow: the study day starts at dayStartHour in the settings zone', () => {
  const cases: { now: string; timeZone: string; hour: number; day: string; start: string; end: string }[] = [
    // 03:59 in Shanghai still belongs to yesterday; 04:00 starts the new day.
    { now: '2026-03-01T19:59:00Z', timeZone: 'Asia/Shanghai', hour: 4, day: '2026-03-01', start: '2026-02-28T20:00:00.000Z', end: '2026-03-01T20:00:00.000Z' },
    { now: '2026-03-01T20:00:00Z', timeZone: 'Asia/Shanghai', hour: 4, day: '2026-03-02', start: '2026-03-01T20:00:00.000Z', end: '2026-03-02T20:00:00.000Z' },
    { now: '2026-03-02T03:59:59Z', timeZone: 'UTC', hour: 4, day: '2026-03-01', start: '2026-03-01T04:00:00.000Z', end: '2026-03-02T04:00:00.000Z' },
    { now: '2026-03-02T00:00:00Z', timeZone: 'UTC', hour: 0, day: '2026-03-02', start: '2026-03-02T00:00:00.000Z', end: '2026-03-03T00:00:00.000Z' },
    // New York springs forward on 8 March 2026: the day before is 23 hours long.
    { now: '2026-03-07T12:00:00Z', timeZone: 'America/New_York', hour: 4, day: '2026-03-07', start: '2026-03-07T09:00:00.000Z', end: '2026-03-08T08:00:00.000Z' },
    { now: '2026-03-08T12:00:00Z', timeZone: 'America/New_York', hour: 4, day: '2026-03-08', start: '2026-03-08T08:00:00.000Z', end: '2026-03-09T08:00:00.000Z' },
    // ...and falls back on 1 November: 31 October's study day lasts 25 hours.
    { now: '2026-10-31T12:00:00Z', timeZone: 'America/New_York', hour: 4, day: '2026-10-31', start: '2026-10-31T08:00:00.000Z', end: '2026-11-01T09:00:00.000Z' },
    // 02:00 does not exist on 8 March in New York: the day starts when the clock resumes, 03:00 EDT.
    { now: '2026-03-08T12:00:00Z', timeZone: 'America/New_York', hour: 2, day: '2026-03-08', start: '2026-03-08T07:00:00.000Z', end: '2026-03-09T06:00:00.000Z' },
  ];
  it.each(cases)('$now in $timeZone (day start $hour:00) is $day', ({ now, timeZone, hour, day, start, end }) => {
    const w = dayWindow(new Date(now), { timeZone, dayStartHour: hour });
    expect(w.day).toBe(day);
    expect(w.start.toISOString()).toBe(start);
    expect(w.end.toISOString()).toBe(end);
  });

  it('lists recent and coming days back to back, across a DST change', () => {
    const settings = { timeZone: 'America/New_York', dayStartHour: 4 };
    const now = new Date('2026-03-09T12:00:00Z');
    const back = recentDays(now, 4, settings);
    expect(back.map((d) => d.day)).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09']);
    for (let i = 1; i < back.length; i++) expect(back[i].start.getTime()).toBe(back[i - 1].end.getTime());
    const ahead = comingDays(new Date('2026-10-30T12:00:00Z'), 4, settings);
    expect(ahead.map((d) => d.day)).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(ahead.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000)).toEqual([24, 25, 24, 24]);
  });
});
