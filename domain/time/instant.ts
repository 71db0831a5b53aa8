// ISO 8601 instants read into a time zone and written in UTC, with Temporal (see zones.ts).
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

const dateOnly = z.iso.date();
// A zone is required: a local date-time without one is ambiguous. Seconds may be left out.
const dateTime = z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })]);

/**
 * `YYYY-MM-DD` (the start of that day in `timeZone`) or `YYYY-MM-DDTHH:mm[:ss[.fff…]]` with `Z` or
 * `±HH:MM`, as an instant in `timeZone`. Digits beyond milliseconds are dropped. null when the text is
 * not such an instant or names an impossible date or time.
 */
export function parseInstant(text: string, timeZone: string): Temporal.ZonedDateTime | null {
  try {
    if (dateOnly.safeParse(text).success)
      return Temporal.PlainDate.from(text, { overflow: 'reject' }).toZonedDateTime(timeZone);
    if (dateTime.safeParse(text).success) {
      const instant = Temporal.Instant.from(text).round({
        smallestUnit: 'millisecond',
        roundingMode: 'trunc',
      });
      return instant.toZonedDateTimeISO(timeZone);
    }
  } catch {
    // an impossible date or time
  }
  return null;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, the same shape as Date#toISOString. */
export function formatInstant(at: Temporal.ZonedDateTime | Temporal.Instant): string {
  const instant = at instanceof Temporal.ZonedDateTime ? at.toInstant() : at;
  return instant.toString({ fractionalSecondDigits: 3 });
}
