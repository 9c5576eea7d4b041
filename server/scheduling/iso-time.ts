// Date.prototype.toISOString for the dates the drill shows on every card: V8 formats through a
// printf-style formatter; plain arithmetic on the milliseconds (Hinnant's days-to-civil) is a
// third of the cost. Years outside 1000-9999 keep the native formatting (its extended and
// padded forms), as do invalid times (it throws).
const dayMs = 86_400_000;

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** `new Date(ms).toISOString()`, same string. */
export function isoTime(ms: number): string {
  const days = Math.floor(ms / dayMs);
  let rest = ms - days * dayMs;
  // Days since 0000-03-01 in 400-year eras, so leap days fall at the end of each year.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (!(year >= 1000 && year <= 9999)) return new Date(ms).toISOString();
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const ms3 = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${ms3}Z`;
}
