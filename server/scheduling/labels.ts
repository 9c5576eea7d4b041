// Interval labels as Anki shows them on the answer buttons: "1m", "10m", "3h", "4d", "3.2mo", "1.5y".
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const month = 30 * day;
const year = 365 * day;

function oneDecimal(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

export function intervalLabel(ms: number): string {
  const t = Math.max(0, ms);
  if (t < hour) return `${Math.max(1, Math.round(t / minute))}m`;
  if (t < day) return `${oneDecimal(t / hour)}h`;
  if (t < month) return `${Math.round(t / day)}d`;
  if (t < year) return `${oneDecimal(t / month)}mo`;
  return `${oneDecimal(t / year)}y`;
}
