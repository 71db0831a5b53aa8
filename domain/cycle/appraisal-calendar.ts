// The employee workflow's view of the cycle calendar: the windows it waits on, by step.
import { Temporal } from 'temporal-polyfill';
import { DomainError } from '../errors.ts';
import type { CalendarStepName, CycleCalendar } from './calendar.ts';
import type { EvaluationPeriod, PeriodKind, RatingDeadlines } from './periods.ts';

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
  /**
   * Cycles started since periodic evaluation: each period's window and rating deadlines, in place of the
   * quarterly check-ins (an input without them runs the check-ins, as the appraisals started before did).
   */
  periods?: { kind: PeriodKind; timeZone: string; windows: EvaluationPeriod[] };
  /** The akhir rating's escalation: to the rater's superior, then HR, when the rater has not rated. */
  ratingEscalation?: Omit<RatingDeadlines, 'deadline'>;
}

export function toAppraisalCalendar(calendar: CycleCalendar, cycleEnd?: string): AppraisalCalendar {
  const window = (step: CalendarStepName): StepWindow => {
    const found = calendar.steps.find((s) => s.step === step);
    if (!found)
      throw new DomainError('calendar.incomplete', `The calendar has no ${step} step`, { field: step });
    return { start: found.start, deadline: found.deadline };
  };
  const feedback = window('feedback');
  // Days of 24 hours: the zones of Indonesia have no daylight saving time.
  const span = Temporal.Instant.from(feedback.start).until(Temporal.Instant.from(feedback.deadline));
  const days = Math.round(span.total('hours') / 24);
  return {
    socialisation: window('socialisation'),
    agreement: window('agreement'),
    checkIns: {
      I: window('checkInI'),
      II: window('checkInII'),
      III: window('checkInIII'),
      IV: window('checkInIV'),
    },
    review: window('review'),
    rating: window('calibration'),
    objectionWindowDays: days,
    cycleEnd: cycleEnd ?? `${calendar.year + 1}-12-31T00:00:00.000Z`,
  };
}
