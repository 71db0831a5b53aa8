// The calendar of one appraisal cycle: when each step opens (start) and closes (deadline, exclusive),
// as UTC instants. Defaults follow the usual cycle; every length is an ISO 8601 duration and every fixed
// point an ISO 8601 date or date-time, all overridable per cycle.
//
//   socialisation  opens at `start`, lasts P14D
//   agreement      opens when socialisation closes, lasts P30D; must close before TW I opens
//   checkIn I-IV   opens at 00:00 UTC on the quarter's last day (Mar 31, Jun 30, Sep 30, Dec 31 of the
//                  cycle year), lasts P14D; windows must not overlap and must open within the cycle year
//   review         opens when the TW IV window closes (Jan 14 of the next year by default: the annual
//                  review needs the last quarter's realisation) or at `reviewStart`, never earlier; P21D
//   calibration    opens when the review closes; P7D (a week for the unit to check its distribution)
//   feedback       the results are released when calibration closes; feedback and objection last P14D
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { addDuration, type Duration, isZeroDuration, parseDuration } from '../time/duration.ts';
import { formatInstant, parseInstant, utcDateOf, utcMidnight } from '../time/instant.ts';

export const checkInQuarters = ['I', 'II', 'III', 'IV'] as const;
export type CheckInQuarter = (typeof checkInQuarters)[number];

export const calendarStepNames = [
  'socialisation',
  'agreement',
  'checkInI',
  'checkInII',
  'checkInIII',
  'checkInIV',
  'review',
  'calibration',
  'feedback',
] as const;
export type CalendarStepName = (typeof calendarStepNames)[number];

export type CalendarStep = { step: CalendarStepName; start: string; deadline: string };
export type CycleCalendar = { year: number; steps: CalendarStep[] };

export const calendarDefaults = {
  socialisation: 'P14D',
  agreement: 'P30D',
  checkInWindow: 'P14D',
  review: 'P21D',
  calibration: 'P7D',
  feedback: 'P14D',
} as const;

const quarterLastDay: Readonly<Record<CheckInQuarter, [month: number, day: number]>> = {
  I: [3, 31],
  II: [6, 30],
  III: [9, 30],
  IV: [12, 31],
};

const text = z.string().optional();
export const calendarOverridesSchema = z.strictObject({
  socialisation: text,
  agreement: text,
  checkInWindow: text,
  /** When each check-in window opens, instead of the quarter's last day. */
  checkInOpens: z.strictObject({ I: text, II: text, III: text, IV: text }).optional(),
  reviewStart: text,
  review: text,
  calibration: text,
  feedback: text,
});
export type CalendarOverrides = z.infer<typeof calendarOverridesSchema>;

/** Throws a DomainError whose `details.field` names the year, `start` or the override that is wrong. */
export function buildCalendar(
  year: number,
  startIso: string,
  overrides: CalendarOverrides = {},
): CycleCalendar {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw fieldError('calendar.invalidYear', 'year', `year must be a whole number 2000-2100; got ${year}`);
  }
  const parsed = calendarOverridesSchema.safeParse(overrides);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'overrides';
    throw fieldError('calendar.invalidOverrides', field, `${field}: ${issue?.message ?? 'invalid'}`);
  }
  const o = parsed.data;
  const length = (field: keyof typeof calendarDefaults) =>
    durationOf(field, o[field] ?? calendarDefaults[field]);

  const start = instantOf('start', startIso);
  const startYear = utcDateOf(start).year;
  if (startYear !== year && startYear !== year - 1) {
    throw fieldError('calendar.outOfRange', 'start', `start ${startIso} must be in ${year - 1} or ${year}`);
  }

  const steps: CalendarStep[] = [];
  const add = (step: CalendarStepName, from: number, until: number) =>
    steps.push({ step, start: formatInstant(from), deadline: formatInstant(until) });

  const socialisationEnd = addDuration(start, length('socialisation'));
  add('socialisation', start, socialisationEnd);
  let previousEnd = addDuration(socialisationEnd, length('agreement'));
  add('agreement', socialisationEnd, previousEnd);

  const window = length('checkInWindow');
  let previousOverride: string | null = null; // the field that set the previous check-in's opening
  for (const quarter of checkInQuarters) {
    const field = `checkInOpens.${quarter}`;
    const given = o.checkInOpens?.[quarter];
    const [month, day] = quarterLastDay[quarter];
    const opens = given === undefined ? utcMidnight(year, month, day) : instantOf(field, given);
    if (utcDateOf(opens).year !== year) {
      throw fieldError('calendar.outOfRange', field, `${field} (${formatInstant(opens)}) must be in ${year}`);
    }
    if (previousEnd > opens) {
      // Blame what was configured: this check-in's date, else the previous one's, else the length.
      const fallback = quarter === 'I' ? 'agreement' : (previousOverride ?? 'checkInWindow');
      const culprit = given === undefined ? fallback : field;
      throw outOfOrder(
        culprit,
        `${previousStepName(steps)} closes at ${formatInstant(previousEnd)}, after TW ${quarter} opens at ${formatInstant(opens)}`,
      );
    }
    const closes = addDuration(opens, window);
    add(`checkIn${quarter}`, opens, closes);
    previousOverride = given === undefined ? null : field;
    previousEnd = closes;
  }

  const reviewStart = o.reviewStart === undefined ? previousEnd : instantOf('reviewStart', o.reviewStart);
  if (reviewStart < previousEnd) {
    throw outOfOrder(
      'reviewStart',
      `the review opens at ${formatInstant(reviewStart)}, before TW IV closes at ${formatInstant(previousEnd)}`,
    );
  }
  const reviewEnd = addDuration(reviewStart, length('review'));
  add('review', reviewStart, reviewEnd);
  const calibrationEnd = addDuration(reviewEnd, length('calibration'));
  add('calibration', reviewEnd, calibrationEnd);
  add('feedback', calibrationEnd, addDuration(calibrationEnd, length('feedback')));
  return { year, steps };
}

/** The calendar keyed by step, as stored in the `appraisal.started` event. */
export function calendarByStep(
  calendar: CycleCalendar,
): Record<CalendarStepName, { start: string; deadline: string }> {
  return Object.fromEntries(
    calendar.steps.map((s) => [s.step, { start: s.start, deadline: s.deadline }]),
  ) as Record<CalendarStepName, { start: string; deadline: string }>;
}

/** People are reminded of a task 3 days before its deadline. */
export function reminderAt(deadlineIso: string): string {
  return formatInstant(addDuration(instantOf('deadline', deadlineIso), threeDays, -1));
}

/** An objection (keberatan) may be filed within 14 days of the result's release (PP 30/2019). */
export function objectionDeadline(releasedAtIso: string): string {
  return formatInstant(addDuration(instantOf('releasedAt', releasedAtIso), fourteenDays));
}

const threeDays = parseDuration('P3D')!;
const fourteenDays = parseDuration('P14D')!;

function durationOf(field: string, value: string): Duration {
  const d = parseDuration(value);
  if (d === null || isZeroDuration(d)) {
    throw fieldError(
      'calendar.invalidDuration',
      field,
      `${field} must be a positive ISO 8601 duration such as P14D; got '${value}'`,
    );
  }
  return d;
}

function instantOf(field: string, value: string): number {
  const ms = parseInstant(value);
  if (ms === null) {
    throw fieldError(
      'calendar.invalidDate',
      field,
      `${field} must be an ISO 8601 date or date-time with a zone; got '${value}'`,
    );
  }
  return ms;
}

function previousStepName(steps: CalendarStep[]): string {
  const step = steps.at(-1)?.step ?? 'the previous step';
  return step.startsWith('checkIn') ? `TW ${step.slice('checkIn'.length)}` : step;
}

function outOfOrder(field: string, message: string): DomainError {
  return fieldError('calendar.outOfOrder', field, `${field}: ${message}`);
}

function fieldError(code: string, field: string, message: string): DomainError {
  return new DomainError(code, message, { field });
}
