// The calendar of one appraisal cycle: when each step opens (start) and when its deadline is, written as
// UTC instants. Defaults follow the usual cycle; every length is an ISO 8601 duration and every fixed
// point an ISO 8601 date or date-time, all overridable per cycle. Days are the days of the cycle's time
// zone (the organisation's: WIB, WITA or WIT): a date means 00:00 there, P1D is one local day, and a step
// of whole days ends at 23:59:59 local time on its last day (the opening day counts), never at a UTC
// midnight; the next step opens at 00:00 the day after. A length with hours, minutes or seconds (PT12H,
// for drills and tests) is elapsed time: that step ends exactly then, and the next opens at once.
//
//   socialisation  opens at `start`, lasts P14D (P7D with monthly periods)
//   agreement      opens when socialisation closes, lasts P30D (P21D monthly); must close before the first
//                  evaluation window opens
//   periods        with a period kind (quarterly TW1-TW4, monthly M01-M12, semester S1-S2; see periods.ts):
//                  each period's evaluation window opens at 00:00 on the period's last day and lasts
//                  `checkInWindow` (P14D, P7D monthly); windows must not overlap
//   checkIn I-IV   without a period kind (cycles started before periodic evaluation): the same windows per
//                  quarter, or from `checkInOpens`; they must not overlap and must open in the cycle year
//   review         opens at 00:00 after the last window's deadline (14 January of the next year by default:
//                  the annual review needs the last period's realisation) or at `reviewStart`, never
//                  earlier; P21D
//   calibration    opens when the review closes; P7D (a week for the unit to check its distribution)
//   feedback       the results are released when calibration closes; feedback and objection last P14D
//
// The overrides' `preset: 'training'` builds a practice year of about an hour instead (training-calendar.ts).
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { addDuration, type Duration, parseDuration } from '../time/duration.ts';
import { endOfLocalDayAfter } from '../time/fixed-offsets.ts';
import { formatInstant } from '../time/instant.ts';
import { defaultTimeZone, isTimeZone } from '../time/zones.ts';
import {
  before,
  type CalendarStep,
  type CalendarStepName,
  type CycleCalendar,
  durationOf,
  fieldError,
  instantOf,
  nextDayStart,
  outOfOrder,
  stepSpan,
  wholeDays,
} from './calendar-parts.ts';
import {
  defaultWindowDays,
  type EvaluationPeriod,
  evaluationPeriods,
  type PeriodKind,
  periodKinds,
} from './periods.ts';
import { buildTrainingCalendar, trainingPreset } from './training-calendar.ts';

export const checkInQuarters = ['I', 'II', 'III', 'IV'] as const;
export type CheckInQuarter = (typeof checkInQuarters)[number];

export {
  type CalendarStep,
  type CalendarStepName,
  type CycleCalendar,
  calendarStepNames,
  type TrainingScale,
} from './calendar-parts.ts';

export const calendarDefaults = {
  socialisation: 'P14D',
  agreement: 'P30D',
  checkInWindow: 'P14D',
  review: 'P21D',
  calibration: 'P7D',
  feedback: 'P14D',
} as const;
type LengthField = keyof typeof calendarDefaults;

/**
 * The lengths a cycle with these periods gets unless set. A monthly cycle evaluates January at its end,
 * so the SKP has to be agreed within January (as PermenPANRB 6/2022 has it): shorter opening steps.
 */
export function calendarDefaultsFor(kind?: PeriodKind): Record<LengthField, string> {
  if (kind === undefined) return { ...calendarDefaults };
  const window = `P${defaultWindowDays[kind]}D`;
  const opening = kind === 'monthly' ? { socialisation: 'P7D', agreement: 'P21D' } : {};
  return { ...calendarDefaults, ...opening, checkInWindow: window };
}

const quarterLastDay: Readonly<Record<CheckInQuarter, [month: number, day: number]>> = {
  I: [3, 31],
  II: [6, 30],
  III: [9, 30],
  IV: [12, 31],
};

const text = z.string().optional();
export const calendarOverridesSchema = z.strictObject({
  /** 'training': a practice year of about an hour, with no other override (training-calendar.ts). */
  preset: z.literal(trainingPreset).optional(),
  /** The evaluation periods (quarterly, monthly, semester); without, the quarterly check-ins of old. */
  periods: z.enum(periodKinds).optional(),
  socialisation: text,
  agreement: text,
  /** The length of each evaluation (or check-in) window; with periods, whole days such as P7D. */
  checkInWindow: text,
  /** When each check-in window opens, instead of the quarter's last day (only without periods). */
  checkInOpens: z.strictObject({ I: text, II: text, III: text, IV: text }).optional(),
  reviewStart: text,
  review: text,
  calibration: text,
  feedback: text,
});
export type CalendarOverrides = z.infer<typeof calendarOverridesSchema>;

type Zoned = Temporal.ZonedDateTime;

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
  if (o.preset !== undefined) return buildTrainingCalendar(year, startIso, o, timeZone);
  const defaults = calendarDefaultsFor(o.periods);
  const length = (field: LengthField) => durationOf(field, o[field] ?? defaults[field]);
  const instant = (field: string, value: string) => instantOf(field, value, timeZone);
  /** A step of `field`'s length from `from`: its deadline, and when the next step may open. */
  const span = (field: LengthField, from: Zoned) => stepSpan(field, from, length(field), timeZone);

  const start = instant('start', startIso);
  if (start.year !== year && start.year !== year - 1) {
    throw fieldError('calendar.outOfRange', 'start', `start ${startIso} must be in ${year - 1} or ${year}`);
  }

  const steps: CalendarStep[] = [];
  const add = (step: CalendarStepName, from: Zoned, until: Zoned) =>
    steps.push({ step, start: formatInstant(from), deadline: formatInstant(until) });

  const socialisation = span('socialisation', start);
  add('socialisation', start, socialisation.deadline);
  const agreement = span('agreement', socialisation.next);
  add('agreement', socialisation.next, agreement.deadline);

  let periods: CycleCalendar['periods'];
  let lastWindow: LastWindow;
  if (o.periods === undefined) {
    lastWindow = checkIns(year, o, agreement, { instant, span, add, timeZone });
  } else {
    if (o.checkInOpens !== undefined)
      throw fieldError(
        'calendar.invalidOverrides',
        'checkInOpens',
        "checkInOpens: with periods, each evaluation window opens on its period's last day",
      );
    const windowDays = wholeDays('checkInWindow', length('checkInWindow'));
    const windows = evaluationPeriods(o.periods, year, timeZone, windowDays);
    lastWindow = checkWindows(windows, agreement, timeZone);
    periods = { kind: o.periods, windowDays, windows };
  }

  const reviewStart = o.reviewStart === undefined ? lastWindow.next : instant('reviewStart', o.reviewStart);
  if (before(reviewStart, lastWindow.next)) {
    throw outOfOrder(
      'reviewStart',
      `the review opens at ${formatInstant(reviewStart)}, before ${lastWindow.name} closes at ${formatInstant(lastWindow.deadline)}`,
    );
  }
  const review = span('review', reviewStart);
  add('review', reviewStart, review.deadline);
  const calibration = span('calibration', review.next);
  add('calibration', review.next, calibration.deadline);
  keberatanAtLeast14Days(calibration.next, length('feedback'));
  add('feedback', calibration.next, span('feedback', calibration.next).deadline);
  return { year, timeZone, steps, ...(periods ? { periods } : {}) };
}

/**
 * HR may lengthen the feedback and keberatan window, never shorten it below the 14 days of PP 30/2019:
 * only the training preset (training-calendar.ts), marked as such wherever it is shown, compresses it.
 */
function keberatanAtLeast14Days(from: Zoned, feedback: Duration): void {
  const legal = addDuration(from, fourteenDays);
  if (before(addDuration(from, feedback), legal)) {
    throw fieldError(
      'calendar.objectionWindowTooShort',
      'feedback',
      `feedback: the keberatan window lasts at least ${objectionDays} days (PP 30/2019 art. 59); HR may lengthen it, never shorten it (a compressed practice year is accepted only as a training cycle: preset 'training')`,
    );
  }
}

/** The last evaluation (or check-in) window: its name, deadline, and when the review may open. */
type LastWindow = { name: string; deadline: Zoned; next: Zoned };

interface StepKit {
  instant: (field: string, value: string) => Zoned;
  span: (field: LengthField, from: Zoned) => { deadline: Zoned; next: Zoned };
  add: (step: CalendarStepName, from: Zoned, until: Zoned) => void;
  timeZone: string;
}

/** The quarterly check-in steps of a calendar without periods; answers when the review may open. */
function checkIns(
  year: number,
  o: CalendarOverrides,
  agreement: { deadline: Zoned; next: Zoned },
  kit: StepKit,
): LastWindow {
  let previous: LastWindow = { name: 'agreement', ...agreement };
  let previousOverride: string | null = null; // the field that set the previous check-in's opening
  for (const quarter of checkInQuarters) {
    const field = `checkInOpens.${quarter}`;
    const given = o.checkInOpens?.[quarter];
    const [month, day] = quarterLastDay[quarter];
    const opens =
      given === undefined
        ? Temporal.PlainDate.from({ year, month, day }).toZonedDateTime(kit.timeZone)
        : kit.instant(field, given);
    if (opens.year !== year) {
      throw fieldError('calendar.outOfRange', field, `${field} (${formatInstant(opens)}) must be in ${year}`);
    }
    if (before(opens, previous.next)) {
      // Blame what was configured: this check-in's date, else the previous one's, else the length.
      const fallback = quarter === 'I' ? 'agreement' : (previousOverride ?? 'checkInWindow');
      const culprit = given === undefined ? fallback : field;
      throw outOfOrder(
        culprit,
        `${previous.name} closes at ${formatInstant(previous.deadline)}, after TW ${quarter} opens at ${formatInstant(opens)}`,
      );
    }
    const window = kit.span('checkInWindow', opens);
    kit.add(`checkIn${quarter}`, opens, window.deadline);
    previousOverride = given === undefined ? null : field;
    previous = { name: `TW ${quarter}`, ...window };
  }
  return previous;
}

/** Checks the periods' windows against the agreement and each other; answers when the review may open. */
function checkWindows(
  windows: EvaluationPeriod[],
  agreement: { deadline: Zoned; next: Zoned },
  timeZone: string,
): LastWindow {
  let previous: LastWindow = { name: 'agreement', ...agreement };
  for (const window of windows) {
    const opens = Temporal.Instant.from(window.opens).toZonedDateTimeISO(timeZone);
    if (before(opens, previous.next)) {
      const culprit = previous.name === 'agreement' ? 'agreement' : 'checkInWindow';
      throw outOfOrder(
        culprit,
        `${previous.name} closes at ${formatInstant(previous.deadline)}, after ${window.id} opens at ${window.opens}`,
      );
    }
    const deadline = Temporal.Instant.from(window.deadline).toZonedDateTimeISO(timeZone);
    previous = { name: window.id, deadline, next: nextDayStart(deadline, timeZone) };
  }
  return previous;
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

/** Days an employee has to object (keberatan) after receiving the result (PP 30/2019 art. 59). */
export const objectionDays = 14;
const fourteenDays = parseDuration(`P${objectionDays}D`)!;

/**
 * The end of the keberatan window: 23:59:59 local time on the 14th calendar day after the local day the
 * result was received (the workflow computes the same with endOfLocalDayAfter). Indonesia's zones and UTC.
 */
export function objectionDeadline(
  receivedAtIso: string,
  timeZone: string = defaultTimeZone,
  field = 'receivedAt',
): string {
  const received = instantOf(field, receivedAtIso, timeZone);
  const deadline = endOfLocalDayAfter(received.toInstant().toString(), objectionDays, timeZone);
  if (deadline === null) {
    throw fieldError(
      'calendar.invalidTimeZone',
      'timeZone',
      `the keberatan deadline is computed for Asia/Jakarta, Asia/Makassar, Asia/Jayapura or UTC; got '${timeZone}'`,
    );
  }
  return deadline;
}

const threeDays = parseDuration('P3D')!;
