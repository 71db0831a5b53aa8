// The calendar of one appraisal cycle: when each step opens (start) and closes (deadline, exclusive),
// written as UTC instants. Defaults follow the usual cycle; every length is an ISO 8601 duration and every
// fixed point an ISO 8601 date or date-time, all overridable per cycle. Days are the days of the cycle's
// time zone (UTC unless given: see domain/time/zones.ts): a date means its start there, and P1D is one
// local day.
//
//   socialisation  opens at `start`, lasts P14D
//   agreement      opens when socialisation closes, lasts P30D; must close before TW I opens
//   checkIn I-IV   opens at 00:00 local time on the quarter's last day (Mar 31, Jun 30, Sep 30, Dec 31 of the
//                  cycle year), lasts P14D; windows must not overlap and must open within the cycle year
//   review         opens when the TW IV window closes (Jan 14 of the next year by default: the annual
//                  review needs the last quarter's realisation) or at `reviewStart`, never earlier; P21D
//   calibration    opens when the review closes; P7D (a week for the unit to check its distribution)
//   feedback       the results are released when calibration closes; feedback and objection last P14D
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { addDuration, type Duration, isZeroDuration, parseDuration } from '../time/duration.ts';
import { formatInstant, parseInstant } from '../time/instant.ts';
import { defaultTimeZone, isTimeZone } from '../time/zones.ts';

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

/**
 * Throws a DomainError whose `details.field` names the year, `start`, the override or the time zone that
 * is wrong. `timeZone` is an IANA name (Asia/Jakarta for WIB, Asia/Makassar for WITA, Asia/Jayapura for WIT).
 */
export function buildCalendar(
  year: number,
  startIso: string,
  overrides: CalendarOverrides = {},
  timeZone: string = defaultTimeZone,
): CycleCalendar {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw fieldError('calendar.invalidYear', 'year', `year must be a whole number 2000-2100; got ${year}`);
  }
  if (!isTimeZone(timeZone)) {
    throw fieldError('calendar.invalidTimeZone', 'timeZone', `'${timeZone}' is not an IANA time zone`);
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
  const instant = (field: string, value: string) => instantOf(field, value, timeZone);
  const after = (field: keyof typeof calendarDefaults, from: Temporal.ZonedDateTime) =>
    later(field, from, length(field));
  const before = (a: Temporal.ZonedDateTime, b: Temporal.ZonedDateTime) =>
    Temporal.ZonedDateTime.compare(a, b) < 0;

  const start = instant('start', startIso);
  if (start.year !== year && start.year !== year - 1) {
    throw fieldError('calendar.outOfRange', 'start', `start ${startIso} must be in ${year - 1} or ${year}`);
  }

  const steps: CalendarStep[] = [];
  const add = (step: CalendarStepName, from: Temporal.ZonedDateTime, until: Temporal.ZonedDateTime) =>
    steps.push({ step, start: formatInstant(from), deadline: formatInstant(until) });

  const socialisationEnd = after('socialisation', start);
  add('socialisation', start, socialisationEnd);
  let previousEnd = after('agreement', socialisationEnd);
  add('agreement', socialisationEnd, previousEnd);

  let previousOverride: string | null = null; // the field that set the previous check-in's opening
  for (const quarter of checkInQuarters) {
    const field = `checkInOpens.${quarter}`;
    const given = o.checkInOpens?.[quarter];
    const [month, day] = quarterLastDay[quarter];
    const opens =
      given === undefined
        ? Temporal.PlainDate.from({ year, month, day }).toZonedDateTime(timeZone)
        : instant(field, given);
    if (opens.year !== year) {
      throw fieldError('calendar.outOfRange', field, `${field} (${formatInstant(opens)}) must be in ${year}`);
    }
    if (before(opens, previousEnd)) {
      // Blame what was configured: this check-in's date, else the previous one's, else the length.
      const fallback = quarter === 'I' ? 'agreement' : (previousOverride ?? 'checkInWindow');
      const culprit = given === undefined ? fallback : field;
      throw outOfOrder(
        culprit,
        `${previousStepName(steps)} closes at ${formatInstant(previousEnd)}, after TW ${quarter} opens at ${formatInstant(opens)}`,
      );
    }
    const closes = after('checkInWindow', opens);
    add(`checkIn${quarter}`, opens, closes);
    previousOverride = given === undefined ? null : field;
    previousEnd = closes;
  }

  const reviewStart = o.reviewStart === undefined ? previousEnd : instant('reviewStart', o.reviewStart);
  if (before(reviewStart, previousEnd)) {
    throw outOfOrder(
      'reviewStart',
      `the review opens at ${formatInstant(reviewStart)}, before TW IV closes at ${formatInstant(previousEnd)}`,
    );
  }
  const reviewEnd = after('review', reviewStart);
  add('review', reviewStart, reviewEnd);
  const calibrationEnd = after('calibration', reviewEnd);
  add('calibration', reviewEnd, calibrationEnd);
  add('feedback', calibrationEnd, after('feedback', calibrationEnd));
  return { year, steps };
}

/**
 * The cycle a yearly schedule starts when it fires at `firedAtMs`: next year's (by the zone's calendar),
 * opening at 00:00 on 1 January there, or at `nowMs` if the run is so late that this has passed.
 */
export function nextCycleStart(
  firedAtMs: number,
  nowMs: number,
  timeZone: string = defaultTimeZone,
): { year: number; start: string } {
  const year = Temporal.Instant.fromEpochMilliseconds(firedAtMs).toZonedDateTimeISO(timeZone).year + 1;
  const newYear = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime(timeZone).toInstant();
  const now = Temporal.Instant.fromEpochMilliseconds(nowMs);
  return { year, start: formatInstant(Temporal.Instant.compare(now, newYear) > 0 ? now : newYear) };
}

/** The calendar keyed by step, as stored in the `appraisal.started` event. */
export function calendarByStep(
  calendar: CycleCalendar,
): Record<CalendarStepName, { start: string; deadline: string }> {
  return Object.fromEntries(
    calendar.steps.map((s) => [s.step, { start: s.start, deadline: s.deadline }]),
  ) as Record<CalendarStepName, { start: string; deadline: string }>;
}

/** People are reminded of a task 3 days before its deadline (local days of `timeZone`). */
export function reminderAt(deadlineIso: string, timeZone: string = defaultTimeZone): string {
  return formatInstant(addDuration(instantOf('deadline', deadlineIso, timeZone), threeDays, -1));
}

/** An objection (keberatan) may be filed within 14 days of the result's release (PP 30/2019). */
export function objectionDeadline(releasedAtIso: string, timeZone: string = defaultTimeZone): string {
  return formatInstant(addDuration(instantOf('releasedAt', releasedAtIso, timeZone), fourteenDays));
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

/** `from` plus the duration set by `field`; a duration that runs past the years a date can hold names it. */
function later(field: string, from: Temporal.ZonedDateTime, d: Duration): Temporal.ZonedDateTime {
  try {
    return addDuration(from, d);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw fieldError(
      'calendar.invalidDuration',
      field,
      `${field} must be a positive ISO 8601 duration such as P14D; '${d}' is too long`,
    );
  }
}

function instantOf(field: string, value: string, timeZone: string): Temporal.ZonedDateTime {
  const at = parseInstant(value, timeZone);
  if (at === null) {
    throw fieldError(
      'calendar.invalidDate',
      field,
      `${field} must be an ISO 8601 date or date-time with a zone; got '${value}'`,
    );
  }
  return at;
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
