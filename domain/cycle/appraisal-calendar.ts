// The employee workflow's view of the cycle calendar: the windows it waits on, by step.
import { Temporal } from 'temporal-polyfill';
import type { SkpApproach } from '../appraisal/skp.ts';
import { DomainError } from '../errors.ts';
import { formatInstant } from '../time/instant.ts';
import {
  type CalendarStepName,
  type CycleCalendar,
  checkInQuarters,
  type TrainingScale,
} from './calendar.ts';
import {
  type EvaluationPeriod,
  endOfLocalDay,
  evaluationPeriods,
  type PeriodKind,
  type RatingDeadlines,
  ratingDeadlines,
} from './periods.ts';
import { trainingMs } from './training-calendar.ts';

export interface StepWindow {
  start: string;
  deadline: string;
}

export interface AppraisalCalendar {
  socialisation: StepWindow;
  agreement: StepWindow;
  checkIns: { I: StepWindow; II: StepWindow; III: StepWindow; IV: StepWindow };
  review: StepWindow;
  /** The supervisor rates, and the unit is calibrated, until this deadline; release follows. */
  rating: StepWindow;
  /** Days the employee has to object after release (14 by PP 30/2019). */
  objectionWindowDays: number;
  /** Follow-up (a training referral) is tracked until here: the end of the following year by default. */
  cycleEnd: string;
  /** The zone the calendar's days are counted in (cycles started since organisations have one). */
  timeZone?: string;
  /**
   * Cycles started since periodic evaluation: each period's window and rating deadlines, in place of the
   * quarterly check-ins (an input without them runs the check-ins, as the appraisals started before did).
   */
  periods?: { kind: PeriodKind; timeZone: string; windows: EvaluationPeriod[] };
  /** The akhir rating's escalation: to the rater's superior, then HR, when the rater has not rated. */
  ratingEscalation?: Omit<RatingDeadlines, 'deadline'>;
  /**
   * The SKP approach HR chose for the cycle (kuantitatif or kualitatif); it rides with the calendar to
   * every launch. Absent in cycles started before the approaches: kualitatif.
   */
  skpApproach?: SkpApproach;
  /**
   * A training cycle's (preset 'training'): the reminder's lead, the keberatan window and each stage of a
   * penetapan as elapsed time, in place of 3 days, `objectionWindowDays` local days and 7 days, and the
   * day an objection's decision and explanations count (`dayMs`). Absent in every other cycle (and
   * `penetapanMs`, `dayMs` in the training cycles started before them: those count days).
   */
  training?: { reminderLeadMs: number; objectionWindowMs: number; penetapanMs?: number; dayMs?: number };
}

/**
 * The calendar as the workflows take it. A calendar with periods carries their windows and the akhir
 * rating's escalation deadlines (to the rater's superior, then HR, from the local day of the rating
 * deadline). Its `checkIns` are the quarter-end windows of the same length: workflow code reads them only
 * for a calendar without periods, and still types them as always present.
 */
export function toAppraisalCalendar(calendar: CycleCalendar, cycleEnd?: string): AppraisalCalendar {
  const { year, timeZone, periods } = calendar;
  const window = (step: CalendarStepName): StepWindow => {
    const found = calendar.steps.find((s) => s.step === step);
    if (!found)
      throw new DomainError('calendar.incomplete', `The calendar has no ${step} step`, { field: step });
    return { start: found.start, deadline: found.deadline };
  };
  const feedback = window('feedback');
  // Days of 24 hours: the zones of Indonesia have no daylight saving time. Never 0: a step shorter than
  // half a day (a drill's calendar built by hand) would leave nobody a moment to object. buildCalendar
  // refuses less than 14 days, so no calendar a cycle was started with gets another number than before.
  const span = Temporal.Instant.from(feedback.start).until(Temporal.Instant.from(feedback.deadline));
  const days = Math.max(1, Math.round(span.total('hours') / 24));
  const rating = window('calibration');
  const localDay = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate();
  const lastDay = Temporal.PlainDate.from({ year: year + 1, month: 12, day: 31 });
  const quarters = periods && evaluationPeriods('quarterly', year, timeZone, periods.windowDays);
  const quarter = (i: number): StepWindow => {
    const w = quarters?.[i];
    return w ? { start: w.opens, deadline: w.deadline } : window(`checkIn${checkInQuarters[i] ?? 'I'}`);
  };
  const { superiorDeadline, hrDeadline } = calendar.training
    ? trainingEscalation(rating.deadline, calendar.training)
    : ratingDeadlines(localDay(rating.deadline), timeZone);
  return {
    socialisation: window('socialisation'),
    agreement: window('agreement'),
    checkIns: { I: quarter(0), II: quarter(1), III: quarter(2), IV: quarter(3) },
    review: window('review'),
    rating,
    objectionWindowDays: days,
    cycleEnd: cycleEnd ?? calendar.training?.cycleEnd ?? formatInstant(endOfLocalDay(lastDay, timeZone)),
    timeZone,
    ...(periods
      ? {
          periods: { kind: periods.kind, timeZone, windows: periods.windows },
          ratingEscalation: { superiorDeadline, hrDeadline },
        }
      : {}),
    ...(calendar.training
      ? {
          training: {
            reminderLeadMs: trainingMs(calendar.training.reminderLead),
            objectionWindowMs: trainingMs(calendar.training.objectionWindow),
            penetapanMs: trainingMs(calendar.training.penetapanStage),
            dayMs: trainingMs(calendar.training.day),
          },
        }
      : {}),
  };
}

/** The akhir rating's escalation in a training cycle: the superior, then HR, one escalation step apart. */
function trainingEscalation(deadline: string, scale: TrainingScale) {
  const step = trainingMs(scale.escalation);
  const after = (n: number) => new Date(Date.parse(deadline) + n * step).toISOString();
  return { superiorDeadline: after(1), hrDeadline: after(2) };
}
