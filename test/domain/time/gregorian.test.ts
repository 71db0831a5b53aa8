import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, isLeapYear } from '../../../domain/time/gregorian.ts';

describe('given the Gregorian calendar', () => {
  it('when leap years are asked, then centuries are leap only when divisible by 400', () => {
    expect([1900, 2000, 2024, 2025, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
  });

  it('when every day from 1899 to 2101 is converted both ways, then it matches the platform Date', () => {
    const first = daysFromCivil(1899, 1, 1);
    const last = daysFromCivil(2101, 12, 31);
    for (let days = first; days <= last; days += 1) {
      const { year, month, day } = civilFromDays(days);
      expect(daysFromCivil(year, month, day)).toBe(days);
      const date = new Date(days * 86_400_000);
      if (date.getUTCFullYear() !== year || date.getUTCMonth() + 1 !== month || date.getUTCDate() !== day) {
        expect({ year, month, day }).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
      }
    }
  });
});
