// The yearly next-cycle schedule on the dev server: it exists with its Dec 1 spec, ensuring it again
// updates it, and firing it (even twice at once) starts next year's CycleWorkflow exactly once, its days
// counted in the organisation's zone as it is when the schedule fires.
import type { ScheduleDescription, ScheduleHandle } from '@temporalio/client';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureNextCycleSchedule,
  type NextCycleScheduleOptions,
  nextCycleScheduleId,
  scheduleNextCycle,
} from '../../api/commands/cycle-schedule.ts';
import { cycleIdFor, cycleStreamId, cycleWorkflowId } from '../../domain/ids.ts';
import type { NextCycleInput } from '../../workflows/next-cycle.ts';
import { seedOrganisation, seedUmum, umumNips } from '../support/organisation.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const orgId = 'kerinci';
const scheduledStartTime = defineSearchAttributeKey(
  'TemporalScheduledStartTime',
  SearchAttributeType.DATETIME,
);
const nip = umumNips;

describe('the next-cycle schedule (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: RunningRig;
  let options: NextCycleScheduleOptions;

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'schedule');
    env = rig.env;
    await seedUmum(rig.db, orgId);
    options = {
      orgId,
      population: { unitCodes: ['UMUM'] },
      startedBy: nip.hr,
      taskQueue: rig.taskQueue,
    };
  }, 180_000);

  afterAll(() => rig?.stop());

  it('is created with a yearly Dec 1 00:00 UTC spec, SKIP overlap, and can be ensured again', async () => {
    const handle = await ensureNextCycleSchedule(env.client, options);
    expect(handle.scheduleId).toBe(`next-cycle:${orgId}`);
    // Again, and with another cron: the existing schedule is updated, not created twice.
    await ensureNextCycleSchedule(env.client, { ...options, cron: '0 0 15 11 *' });
    const updated = await handle.describe();
    expect(updated.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'NOVEMBER', end: 'NOVEMBER' }],
      dayOfMonth: [{ start: 15, end: 15 }],
    });
    await ensureNextCycleSchedule(env.client, options);

    const described = await env.client.schedule.getHandle(nextCycleScheduleId(orgId)).describe();
    expect(described.spec.calendars).toHaveLength(1);
    expect(described.spec.calendars?.[0]).toMatchObject({
      month: [{ start: 'DECEMBER', end: 'DECEMBER' }],
      dayOfMonth: [{ start: 1, end: 1 }],
      hour: [{ start: 0, end: 0 }],
      minute: [{ start: 0, end: 0 }],
      second: [{ start: 0, end: 0 }],
    });
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'StartNextCycleWorkflow',
      taskQueue: rig.taskQueue,
      args: [{ orgId, population: { unitCodes: ['UMUM'] }, startedBy: nip.hr }],
    });
    const [next] = described.info.nextActionTimes;
    expect(next?.toISOString()).toMatch(/^\d{4}-12-01T00:00:00\.000Z$/);
    expect(described.info.nextActionTimes.map((t) => t.getUTCFullYear())).toEqual(
      described.info.nextActionTimes.map((_, i) => (next?.getUTCFullYear() ?? 0) + i),
    );
  });

  it('starts next year’s CycleWorkflow when fired, and only once when fired again', async () => {
    const handle = await ensureNextCycleSchedule(env.client, options);
    await handle.trigger();
    const [first] = await actionsTaken(handle, 1);
    expect(first).toBeDefined();
    const year = (first?.scheduledAt.getUTCFullYear() ?? 0) + 1;
    const cycleId = cycleIdFor(orgId, year);
    const starter = env.client.workflow.getHandle(first?.action.workflow.workflowId ?? '');
    expect(await starter.result()).toBe(cycleId);
    // The fire time the workflow dates the cycle by is the one the schedule recorded (to the second).
    const starterInfo = await starter.describe();
    expect(starterInfo.type).toBe('StartNextCycleWorkflow');
    const firedAt = starterInfo.typedSearchAttributes.get(scheduledStartTime)?.getTime();
    expect(firedAt).toBe(Math.floor((first?.scheduledAt.getTime() ?? 0) / 1000) * 1000);

    const cycle = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).describe();
    expect(cycle.type).toBe('CycleWorkflow');
    expect(cycle.status.name).toBe('RUNNING');
    const started = await eventually(async () => {
      const events = await cycleStarted(cycleId);
      return events.length > 0 ? events : undefined;
    });
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({
      cycleId,
      orgId,
      year,
      by: nip.hr,
      population: { unitCodes: ['UMUM'] },
      // 00:00 on 1 January in WIB, kerinci's zone (17:00 UTC the day before).
      calendar: { socialisation: { start: `${year - 1}-12-31T17:00:00.000Z` } },
    });

    // Fired again (a second later: the schedule names its runs by the second, and drops a same-second
    // duplicate itself). The new run finds the cycle already started and succeeds without a second one.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await handle.trigger();
    const [, second] = await actionsTaken(handle, 2);
    expect(second?.action.workflow.workflowId).not.toBe(first?.action.workflow.workflowId);
    expect(await env.client.workflow.getHandle(second?.action.workflow.workflowId ?? '').result()).toBe(
      cycleId,
    );
    // Two runs racing (as overlapping fires would): each returns the cycle, one started it.
    const { taskQueue, ...input } = options;
    const racing = await Promise.all(
      ['a', 'b'].map((suffix) =>
        env.client.workflow.execute('StartNextCycleWorkflow', {
          workflowId: `next-cycle-race-${suffix}`,
          taskQueue,
          args: [input],
        }),
      ),
    );
    expect(racing).toEqual([cycleId, cycleId]);

    const again = await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).describe();
    expect(again.runId).toBe(cycle.runId);
    expect(again.status.name).toBe('RUNNING'); // abandoned by its parent, not ended with it
    const runs = await eventually(async () => {
      const found = await cycleRuns(cycleWorkflowId(cycleId));
      return found.length > 0 ? found : undefined;
    });
    expect(runs).toEqual([cycle.runId]);
    expect(await cycleStarted(cycleId)).toHaveLength(1);
  });

  it("counts the cycle it starts in the organisation's zone, as the organisation has it when it fires", async () => {
    const { taskQueue, population, startedBy } = options;
    await seedOrganisation(rig.db, 'jayawijaya', ['UMUM'], [], 'Asia/Makassar');
    // The organisation moves to WIT after the schedule was made: the run reads the zone when it fires.
    await rig.db
      .updateTable('organisations')
      .set({ time_zone: 'Asia/Jayapura' })
      .where('id', '=', 'jayawijaya')
      .execute();
    const input: NextCycleInput = {
      orgId: 'jayawijaya',
      population,
      startedBy,
      calendarOverrides: { periods: 'quarterly' },
    };
    const cycleId = await env.client.workflow.execute('StartNextCycleWorkflow', {
      workflowId: 'next-cycle-jayawijaya',
      taskQueue,
      args: [input],
    });
    const year = Number(cycleId.split('.').at(-1));
    const [started] = await eventually(async () => {
      const events = await cycleStarted(cycleId);
      return events.length > 0 ? events : undefined;
    });
    const calendar = started?.calendar as {
      timeZone: string;
      socialisation: { start: string; deadline: string };
      periods: { timeZone: string; windows: Array<{ id: string; deadline: string }> };
    };
    expect(calendar.timeZone).toBe('Asia/Jayapura');
    // 00:00 on 1 January in WIT (UTC+9): 15:00 UTC the day before; 14 days end at 23:59:59 WIT.
    expect(calendar.socialisation).toEqual({
      start: `${year - 1}-12-31T15:00:00.000Z`,
      deadline: `${year}-01-14T14:59:59.000Z`,
    });
    expect(calendar.periods.timeZone).toBe('Asia/Jayapura');
    expect(calendar.periods.windows[0]).toMatchObject({ id: 'TW1', deadline: `${year}-04-13T14:59:59.000Z` });
    await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).terminate('test done');
  });

  it("gives HR's schedule quarterly periods unless its calendar names others", async () => {
    const services = { db: rig.db, temporal: env.client, taskQueue: rig.taskQueue, identity: null };
    const hr = { nip: nip.hr, org: 'sungaipenuh', roles: ['hr' as const], allOrganisations: false };
    const overridesOf = async () => {
      const described = await env.client.schedule.getHandle(nextCycleScheduleId('sungaipenuh')).describe();
      return (described.action.args as [NextCycleInput])[0].calendarOverrides;
    };
    await scheduleNextCycle(services, hr, { population: {} });
    expect(await overridesOf()).toEqual({ periods: 'quarterly' });
    await scheduleNextCycle(services, hr, {
      population: {},
      calendar: { periods: 'monthly', review: 'P14D' },
    });
    expect(await overridesOf()).toEqual({ periods: 'monthly', review: 'P14D' });
    // A practice year is never scheduled to start by itself: refused, and the schedule stays as it was.
    await expect(
      scheduleNextCycle(services, hr, { population: {}, calendar: { preset: 'training' } }),
    ).rejects.toMatchObject({ status: 422, code: 'training_not_scheduled' });
    expect(await overridesOf()).toEqual({ periods: 'monthly', review: 'P14D' });
    await env.client.schedule.getHandle(nextCycleScheduleId('sungaipenuh')).delete();
  });

  it('fails the run, not just its task, when the calendar overrides are wrong', async () => {
    const { taskQueue, ...input } = options;
    const failed = env.client.workflow.execute('StartNextCycleWorkflow', {
      workflowId: 'next-cycle-bad-overrides',
      taskQueue,
      args: [{ ...input, orgId: 'nowhere', calendarOverrides: { socialisation: 'two weeks' } }],
    });
    await expect(failed).rejects.toMatchObject({
      cause: {
        type: 'calendar.invalidDuration',
        nonRetryable: true,
        details: [{ field: 'socialisation' }],
      },
    });
  });

  async function cycleStarted(cycleId: string) {
    const { rows } = await sql<{ data: Record<string, unknown> }>`
      select data from events where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.started'`.execute(
      rig.db,
    );
    return rows.map((row) => row.data);
  }

  async function cycleRuns(workflowId: string): Promise<string[]> {
    const runs: string[] = [];
    for await (const run of env.client.workflow.list({ query: `WorkflowId = '${workflowId}'` }))
      runs.push(run.runId);
    return runs;
  }
});

/** The schedule's recent actions once it has taken `count` (taking an action is asynchronous). */
async function actionsTaken(handle: ScheduleHandle, count: number) {
  return eventually(async () => {
    const { info }: ScheduleDescription = await handle.describe();
    return info.recentActions.length >= count ? info.recentActions : undefined;
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
