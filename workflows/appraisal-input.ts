// The input of one EmployeeAppraisalWorkflow (its ids are domain/ids.ts's).
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { Participants } from '../domain/appraisal/types.ts';
import type { AppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';

export type { AppraisalCalendar, StepWindow } from '../domain/cycle/appraisal-calendar.ts';

export interface AppraisalInput {
  appraisalId: string;
  cycleId: string;
  orgId: string;
  participants: Participants;
  calendar: AppraisalCalendar;
  /** Who launched the cycle (HR), for the metadata of the first events. */
  launchedBy: string;
  /**
   * The opening events, when the launch activity stored them already (batched launch): either their
   * time, when they are exactly `openingEvents(input, at)`, or the events themselves (what the record
   * held on a retried launch, and every launch before the time alone was passed).
   */
  opened?: { at: string } | { events: AppraisalEvent[] };
}
