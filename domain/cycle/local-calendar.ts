// A recorded cycle calendar as its people's wall clock reads it: every instant (UTC, as stored) also
// written in the cycle's zone, ISO 8601 with that zone's offset ("2026-04-13T23:59:59+07:00").
import { Temporal } from 'temporal-polyfill';

const utcInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `value` with each UTC instant in it, however deep, written in `timeZone`; everything else as it is. */
export function inTimeZone(value: unknown, timeZone: string): unknown {
  if (typeof value === 'string' && utcInstant.test(value))
    return Temporal.Instant.from(value)
      .toZonedDateTimeISO(timeZone)
      .toString({ timeZoneName: 'never', smallestUnit: 'second' });
  if (Array.isArray(value)) return value.map((item) => inTimeZone(item, timeZone));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inTimeZone(v, timeZone)]));
  return value;
}
