// The input of one EmployeeAppraisalWorkflow (its ids are domain/ids.ts's).
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { SkpSetting } from '../domain/appraisal/skp.ts';
import type { Participants } from '../domain/appraisal/types.ts';
import type { AppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';

export type { AppraisalCalendar, StepWindow } from '../domain/cycle/appraisal-calendar.ts';

export interface AppraisalInput {
  appraisalId: string;
  cycleId: string;
  orgId: string;
  participants: Participants;
  calendar: AppraisalCalendar;
  /**
   * The SKP's form (from the position's kind and the unit the employee leads), the cycle's approach and
   * the led unit, recorded in `appraisal.started`; launches before the forms gave none.
   */
  skp?: SkpSetting;
  /** Who launched the cycle (HR), for the metadata of the first events. */
  launchedBy: string;
  /** A person who left and came back: their earlier appraisal in the cycle, the reason and the day. */
  rejoined?: { previousAppraisalId: string; reason: string; effectiveDate: string };
  /**
   * The opening events, when the launch activity stored them already (batched launch), as stored (on a
   * retried launch, as the record held them). `{ at }`, their time (they were `openingEvents(input, at)`),
   * is what launches passed from 2026-11-23 to 2026-11-27: running workflows and recorded histories carry
   * it, so workflows still read it.
   */
  opened?: { events: AppraisalEvent[] } | { at: string };
}
