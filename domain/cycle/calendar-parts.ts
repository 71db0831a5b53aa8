// The calendar's types, and its parts that read a field: its duration or instant, a step's span, and the error that names
// the field (DomainError with `details.field`). Shared by the usual calendar and the training preset.
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.ts';
import { addDuration, type Duration, isZeroDuration, parseDuration } from '../time/duration.ts';
import { parseInstant } from '../time/instant.ts';
import { type EvaluationPeriod, endOfLocalDay, type PeriodKind } from './periods.ts';

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
export interface CycleCalendar {
  year: number;
  /** The IANA zone whose days the calendar counts. */
  timeZone: string;
  /** Without periods: socialisation, agreement, checkInI-IV, review, calibration, feedback; with: no check-ins. */
  steps: CalendarStep[];
  /** The evaluation periods and their windows, when the cycle has a period kind. */
  periods?: { kind: PeriodKind; windowDays: number; windows: EvaluationPeriod[] };
  /** A training cycle's (preset 'training'): a year compressed into about an hour (training-calendar.ts). */
  training?: TrainingScale;
}

/**
 * How a training cycle scales what the workflows wait on besides its steps (calendar-parts, as
 * training-calendar.ts builds it): the reminder's lead, the escalation's step, the keberatan window (ISO
 * 8601 durations of minutes), and when the practice year ends (follow-up tracked until then).
 */
export interface TrainingScale {
  reminderLead: string;
  escalation: string;
  objectionWindow: string;
  /** Each stage of a unit's penetapan (the leader's, the superior's), 7 days in a real cycle. */
  penetapanStage: string;
  /** The day an objection's decision and explanations count (14 of them for the decision). */
  day: string;
  cycleEnd: string;
}

type Zoned = Temporal.ZonedDateTime;

export function durationOf(field: string, value: string): Duration {
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
export function later(field: string, from: Temporal.ZonedDateTime, d: Duration): Temporal.ZonedDateTime {
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

/** Whole local days end at 23:59:59 on the last of them; lengths with a time of day are elapsed time. */
export function stepSpan(
  field: string,
  from: Zoned,
  d: Duration,
  timeZone: string,
): { deadline: Zoned; next: Zoned } {
  const end = later(field, from, d);
  if (hasTimeOfDay(d)) return { deadline: end, next: end };
  const lastDay = end.toPlainDate().subtract({ days: 1 });
  return { deadline: endOfLocalDay(lastDay, timeZone), next: end.toPlainDate().toZonedDateTime(timeZone) };
}

export function hasTimeOfDay(d: Duration): boolean {
  return d.hours + d.minutes + d.seconds + d.milliseconds + d.microseconds + d.nanoseconds > 0;
}

/** 00:00 local on the day after `at`'s day. */
export function nextDayStart(at: Zoned, timeZone: string): Zoned {
  return at.toPlainDate().add({ days: 1 }).toZonedDateTime(timeZone);
}

/** A window of whole days (P7D, P2W) as its number of days; periods are evaluated in local days. */
export function wholeDays(field: string, d: Duration): number {
  if (d.years !== 0 || d.months !== 0 || hasTimeOfDay(d)) {
    throw fieldError(
      'calendar.invalidDuration',
      field,
      `${field}: with periods, the evaluation window is a number of days such as P7D or P2W; got '${d}'`,
    );
  }
  return d.weeks * 7 + d.days;
}

export function before(a: Zoned, b: Zoned): boolean {
  return Temporal.ZonedDateTime.compare(a, b) < 0;
}

export function instantOf(field: string, value: string, timeZone: string): Temporal.ZonedDateTime {
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

export function outOfOrder(field: string, message: string): DomainError {
  return fieldError('calendar.outOfOrder', field, `${field}: ${message}`);
}

export function fieldError(code: string, field: string, message: string): DomainError {
  return new DomainError(code, message, { field });
}
