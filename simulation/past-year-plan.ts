// When the demo's years happen. The finished previous year is the latest year whose whole cycle (the SKP
// planning in the December before it, the four quarters, the rating and objections early the next year,
// the follow-up until the end of that June) lies before today. Pure: the runner (bin/demo-past-year.ts)
// starts the past-time test server at `serverStart` and ends the cycle at `cycleEnd`.
import { Temporal } from 'temporal-polyfill';
import { endOfLocalDay } from '../domain/cycle/periods.ts';
import { formatInstant } from '../domain/time/instant.ts';

export interface PastYearPlan {
  year: number;
  /** 08:00 local time on 2 December of the year before: HR launches the cycle then. */
  serverStart: string;
  /** 23:59:59 local time on 30 June of the year after: referrals still open lapse then. */
  cycleEnd: string;
}

export function pastYearPlan(today: Date, timeZone: string): PastYearPlan {
  const plan = (year: number): PastYearPlan => ({
    year,
    serverStart: formatInstant(
      Temporal.PlainDateTime.from({ year: year - 1, month: 12, day: 2, hour: 8 }).toZonedDateTime(timeZone),
    ),
    cycleEnd: formatInstant(
      endOfLocalDay(Temporal.PlainDate.from({ year: year + 1, month: 6, day: 30 }), timeZone),
    ),
  });
  const thisYear = Temporal.Instant.fromEpochMilliseconds(today.getTime()).toZonedDateTimeISO(timeZone).year;
  const last = plan(thisYear - 1);
  return Date.parse(last.cycleEnd) < today.getTime() ? last : plan(thisYear - 2);
}

export interface CurrentYearPlan {
  year: number;
  /** 00:00 local time 13 days ago: the standards' socialisation (14 days) ends tomorrow. */
  start: string;
}

/**
 * The demo's year in progress: from November the next year (its SKP planning season), else this one;
 * launched as if HR had started it 13 days ago, so the socialisation is in its last day and the SKP
 * agreement opens tomorrow.
 */
export function currentYearPlan(today: Date, timeZone: string): CurrentYearPlan {
  const local = Temporal.Instant.fromEpochMilliseconds(today.getTime()).toZonedDateTimeISO(timeZone);
  const year = local.month >= 11 ? local.year + 1 : local.year;
  const start = local.toPlainDate().subtract({ days: 13 }).toZonedDateTime(timeZone);
  return { year, start: formatInstant(start) };
}
