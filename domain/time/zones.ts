// Time zones by their IANA names. Temporal (temporal-polyfill) reads zone rules from the ICU data built
// into Node: the same for every run of one Node version, so workflow code stays deterministic.
import { Temporal } from 'temporal-polyfill';

/** Indonesia's three zones; none has daylight saving time. */
export const indonesianTimeZones = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const;

export type IndonesianTimeZone = (typeof indonesianTimeZones)[keyof typeof indonesianTimeZones];
export type ZoneAbbreviation = keyof typeof indonesianTimeZones;

/**
 * The zone of an organisation that has not chosen one (migration 0007's default), and of a calendar built
 * without a zone: WIB, where most of Indonesia's civil servants work. Everything that knows the
 * organisation passes its own zone.
 */
export const defaultTimeZone: IndonesianTimeZone = indonesianTimeZones.WIB;

/** Whether `name` is one of the three zones an organisation may choose. */
export function isIndonesianTimeZone(name: unknown): name is IndonesianTimeZone {
  return Object.values(indonesianTimeZones).includes(name as IndonesianTimeZone);
}

/** WIB, WITA or WIT for Indonesia's zones; any other zone goes by its IANA name (UTC stays UTC). */
export function zoneAbbreviation(timeZone: string): string {
  const found = Object.entries(indonesianTimeZones).find(([, zone]) => zone === timeZone);
  return found ? found[0] : timeZone;
}

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
