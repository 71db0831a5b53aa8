// The evaluation periods of a cycle (PermenPANRB 6/2022): each ends in a periodic evaluation with its own
// ratings and predikat. HR chooses the kind when the cycle starts: quarterly (TW1-TW4, the default),
// monthly (M01-M12) or semester (S1, S2). A period's evaluation window opens at 00:00 local time on the
// period's last day and its deadline is 23:59:59 local time on the window's last day, in the
// organisation's zone (WIB, WITA or WIT): never a UTC midnight.
import { Temporal } from 'temporal-polyfill';
import { formatInstant } from '../time/instant.ts';

export const periodKinds = ['quarterly', 'monthly', 'semester'] as const;
export type PeriodKind = (typeof periodKinds)[number];
export const defaultPeriodKind: PeriodKind = 'quarterly';

/** The akhir (annual) evaluation, next to the periods in reads and exports. */
export const annualPeriod = 'akhir';

/** Window lengths in local days, counting the opening day: a monthly recap is due within the week. */
export const defaultWindowDays: Readonly<Record<PeriodKind, number>> = {
  quarterly: 14,
  monthly: 7,
  semester: 14,
};

/**
 * A rater who has not rated by a deadline is passed over: the rater's superior (atasan pejabat penilai)
 * gets a task to rate instead, due this many local days later, then HR, the same again.
 */
export const escalationDays = 7;

/** The deadlines of one rating: the rater's, then the superior's, then HR's (all 23:59:59 local). */
export interface RatingDeadlines {
  deadline: string;
  superiorDeadline: string;
  hrDeadline: string;
}

export interface EvaluationPeriod extends RatingDeadlines {
  /** TW1-TW4, M01-M12, S1-S2. */
  id: string;
  /** The local days the period covers, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** The evaluation window opens at 00:00 local on the period's last day; `deadline` ends it. */
  opens: string;
}

const spans: Readonly<Record<PeriodKind, { prefix: string; months: number; digits: number }>> = {
  quarterly: { prefix: 'TW', months: 3, digits: 1 },
  monthly: { prefix: 'M', months: 1, digits: 2 },
  semester: { prefix: 'S', months: 6, digits: 1 },
};

export function periodIds(kind: PeriodKind): string[] {
  const { prefix, months, digits } = spans[kind];
  return Array.from({ length: 12 / months }, (_, i) => `${prefix}${String(i + 1).padStart(digits, '0')}`);
}

/** Every period id any kind has: what commands, events and exports accept. */
export const allPeriodIds: readonly string[] = periodKinds.flatMap(periodIds);

export function isPeriodId(text: string): boolean {
  return allPeriodIds.includes(text);
}

/** The kind a period id belongs to (TW2 is quarterly). */
export function periodKindOf(id: string): PeriodKind | null {
  return periodKinds.find((kind) => periodIds(kind).includes(id)) ?? null;
}

/** 23:59:59 local time on `day`: the last second a deadline on that day allows. */
export function endOfLocalDay(day: Temporal.PlainDate, timeZone: string): Temporal.ZonedDateTime {
  return day.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('23:59:59') });
}

/** The periods of `year` and their evaluation windows in `timeZone`. */
export function evaluationPeriods(
  kind: PeriodKind,
  year: number,
  timeZone: string,
  windowDays: number = defaultWindowDays[kind],
): EvaluationPeriod[] {
  const { months } = spans[kind];
  return periodIds(kind).map((id, i) => {
    const first = Temporal.PlainDate.from({ year, month: i * months + 1, day: 1 });
    const last = first.add({ months }).subtract({ days: 1 });
    const lastWindowDay = last.add({ days: windowDays - 1 });
    return {
      id,
      firstDay: first.toString(),
      lastDay: last.toString(),
      opens: formatInstant(last.toZonedDateTime(timeZone)),
      ...ratingDeadlines(lastWindowDay, timeZone),
    };
  });
}

/** A rating due on `lastDay` (local), and the escalations after it. */
export function ratingDeadlines(lastDay: Temporal.PlainDate, timeZone: string): RatingDeadlines {
  const end = (days: number) => formatInstant(endOfLocalDay(lastDay.add({ days }), timeZone));
  return { deadline: end(0), superiorDeadline: end(escalationDays), hrDeadline: end(2 * escalationDays) };
}
