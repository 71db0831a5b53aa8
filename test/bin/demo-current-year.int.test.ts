// The demo's year in progress on a real Temporal dev server: HR's start and the acknowledgements go
// through the API's commands, so the inboxes hold what is left for each person; a second start skips it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../api/commands/services.ts';
import { type CurrentYearOutcome, launchDemoCurrentYear } from '../../bin/demo-current-year.ts';
import { seedDemoStandards } from '../../bin/demo-standards.ts';
import { seedDemoOrganisations } from '../../demo/seed.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

describe('demo: the year in progress', () => {
  let rig: RunningRig;
  let services: Services;
  let outcome: CurrentYearOutcome;
  const today = new Date();

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'demo_current_year');
    await seedDemoStandards(rig.db, await seedDemoOrganisations(rig.db));
    services = { db: rig.db, temporal: rig.env.client, taskQueue: rig.taskQueue, identity: null };
    outcome = await launchDemoCurrentYear(services, 'asemrowo', { today });
  }, 180_000);
  afterAll(async () => {
    await rig?.stop();
  });

  it("launches the next year's cycle in its planning season, started by HR", async () => {
    const local = new Date(today.getTime() + 7 * 3_600_000);
    const year = local.getUTCMonth() >= 10 ? local.getUTCFullYear() + 1 : local.getUTCFullYear();
    expect(outcome).toMatchObject({ org: 'asemrowo', year, cycleId: `asemrowo.${year}`, ran: true });
    const cycle = await rig.db
      .selectFrom('cycles')
      .select(['status', 'started_by'])
      .where('cycle_id', '=', `asemrowo.${year}`)
      .executeTakeFirstOrThrow();
    expect(cycle.status).toBe('running');
  });

  it('leaves one in four with the acknowledgement still in their inbox, the rest acknowledged', async () => {
    if (!outcome.ran) throw new Error('not launched');
    expect(outcome.acknowledged + outcome.open).toBe(17);
    expect(outcome.open).toBe(4);
    const counted = async () =>
      (
        await sql<{ status: string; n: string }>`select status, count(*) as n from tasks
          where cycle_id = ${outcome.cycleId} and kind = 'acknowledgeStandards' group by status`.execute(
          rig.db,
        )
      ).rows;
    const acknowledged = await sql<{ n: string }>`select count(*) as n from events
      where type = 'socialisation.acknowledged' and metadata->>'workflowId' like ${`%${outcome.cycleId}%`}`.execute(
      rig.db,
    );
    expect(Number(acknowledged.rows[0]?.n)).toBe(13);
    expect(Number((await counted()).find((r) => r.status === 'open')?.n)).toBe(4);
  });

  it('is skipped on the next start', async () => {
    expect(await launchDemoCurrentYear(services, 'asemrowo', { today })).toMatchObject({ ran: false });
  });
});
