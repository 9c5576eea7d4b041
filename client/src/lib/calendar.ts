// Layout of the year heatmap and the bar charts: pure numbers, drawn as SVG by the Stats page.
import type { DayCount } from '../../../server/http/api-types.ts';

const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: string): number {
  return (new Date(day + 'T00:00:00Z').getUTCDay() + 6) % 7;
}

export interface HeatCell {
  day: string;
  count: number;
  /** Column (week) and row (weekday, Monday on top). */
  col: number;
  row: number;
  /** 0 for no reviews, 1–4 by share of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatmapLayout {
  cells: HeatCell[];
  weeks: number;
  max: number;
  total: number;
  /** First column of each month, for labels. */
  months: { col: number; label: string }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A year of days ending at `today` (included), in week columns that start on Monday. */
export function heatmapLayout(counts: DayCount[], today: string, days = 365): HeatmapLayout {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const first = addDays(today, -(days - 1));
  const start = addDays(first, -weekday(first));
  const cells: HeatCell[] = [];
  let max = 0;
  let total = 0;
  for (let day = first; day <= today; day = addDays(day, 1)) {
    const count = byDay.get(day) ?? 0;
    max = Math.max(max, count);
    total += count;
    const offset = Math.round((Date.parse(day) - Date.parse(start)) / DAY_MS);
    cells.push({ day, count, col: Math.floor(offset / 7), row: offset % 7, level: 0 });
  }
  for (const cell of cells) cell.level = heatLevel(cell.count, max);
  const months: { col: number; label: string }[] = [];
  for (const cell of cells) {
    // The first, partial month is labelled only when the next label is far enough away.
    if (cell.day.endsWith('-01') || cell === cells[0]) {
      const label = MONTHS[Number(cell.day.slice(5, 7)) - 1]!;
      const prev = months[months.length - 1];
      if (!prev || cell.col - prev.col >= 3) months.push({ col: cell.col, label });
      else if (prev.col === 0 && months.length === 1 && cell.day.endsWith('-01')) months[0] = { col: cell.col, label };
    }
  }
  const weeks = cells.length ? cells[cells.length - 1]!.col + 1 : 0;
  return { cells, weeks, max, total, months };
}

export function heatLevel(count: number, max: number): HeatCell['level'] {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as HeatCell['level'];
}

/** A "nice" axis maximum (1, 2, 5 × 10^n) at or above the largest value, so bars share a scale. */
export function niceMax(values: number[]): number {
  const max = Math.max(0, ...values);
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

/** Fills the days missing from a sparse series with zero, from `first` for `n` days. */
export function denseDays(counts: DayCount[], first: string, n: number): DayCount[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  return Array.from({ length: n }, (_, i) => {
    const day = addDays(first, i);
    return { day, count: byDay.get(day) ?? 0 };
  });
}
