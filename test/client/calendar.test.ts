import { describe, expect, it } from 'vitest';
import { addDays, denseDays, heatLevel, heatmapLayout, niceMax, weekday } from '../../client/src/lib/calendar.ts';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-11-28', 3)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('numbers weekdays from Monday', () => {
    expect(weekday('2026-11-30')).toBe(0); // a Monday
    expect(weekday('2026-11-28')).toBe(5); // a Saturday
    expect(weekday('2026-11-29')).toBe(6);
  });
});

describe('heatmapLayout: a year of reviews', () => {
  const today = '2026-11-28';
  const layout = heatmapLayout(
    [
      { day: '2026-11-28', count: 40 },
      { day: '2026-11-27', count: 10 },
      { day: '2026-01-05', count: 1 },
      { day: '2024-01-01', count: 99 }, // outside the year: not drawn, not counted
    ],
    today,
  );

  it('draws 365 days ending today, Monday on top', () => {
    expect(layout.cells).toHaveLength(365);
    const last = layout.cells[layout.cells.length - 1]!;
    expect(last).toMatchObject({ day: today, count: 40, row: 5, level: 4 });
    expect(layout.weeks).toBe(last.col + 1);
    expect(layout.weeks).toBeGreaterThanOrEqual(53);
    for (const c of layout.cells) expect(c.row).toBe(weekday(c.day));
  });

  it('counts and scales only the days inside the year', () => {
    expect(layout.total).toBe(51);
    expect(layout.max).toBe(40);
    expect(layout.cells.find((c) => c.day === '2026-11-27')!.level).toBe(1);
    expect(layout.cells.find((c) => c.day === '2026-06-01')!.level).toBe(0);
  });

  it('labels months without crowding', () => {
    const cols = layout.months.map((m) => m.col);
    for (let i = 1; i < cols.length; i++) expect(cols[i]! - cols[i - 1]!).toBeGreaterThanOrEqual(3);
    expect(layout.months.map((m) => m.label)).toContain('Jun');
  });

  it('levels: none, then quarters of the busiest day', () => {
    expect([0, 1, 10, 11, 20, 30, 40].map((n) => heatLevel(n, 40))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(heatLevel(5, 0)).toBe(0);
  });
});

describe('chart scales', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([[], [0], [1], [3], [7], [12], [48], [51], [100], [101]].map(niceMax)).toEqual([1, 1, 1, 5, 10, 20, 50, 100, 100, 200]);
  });
  it('fills missing days with zero', () => {
    expect(denseDays([{ day: '2026-11-29', count: 4 }], '2026-11-28', 3)).toEqual([
      { day: '2026-11-28', count: 0 },
      { day: '2026-11-29', count: 4 },
      { day: '2026-11-30', count: 0 },
    ]);
  });
});

describe('heatmap month labels', () => {
  it('labels the first full month rather than a sliver of the previous one', () => {
    // The year from 2025-11-29 starts with two days of November.
    const layout = heatmapLayout([], '2026-11-28');
    expect(layout.months[0]!.label).toBe('Dec');
    expect(layout.months.map((m) => m.label)).toEqual(['Dec', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov']);
  });
});
