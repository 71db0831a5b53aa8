// Time zones by their IANA names. Temporal (temporal-polyfill) reads zone rules from the ICU data built
// into Node: the same for every run of one Node version, so workflow code stays deterministic.
import { Temporal } from 'temporal-polyfill';

/** Indonesia's three zones; none has daylight saving time. */
export const indonesianTimeZones = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;

/**
 * The zone a cycle's calendar is computed in unless another is given: UTC, as siklus always has (check-ins
 * open at 00:00 UTC, 07:00 WIB). Organisations do not store a zone of their own yet.
 */
export const defaultTimeZone = 'UTC';

export function isTimeZone(name: string): boolean {
  try {
    Temporal.ZonedDateTime.from({ year: 2000, month: 1, day: 1, timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Calendar days from the local day of `from` to the local day of `to` in the zone (negative when earlier). */
export function localDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (at: Date) =>
    Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
  return day(from).until(day(to), { largestUnit: 'days' }).days;
}
