// ISO 8601 instants as UTC epoch milliseconds, parsed and printed without Date (see gregorian.ts).
import { civilFromDays, daysFromCivil, isRealDate } from './gregorian.ts';

const msPerDay = 86_400_000;

const pattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Epoch milliseconds of `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDTHH:mm[:ss[.fff]]` with `Z` or `±HH:MM`
 * (a zone is required: a local time without one is ambiguous). Digits beyond milliseconds are dropped.
 * null when the text is not such an instant or names an impossible date or time.
 */
export function parseInstant(text: string): number | null {
  const m = pattern.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isRealDate(year, month, day)) return null;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = daysFromCivil(year, month, day) * msPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  return local - offsetMinutes * 60_000;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, the same shape as Date#toISOString (years 0000-9999). */
export function formatInstant(epochMs: number): string {
  const days = Math.floor(epochMs / msPerDay);
  const { year, month, day } = civilFromDays(days);
  let rest = epochMs - days * msPerDay;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${p(year, 4)}-${p(month)}-${p(day)}T${p(hour)}:${p(minute)}:${p(second)}.${p(ms, 3)}Z`;
}

/** The calendar date in UTC of an instant. */
export function utcDateOf(epochMs: number): { year: number; month: number; day: number } {
  return civilFromDays(Math.floor(epochMs / msPerDay));
}

export function utcMidnight(year: number, month: number, day: number): number {
  return daysFromCivil(year, month, day) * msPerDay;
}
