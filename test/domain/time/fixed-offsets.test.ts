import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { endOfLocalDay } from '../../../domain/cycle/periods.ts';
import { endOfLocalDayAfter } from '../../../domain/time/fixed-offsets.ts';
import { formatInstant } from '../../../domain/time/instant.ts';

describe('the end of a local day by fixed offset', () => {
  it('is 23:59:59 local on the day N days later, as the zone rules give it, in WIB, WITA, WIT and UTC', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'UTC'];
    // Every 7 hours 13 minutes over two years: instants on both sides of each zone's midnight.
    for (
      let ms = Date.parse('2026-01-01T00:00:00Z');
      ms < Date.parse('2028-01-01T00:00:00Z');
      ms += 26_000_000
    ) {
      const iso = new Date(ms).toISOString();
      for (const zone of zones) {
        const day = Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDate().add({ days: 14 });
        expect(endOfLocalDayAfter(iso, 14, zone), `${iso} ${zone}`).toBe(
          formatInstant(endOfLocalDay(day, zone)),
        );
      }
    }
  });

  it('says null for a zone it has no fixed offset for', () => {
    expect(endOfLocalDayAfter('2026-04-01T00:00:00Z', 14, 'Europe/Amsterdam')).toBeNull();
  });

  it('counts from the local day: 23:30 UTC on 31 March is already 1 April in WIB', () => {
    expect(endOfLocalDayAfter('2026-03-31T23:30:00.000Z', 14, 'Asia/Jakarta')).toBe(
      '2026-04-15T16:59:59.000Z',
    );
    expect(endOfLocalDayAfter('2026-03-31T23:30:00.000Z', 14, 'UTC')).toBe('2026-04-14T23:59:59.000Z');
  });
});
