// StartNextCycleWorkflow: what the yearly schedule (api/commands/cycle-schedule.ts) runs. It starts next
// year's CycleWorkflow as an abandoned child and returns the cycle id. The child's workflow id is the
// cycle's own, so a second fire for the same year starts nothing and still succeeds. The cycle counts the
// days of the organisation's zone as it is when the schedule fires (read through an activity); runs
// started before that patch (`next-cycle-org-zone`) count WIB days, as they did.
import {
  defineSearchAttributeKey,
  SearchAttributeType,
  WorkflowExecutionAlreadyStartedError,
} from '@temporalio/common';
import { ApplicationFailure, patched, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';
import type * as AppraisalCalendars from '../domain/cycle/appraisal-calendar.ts';
import type * as Calendar from '../domain/cycle/calendar.ts';
import type { CalendarOverrides } from '../domain/cycle/calendar.ts';
import type { Population } from '../domain/cycle/events.ts';
import { isDomainError } from '../domain/errors.ts';
import { cycleIdFor, cycleWorkflowId } from '../domain/ids.ts';
import type { AppraisalCalendar } from './appraisal-input.ts';
import type { CycleInput, CycleWorkflow } from './cycle.ts';

export interface NextCycleInput {
  orgId: string;
  population: Population;
  calendarOverrides?: CalendarOverrides;
  /** The HR officer's NIP that the schedule acts for; recorded in `cycle.started`. */
  startedBy: string;
}

// Set by the server on every run a schedule starts: the nominal fire time, even when the run starts late.
const scheduledStartTime = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);

type Activities = ReturnType<typeof activities.createActivities>;
const { organisationTimeZone } = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });

export async function StartNextCycleWorkflow(input: NextCycleInput): Promise<string> {
  // Workflow time is deterministic; the fire time keeps a Dec 31 fire that runs after midnight in its year.
  const firedAt = workflowInfo().typedSearchAttributes.get(scheduledStartTime)?.getTime() ?? Date.now();
  // The organisation's zone now (HR may have changed it since the schedule was made); WIB before the patch.
  const timeZone = patched('next-cycle-org-zone') ? await organisationTimeZone(input.orgId) : undefined;
  // The cycle opens on Jan 1 there, or now if the run is so late that Jan 1 has passed.
  const { year, start } = calendarModule().nextCycleStart(firedAt, Date.now(), timeZone);
  const cycleId = cycleIdFor(input.orgId, year);
  const cycle: CycleInput = {
    cycleId,
    orgId: input.orgId,
    year,
    calendar: calendarFor(year, start, input.calendarOverrides, timeZone),
    population: input.population,
    startedBy: input.startedBy,
  };
  try {
    await startChild<typeof CycleWorkflow>('CycleWorkflow', {
      workflowId: cycleWorkflowId(cycleId),
      args: [cycle],
      // The cycle runs for two years; this workflow ends as soon as it has started it.
      parentClosePolicy: 'ABANDON',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return cycleId;
}

/**
 * Loaded when a schedule fires, not at every workflow's start: all of siklus's workflows share one
 * bundle, so each would otherwise evaluate these modules, the calendar schemas and the time library:
 * 13.4 ms of CPU per start instead of 5.3 (`npm run bench -- first-task`), and a launch ratio of 0.73
 * instead of 0.82 (README, Benchmarks).
 */
const calendarModule = () => require('../domain/cycle/calendar.ts') as typeof Calendar;
const appraisalCalendarModule = () =>
  require('../domain/cycle/appraisal-calendar.ts') as typeof AppraisalCalendars;

function calendarFor(
  year: number,
  start: string,
  overrides: CalendarOverrides | undefined,
  timeZone: string | undefined,
): AppraisalCalendar {
  try {
    return appraisalCalendarModule().toAppraisalCalendar(
      calendarModule().buildCalendar(year, start, overrides, timeZone),
    );
  } catch (error) {
    // Bad overrides do not heal on retry: fail the run (the schedule shows it) instead of the task.
    if (isDomainError(error))
      throw ApplicationFailure.nonRetryable(error.message, error.code, { ...error.details });
    throw error;
  }
}
