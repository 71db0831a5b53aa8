// The deadlines of a period's penetapan (period-penetapan.ts), from the calendar: the time library is
// loaded where a calendar is read (the activity that opens it), never at a workflow's start.
import { Temporal } from 'temporal-polyfill';
import { formatInstant } from '../time/instant.ts';
import { penetapanDays, type StageDeadlines } from './penetapan.ts';
import { endOfLocalDay } from './periods.ts';

/** The deadline of each stage: penetapanDays, twice, three times local days after `ratingsIn`'s local day. */
export function periodPenetapanDeadlines(ratingsIn: string, timeZone: string): StageDeadlines {
  const day = Temporal.Instant.from(ratingsIn).toZonedDateTimeISO(timeZone).toPlainDate();
  const end = (n: number) => formatInstant(endOfLocalDay(day.add({ days: n * penetapanDays }), timeZone));
  return { leader: end(1), superior: end(2), hr: end(3) };
}
