// Local study days: a day runs from dayStartHour (04:00 by default) to the same hour next day, in
// the settings' IANA time zone, so late-night reviews count for the day they belong to. Offsets
// come from Intl, so DST transitions move the boundary's UTC instant as they should.
import type { DaySettings } from './types.ts';

export interface DayWindow {
  /** Local calendar date of the study day, YYYY-MM-DD. */
  day: string;
  start: Date;
  end: Date;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localTime(ms: number, timeZone: string): LocalTime {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out as unknown as LocalTime;
}

/** Milliseconds to add to UTC to get local wall-clock time at instant `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const t = localTime(ms, timeZone);
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant of a local wall-clock time. When a DST change repeats the hour, the first
 * reading; when it skips the hour, the first instant after the gap.
 */
function zonedToUtc(year: number, month: number, day: number, hour: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day, hour);
  // The offsets in force a day either side cover any transition near this time.
  const candidates = [...new Set([offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)])]
    .map((offset) => wall - offset)
    .sort((a, b) => a - b);
  const exact = candidates.find((t) => t + offsetAt(t, timeZone) === wall);
  return exact ?? candidates[candidates.length - 1];
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// nextCard asks for today's window on every call; the answer only changes at the boundary.
const lastWindow = new Map<string, DayWindow>();

/** The study day containing `now`. */
export function dayWindow(now: Date, settings: DaySettings): DayWindow {
  const key = `${settings.timeZone}|${settings.dayStartHour}`;
  const ms = now.getTime();
  const cached = lastWindow.get(key);
  if (cached && ms >= cached.start.getTime() && ms < cached.end.getTime()) return cached;

  const t = localTime(ms, settings.timeZone);
  // Before the day start, the hours still belong to the previous calendar day.
  const calendar = new Date(Date.UTC(t.year, t.month - 1, t.day - (t.hour < settings.dayStartHour ? 1 : 0)));
  const y = calendar.getUTCFullYear();
  const m = calendar.getUTCMonth() + 1;
  const d = calendar.getUTCDate();
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  const window: DayWindow = {
    day: isoDate(y, m, d),
    start: new Date(zonedToUtc(y, m, d, settings.dayStartHour, settings.timeZone)),
    end: new Date(
      zonedToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), settings.dayStartHour, settings.timeZone),
    ),
  };
  lastWindow.set(key, window);
  return window;
}

/** `count` consecutive study days ending with the one containing `now`, oldest first. */
export function recentDays(now: Date, count: number, settings: DaySettings): DayWindow[] {
  const days: DayWindow[] = [];
  let w = dayWindow(now, settings);
  for (let i = 0; i < count; i++) {
    days.push(w);
    w = dayWindow(new Date(w.start.getTime() - 1), settings);
  }
  return days.reverse();
}

/** `count` consecutive study days starting with the one containing `now`. */
export function comingDays(now: Date, count: number, settings: DaySettings): DayWindow[] {
  const days: DayWindow[] = [];
  let w = dayWindow(now, settings);
  for (let i = 0; i < count; i++) {
    days.push(w);
    w = dayWindow(w.end, settings);
  }
  return days;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
