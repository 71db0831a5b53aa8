import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../../domain/time/dates.ts';
import { addDuration, parseDuration } from '../../../domain/time/duration.ts';
import { formatInstant, parseInstant } from '../../../domain/time/instant.ts';
import { indonesianTimeZones } from '../../../domain/time/zones.ts';

const at = (iso: string, zone = 'UTC') => {
  const instant = parseInstant(iso, zone);
  if (instant === null) throw new Error(`bad instant ${iso}`);
  return instant;
};

describe('given ISO 8601 duration texts', () => {
  it('when every part is given, then each is read', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7S')).toMatchObject({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it('when only some parts are given, then the others are 0 (M before T is months, after T minutes)', () => {
    expect(parseDuration('P14D')).toMatchObject({ days: 14, months: 0 });
    expect(parseDuration('P1M')).toMatchObject({ months: 1, minutes: 0 });
    expect(parseDuration('PT1M')).toMatchObject({ months: 0, minutes: 1 });
  });

  it.each(['', 'P', 'PT', 'P1DT', '14D', 'P-1D', 'P1.5D', 'P1D2Y', 'p14d', 'P14D '])(
    "when the text is '%s', then it is not a duration",
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );
});

describe('given a UTC instant and a duration', () => {
  const add = (iso: string, d: string, direction: 1 | -1 = 1) =>
    formatInstant(addDuration(at(iso), parseDuration(d)!, direction));

  it('when days, weeks and hours are added, then the result is exact', () => {
    expect(add('2025-01-02', 'P14D')).toBe('2025-01-16T00:00:00.000Z');
    expect(add('2025-12-31T00:00:00Z', 'P14D')).toBe('2026-01-14T00:00:00.000Z');
    expect(add('2025-01-01T10:00:00Z', 'P1WT15H')).toBe('2025-01-09T01:00:00.000Z');
  });

  it('when a month is added to the 31st, then the day clamps to the end of the month, leap years included', () => {
    expect(add('2025-01-31T08:00:00Z', 'P1M')).toBe('2025-02-28T08:00:00.000Z');
    expect(add('2024-01-31', 'P1M')).toBe('2024-02-29T00:00:00.000Z');
    expect(add('2024-02-29', 'P1Y')).toBe('2025-02-28T00:00:00.000Z');
  });

  it('when subtracted, then the time moves back across month and year ends', () => {
    expect(add('2025-03-02', 'P3D', -1)).toBe('2025-02-27T00:00:00.000Z');
    expect(add('2025-01-01', 'PT1S', -1)).toBe('2024-12-31T23:59:59.000Z');
  });
});

describe('given ISO 8601 instant texts', () => {
  it('when a date has no time, then it is midnight UTC', () => {
    expect(formatInstant(at('2024-02-29'))).toBe('2024-02-29T00:00:00.000Z');
  });

  it('when a date-time has an offset, then it is converted to UTC', () => {
    expect(formatInstant(at('2025-01-02T07:00+07:00'))).toBe('2025-01-02T00:00:00.000Z');
    expect(formatInstant(at('2025-01-01T23:30:15.5-01:00'))).toBe('2025-01-02T00:30:15.500Z');
  });

  it('when compared with the platform Date, then both agree', () => {
    for (const iso of ['1970-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', '2100-03-01T12:34:56.789Z']) {
      expect(at(iso).epochMilliseconds).toBe(Date.parse(iso));
      expect(formatInstant(at(iso))).toBe(iso);
    }
  });

  it.each(['2025-02-29', '2025-13-01', '2025-01-01T24:00Z', '2025-01-01T10:00', '2025-1-1', 'tomorrow'])(
    "when the text is '%s', then it is not an instant",
    (text) => {
      expect(parseInstant(text, 'UTC')).toBeNull();
    },
  );
});

describe('given the Gregorian calendar', () => {
  it('when dates are checked, then 29 February exists only in leap years (centuries only when divisible by 400)', () => {
    expect([1900, 2000, 2024, 2025, 2100].map((y) => isRealDate(y, 2, 29))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect([
      isRealDate(2025, 4, 31),
      isRealDate(2025, 13, 1),
      isRealDate(2025, 0, 1),
      isRealDate(2025, 12, 31),
    ]).toEqual([false, false, false, true]);
  });
});

describe('given the zones of Indonesia', () => {
  const { WIB, WITA, WIT } = indonesianTimeZones;

  it('when a date has no time, then it is the start of that day in the zone', () => {
    expect(formatInstant(at('2025-01-01', WIB))).toBe('2024-12-31T17:00:00.000Z');
    expect(formatInstant(at('2025-01-01', WITA))).toBe('2024-12-31T16:00:00.000Z');
    expect(formatInstant(at('2025-01-01', WIT))).toBe('2024-12-31T15:00:00.000Z');
  });

  it('when an instant is late in the UTC day, then it is already the next local day, and months are added there', () => {
    const evening = '2025-01-30T18:30:00Z'; // 01:30 on 31 January in WIB, 03:30 in WIT
    expect(at(evening, WIB).toPlainDate().toString()).toBe('2025-01-31');
    expect(at(evening, 'UTC').toPlainDate().toString()).toBe('2025-01-30');
    // One month on: 30 January (UTC) becomes 28 February; 31 January (WIT) clamps to 28 February at 03:30 WIT.
    expect(formatInstant(addDuration(at(evening, 'UTC'), parseDuration('P1M')!))).toBe(
      '2025-02-28T18:30:00.000Z',
    );
    expect(formatInstant(addDuration(at(evening, WIT), parseDuration('P1M')!))).toBe(
      '2025-02-27T18:30:00.000Z',
    );
  });
});
