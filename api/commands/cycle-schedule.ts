// The yearly Temporal Schedule that starts an organisation's next appraisal cycle: it runs
// StartNextCycleWorkflow (workflows/next-cycle.ts), which starts next year's CycleWorkflow once.
import {
  type Client,
  isGrpcServiceError,
  ScheduleAlreadyRunning,
  type ScheduleHandle,
  type ScheduleSpec,
} from '@temporalio/client';
import type { Principal } from '../../auth/identity.ts';
import type { CalendarOverrides } from '../../domain/cycle/calendar.ts';
import type { Population } from '../../domain/cycle/events.ts';
import { defaultPeriodKind } from '../../domain/cycle/periods.ts';
import type { NextCycleInput, StartNextCycleWorkflow } from '../../workflows/next-cycle.ts';
import { Refusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';

export interface NextCycleScheduleOptions extends NextCycleInput {
  taskQueue: string;
  /** A cron expression (UTC) instead of the default Dec 1 00:00 UTC. */
  cron?: string;
}

export const nextCycleScheduleId = (orgId: string) => `next-cycle:${orgId}`;

/** A month before the cycle opens on Jan 1, so HR sees the new cycle (and its tasks) in good time. */
export const defaultNextCycleSpec: ScheduleSpec = {
  calendars: [{ month: 'DECEMBER', dayOfMonth: 1, hour: 0, minute: 0, comment: 'next appraisal cycle' }],
};

/** Creates the organisation's schedule, or brings an existing one to these options (keeping its pause). */
export async function ensureNextCycleSchedule(
  client: Client,
  options: NextCycleScheduleOptions,
): Promise<ScheduleHandle> {
  const { taskQueue, cron, ...input } = options;
  const scheduleId = nextCycleScheduleId(input.orgId);
  const spec: ScheduleSpec = cron === undefined ? defaultNextCycleSpec : { cronExpressions: [cron] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'StartNextCycleWorkflow',
    workflowId: scheduleId, // the server appends the fire time
    taskQueue,
    args: [input] as [NextCycleInput],
  };
  // SKIP: a fire while the last run is still going has nothing to add (the run is idempotent anyway).
  const overlap = 'SKIP' as const;
  try {
    return await client.schedule.create<typeof StartNextCycleWorkflow>({
      scheduleId,
      spec,
      action,
      policies: { overlap },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  const handle = client.schedule.getHandle(scheduleId);
  await handle.update<typeof StartNextCycleWorkflow>((previous) => ({
    spec,
    action,
    policies: { ...previous.policies, overlap },
    state: previous.state,
  }));
  return handle;
}

/**
 * HR schedules next year's cycle of their organisation to start by itself, with quarterly periods unless
 * the calendar names others. The cycle counts the days of the organisation's zone as it is when the
 * schedule fires (the run reads it), so a zone HR changes later still holds.
 */
export async function scheduleNextCycle(
  services: Services,
  me: Principal,
  request: { population: Population; calendar?: CalendarOverrides; cron?: string },
): Promise<{ scheduleId: string }> {
  requireHr(me);
  // A practice year is started by hand in a practice instance, never every year by itself.
  if (request.calendar?.preset !== undefined)
    throw new Refusal(
      422,
      'training_not_scheduled',
      'A training cycle (preset) is started by hand; the yearly schedule starts real cycles only',
      { field: 'calendar.preset' },
    );
  try {
    const handle = await ensureNextCycleSchedule(services.temporal, {
      orgId: me.org,
      population: request.population,
      calendarOverrides: { periods: defaultPeriodKind, ...request.calendar },
      startedBy: me.nip,
      taskQueue: services.taskQueue,
      ...(request.cron ? { cron: request.cron } : {}),
    });
    return { scheduleId: handle.scheduleId };
  } catch (error) {
    // The workflow service is what reads a cron expression; one it cannot read was not scheduled (the
    // client answers its INVALID_ARGUMENT with a TypeError carrying the service's reason).
    if (request.cron !== undefined && invalidArgument(error))
      throw new Refusal(
        422,
        'invalid_cron',
        `The cron expression "${request.cron}" is not valid (${error instanceof Error ? error.message : 'refused'}); five fields in UTC: minute hour day month weekday`,
        { field: 'cron' },
      );
    throw error;
  }
}

const grpcInvalidArgument = 3;

function invalidArgument(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === grpcInvalidArgument;
}
