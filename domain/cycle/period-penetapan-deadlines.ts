// The deadlines of a period's penetapan (period-penetapan.ts), from the calendar: the time library is
// loaded where a calendar is read (the activity that opens it), never at a workflow's start.
import { Temporal } from 'temporal-polyfill';
import { formatInstant } from '../time/instant.ts';
import { penetapanDays, type StageDeadlines } from './penetapan.ts';
import { endOfLocalDay } from './periods.ts';

/**
 * The deadline of each stage: penetapanDays, twice, three times local days after `ratingsIn`'s local day;
 * in a training cycle one, two, three of its stage lengths (`stageMs`, minutes) after `ratingsIn`.
 */
export function periodPenetapanDeadlines(
  ratingsIn: string,
  timeZone: string,
  stageMs?: number,
): StageDeadlines {
  if (stageMs !== undefined) {
    const after = (n: number) => new Date(Date.parse(ratingsIn) + n * stageMs).toISOString();
    return { leader: after(1), superior: after(2), hr: after(3) };
  }
  const day = Temporal.Instant.from(ratingsIn).toZonedDateTimeISO(timeZone).toPlainDate();
  const end = (n: number) => formatInstant(endOfLocalDay(day.add({ days: n * penetapanDays }), timeZone));
  return { leader: end(1), superior: end(2), hr: end(3) };
}
