// The input of one EmployeeAppraisalWorkflow (its ids are domain/ids.ts's).
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import type { OpeningInput } from '../domain/appraisal/opening.ts';

export type { AppraisalCalendar, StepWindow } from '../domain/cycle/appraisal-calendar.ts';

/** What opens the appraisal (domain/appraisal/opening.ts), who launched it, and how it was opened. */
export interface AppraisalInput extends OpeningInput {
  /** Who launched the cycle (HR), for the metadata of the first events. */
  launchedBy: string;
  /**
   * The opening events, when the launch activity stored them already (batched launch), as stored (on a
   * retried launch, as the record held them). `{ at }`, their time (they were `openingEvents(input, at)`),
   * is what launches passed from 2026-11-23 to 2026-11-27: running workflows and recorded histories carry
   * it, so workflows still read it.
   */
  opened?: { events: AppraisalEvent[] } | { at: string };
}
