// ISO 8601 durations (PnYnMnWnDTnHnMnS) as Temporal durations, and adding them on a zone's calendar.
import { Temporal } from 'temporal-polyfill';

export type Duration = Temporal.Duration;

/**
 * null unless the text is a duration such as P14D, P1M, P2W or PT12H. Temporal reads the structure;
 * siklus's calendar settings also keep to whole, unsigned numbers in upper case, hence the first check.
 */
export function parseDuration(text: string): Duration | null {
  if (!/^P[0-9YMWDTHS]+$/.test(text)) return null;
  try {
    return Temporal.Duration.from(text);
  } catch {
    return null;
  }
}

export function isZeroDuration(d: Duration): boolean {
  return d.blank;
}

/**
 * Adds (direction 1) or subtracts (-1) a duration on the calendar of the instant's zone: years and months
 * first, keeping the local time and clamping to the month's last day (Jan 31 + P1M = Feb 28 or 29), then
 * weeks and days as local days, then hours, minutes and seconds as elapsed time. Throws a RangeError past
 * the years Temporal can represent.
 */
export function addDuration(
  at: Temporal.ZonedDateTime,
  d: Duration,
  direction: 1 | -1 = 1,
): Temporal.ZonedDateTime {
  return direction === 1 ? at.add(d) : at.subtract(d);
}
