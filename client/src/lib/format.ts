// Human labels for durations, dates and shares.

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 s';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export function formatPercent(share: number | null, digits = 0): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** "today", "tomorrow", "in 5 d", "3 d ago", or the date, relative to `now`. */
export function formatDue(iso: string | null, now: Date): string {
  if (!iso) return '—';
  const due = new Date(iso);
  if (Number.isNaN(due.getTime())) return '—';
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) {
    const days = Math.floor(-ms / 86_400_000);
    return days === 0 ? 'now' : `${days} d ago`;
  }
  if (ms < 3_600_000) return `in ${Math.max(1, Math.round(ms / 60_000))} min`;
  if (ms < 86_400_000) return `in ${Math.round(ms / 3_600_000)} h`;
  const days = Math.round(ms / 86_400_000);
  if (days < 60) return `in ${days} d`;
  return due.toISOString().slice(0, 10);
}

/** Variants typed one per line or separated by semicolons (commas occur inside renderings). */
/** A moment in the browser's time zone, to the minute: 2026-03-02 17:05. */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** A file's size as people read it: 512 B, 38 KB, 4.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function parseVariants(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[\n;；]/)) {
    const v = raw.trim().replace(/\s+/g, ' ');
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The 1-based line named by an error message ("line 12: …"), if any. */
export function errorLine(message: string): number | null {
  const m = /\bline (\d+)\b/.exec(message);
  return m ? Number(m[1]) : null;
}

/** [start, end) offsets of a 1-based line of text, for selecting it in a textarea. */
export function lineRange(text: string, line: number): [number, number] | null {
  if (!Number.isInteger(line) || line < 1) return null;
  let start = 0;
  for (let i = 1; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return [start, nl < 0 ? text.length : nl];
}

// Below this alignment score a sentence pair is shown as one to check (the import preview, the
// reader): the extractor's threshold, which the server counts by too.
export { shownScore, WEAK_ALIGNMENT } from '../../../server/extract/types.ts';
