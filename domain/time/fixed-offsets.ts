// The UTC offsets of UTC and Indonesia's three zones, none of which keeps daylight saving time: the end of
// a local day there is plain arithmetic. Workflow code uses this instead of the time-zone library, which
// it would otherwise load on every start (see `npm run bench -- first-task`).
const offsetMinutes: Readonly<Record<string, number>> = {
  UTC: 0,
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** 23:59:59 local time on the local day `days` after `iso`'s, in one of those zones; null in another. */
export function endOfLocalDayAfter(iso: string, days: number, timeZone: string): string | null {
  const offset = offsetMinutes[timeZone];
  if (offset === undefined) return null;
  const local = new Date(Date.parse(iso) + offset * 60_000 + days * 86_400_000);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 23, 59, 59);
  return new Date(end - offset * 60_000).toISOString();
}

/** 00:00 local time of the day `date` (YYYY-MM-DD) plus `days`, in one of those zones; null in another. */
export function startOfLocalDate(date: string, timeZone: string, days = 0): string | null {
  const offset = offsetMinutes[timeZone];
  const [year, month, day] = date.split('-').map(Number);
  if (offset === undefined || !year || !month || !day) return null;
  return new Date(Date.UTC(year, month - 1, day + days) - offset * 60_000).toISOString();
}

/** The local day (YYYY-MM-DD) of an instant in one of those zones; the UTC day in another. */
export function localDayOf(iso: string, timeZone: string | undefined): string {
  const offset = (timeZone && offsetMinutes[timeZone]) || 0;
  return new Date(Date.parse(iso) + offset * 60_000).toISOString().slice(0, 10);
}
