// The training preset: an office's practice year compressed into about an hour, so that HR, raters and
// employees can walk through every step (and object) in one sitting. Each step follows the one before at
// once (elapsed minutes, not local days), every window lasts at least `minimumWindowMinutes`, and what the
// workflows wait on besides the steps scales with it: the reminder comes a minute before a deadline, a
// rating passes to the superior and then HR two minutes apart, a unit's penetapan gives each signer 5
// minutes, and the keberatan window lasts 12 minutes (one per legal day would leave too little time);
// the superior's decision on an objection is due 14 minutes after it is filed, an explanation N minutes. Accepted only as this preset: buildCalendar
// refuses a keberatan window under the 14 days of PP 30/2019 for every other calendar.
//
//   socialisation 5 min, agreement 6 min, the periods' evaluation windows (quarterly: 4 x 5 min, one
//   opening every 6; semester: 2 x 10 min, every 12; monthly: 12 x 3 min, back to back), review 6 min,
//   calibration 6 min, feedback and keberatan 12 min: 59 minutes quarterly or by semester, 71 monthly.
//   The practice year ends 15 minutes after feedback closes (objections decided, follow-up tracked).
import { Temporal } from 'temporal-polyfill';
import { formatInstant } from '../time/instant.ts';
import {
  type CalendarStep,
  type CalendarStepName,
  type CycleCalendar,
  fieldError,
  instantOf,
  type TrainingScale,
} from './calendar-parts.ts';
import { defaultPeriodKind, type EvaluationPeriod, evaluationPeriods, type PeriodKind } from './periods.ts';

export const trainingPreset = 'training';

/** No window of a training cycle is shorter: long enough to read a task and act on it. */
export const minimumWindowMinutes = 3;

/** The steps' lengths in minutes. */
export const trainingMinutes = {
  socialisation: 5,
  agreement: 6,
  review: 6,
  calibration: 6,
  feedback: 12,
  reminderLead: 1,
  escalation: 2,
  /** Each stage of a penetapan: time to read the findings and sign with a justification. */
  penetapanStage: 5,
  /** An objection's decision (14 "days") and the explanations it asks count days of a minute. */
  day: 1,
  /** After feedback closes, until the practice year ends. */
  afterFeedback: 15,
} as const;

/** Each period kind's evaluation windows: one opens every `every` minutes and lasts `window`. */
export const trainingPeriodMinutes: Readonly<Record<PeriodKind, { every: number; window: number }>> = {
  quarterly: { every: 6, window: 5 },
  semester: { every: 12, window: 10 },
  monthly: { every: 3, window: 3 },
};

/**
 * The training calendar of `year` from `startIso` (a local date-time in `timeZone`; a bare date is 00:00
 * there). Only `preset` and `periods` may be given: the preset sets every length itself.
 */
export function buildTrainingCalendar(
  year: number,
  startIso: string,
  overrides: { preset?: string; periods?: PeriodKind | undefined } & Record<string, unknown>,
  timeZone: string,
): CycleCalendar {
  const other = Object.keys(overrides).find((k) => k !== 'preset' && k !== 'periods');
  if (other !== undefined) {
    throw fieldError(
      'calendar.invalidOverrides',
      other,
      `${other}: the training preset sets every length itself; leave ${other} out`,
    );
  }
  const start = localStart(startIso, timeZone);
  if (start.year !== year && start.year !== year - 1) {
    throw fieldError('calendar.outOfRange', 'start', `start ${startIso} must be in ${year - 1} or ${year}`);
  }
  const kind = overrides.periods ?? defaultPeriodKind;
  const at = (minutes: number) => start.add({ minutes });
  const steps: CalendarStep[] = [];
  let clock = 0;
  const add = (step: CalendarStepName, minutes: number) => {
    steps.push({ step, start: formatInstant(at(clock)), deadline: formatInstant(at(clock + minutes)) });
    clock += minutes;
  };
  add('socialisation', trainingMinutes.socialisation);
  add('agreement', trainingMinutes.agreement);
  const { every, window } = trainingPeriodMinutes[kind];
  const escalation = trainingMinutes.escalation;
  // The periods keep their ids and the days they cover; only their windows are compressed.
  const windows: EvaluationPeriod[] = evaluationPeriods(kind, year, timeZone).map((period, i) => {
    const opens = clock + i * every;
    const closes = opens + window;
    return {
      ...period,
      opens: formatInstant(at(opens)),
      deadline: formatInstant(at(closes)),
      superiorDeadline: formatInstant(at(closes + escalation)),
      hrDeadline: formatInstant(at(closes + 2 * escalation)),
    };
  });
  clock += (windows.length - 1) * every + window;
  add('review', trainingMinutes.review);
  add('calibration', trainingMinutes.calibration);
  add('feedback', trainingMinutes.feedback);
  const training: TrainingScale = {
    reminderLead: `PT${trainingMinutes.reminderLead}M`,
    escalation: `PT${escalation}M`,
    objectionWindow: `PT${trainingMinutes.feedback}M`,
    penetapanStage: `PT${trainingMinutes.penetapanStage}M`,
    day: `PT${trainingMinutes.day}M`,
    cycleEnd: formatInstant(at(clock + trainingMinutes.afterFeedback)),
  };
  return { year, timeZone, steps, periods: { kind, windowDays: 1, windows }, training };
}

const wallClock = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * The start: a wall-clock date-time without a zone (what a date-time field sends, 2027-01-04T09:00) is
 * read in `timeZone`, the organisation's; a date is 00:00 there; a date-time with a zone is that instant.
 */
function localStart(value: string, timeZone: string): Temporal.ZonedDateTime {
  if (!wallClock.test(value)) return instantOf('start', value, timeZone);
  try {
    return Temporal.PlainDateTime.from(value, { overflow: 'reject' }).toZonedDateTime(timeZone);
  } catch {
    return instantOf('start', value, timeZone);
  }
}

/** Minutes of an ISO 8601 duration of minutes (PT12M) as milliseconds. */
export function trainingMs(duration: string): number {
  return Temporal.Duration.from(duration).total({ unit: 'milliseconds' });
}
