// ISO 8601 durations (PnYnMnWnDTnHnMnS, whole numbers only) and adding them to UTC instants.
import { civilFromDays, daysFromCivil, daysInMonth } from './gregorian.ts';

export type Duration = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

const pattern =
  /^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?$/;

/**
 * null unless the text is a duration such as P14D, P1M, P2W or PT12H. Weeks may be combined with other
 * parts (ISO 8601-1:2019); a `T` needs a time part after it; fractions and signs are not accepted.
 */
export function parseDuration(text: string): Duration | null {
  const m = pattern.exec(text);
  if (m === null || text === 'P' || text.endsWith('T')) return null;
  const n = (i: number) => Number(m[i] ?? 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

export function isZeroDuration(d: Duration): boolean {
  return Object.values(d).every((v) => v === 0);
}

/**
 * Adds (direction 1) or subtracts (-1) a duration: years and months on the UTC calendar first, keeping
 * the time of day and clamping to the month's last day (Jan 31 + P1M = Feb 28 or 29); then weeks and days
 * as whole UTC days; then hours, minutes and seconds.
 */
export function addDuration(epochMs: number, d: Duration, direction: 1 | -1 = 1): number {
  const msPerDay = 86_400_000;
  const days = Math.floor(epochMs / msPerDay);
  const timeOfDay = epochMs - days * msPerDay;
  const date = civilFromDays(days);
  const monthIndex = date.year * 12 + (date.month - 1) + direction * (d.years * 12 + d.months);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(date.day, daysInMonth(year, month));
  const movedDays = daysFromCivil(year, month, day) + direction * (d.weeks * 7 + d.days);
  const time = direction * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return movedDays * msPerDay + timeOfDay + time;
}
