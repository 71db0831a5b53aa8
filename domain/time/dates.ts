// Calendar dates (the proleptic Gregorian calendar of ISO 8601). zod's ISO date check knows month lengths
// and leap years; Temporal is not needed here, and this module is on every workflow's import path
// (NIP checks), where evaluating the time library at each workflow's start would cost a launch dearly.
import { z } from 'zod';

const isoDate = z.iso.date();

/** Whether year-month-day (month 1-12) names a day that exists, 29 February in leap years included. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 0 || year > 9999) return false;
  const p = (n: number, width: number) => String(n).padStart(width, '0');
  return isoDate.safeParse(`${p(year, 4)}-${p(month, 2)}-${p(day, 2)}`).success;
}
