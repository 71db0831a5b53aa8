// HR sets a unit's capaian for one evaluation period through the command the API and the web page share:
// the running CycleWorkflow records it with its period, the projection keeps it apart from the year's
// (which calibration uses), and a period the cycle does not have is refused before Temporal is asked.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUnitPredikat } from '../../api/commands/cycles.ts';
import type { Services } from '../../api/commands/services.ts';
import type { Principal } from '../../auth/identity.ts';
import { cycleIdFor, cycleStreamId, cycleWorkflowId } from '../../domain/ids.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { seedUmum, umumNips } from '../support/organisation.ts';
import { periodicCalendar } from '../support/periodic-events.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const orgId = 'tebo';
const nip = umumNips;
const hr: Principal = { nip: nip.hr, org: orgId, roles: ['hr'], allOrganisations: false };
const cycleId = cycleIdFor(orgId, 2027);

describe("a unit's capaian per period (dev server)", () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;
  let services: Services;
  let workerRun: Promise<void>;

  beforeAll(async () => {
    env = await startDevEnv();
    rig = await createSiklusRig(env, 'period_predikat');
    workerRun = rig.worker.run();
    services = { db: rig.db, temporal: env.client, taskQueue: rig.taskQueue, identity: null };
    await seedUmum(rig.db, orgId);
    // A quarterly cycle, as HR starts one with periods; its dates lie ahead, so it only waits.
    const input: CycleInput = {
      cycleId,
      orgId,
      year: 2027,
      calendar: periodicCalendar(2027),
      population: {},
      startedBy: nip.hr,
    };
    await env.client.workflow.start('CycleWorkflow', {
      workflowId: cycleWorkflowId(cycleId),
      taskQueue: rig.taskQueue,
      args: [input],
    });
    for (let i = 0; i < 300; i++) {
      const row = await rig.db
        .selectFrom('cycles')
        .select('launched')
        .where('cycle_id', '=', cycleId)
        .executeTakeFirst();
      if (row?.launched) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 180_000);

  afterAll(async () => {
    await env?.client.workflow
      .getHandle(cycleWorkflowId(cycleId))
      .terminate()
      .catch(() => {});
    rig?.worker.shutdown();
    await workerRun;
    await rig?.close();
    await env?.teardown();
  });

  it('records the period with the capaian; the year’s stays the calibration’s own', async () => {
    const answer = await setUnitPredikat(
      services,
      hr,
      cycleId,
      { unitCode: 'UMUM', predikat: 'kurang', period: 'TW2' },
      'tw2-umum',
    );
    expect(answer).toEqual({ accepted: true, detail: 'unit UMUM is kurang in TW2' });
    await setUnitPredikat(services, hr, cycleId, { unitCode: 'UMUM', predikat: 'baik' }, 'year-umum');
    const { rows } = await sql<{ data: Record<string, unknown> }>`select data from events
      where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.unitPredikatSet' order by stream_version`.execute(
      rig.db,
    );
    expect(rows.map((r) => r.data)).toEqual([
      { unitCode: 'UMUM', predikat: 'kurang', period: 'TW2', by: nip.hr, at: expect.any(String) },
      { unitCode: 'UMUM', predikat: 'baik', by: nip.hr, at: expect.any(String) },
    ]);
    expect(
      await rig.db
        .selectFrom('unit_period_predikat')
        .select(['unit_code', 'period', 'unit_predikat', 'set_by'])
        .execute(),
    ).toEqual([{ unit_code: 'UMUM', period: 'TW2', unit_predikat: 'kurang', set_by: nip.hr }]);
    expect(
      await rig.db.selectFrom('unit_calibration').select(['unit_code', 'unit_predikat']).execute(),
    ).toEqual([{ unit_code: 'UMUM', unit_predikat: 'baik' }]);
  });

  it('refuses a period the cycle does not have, and changes nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from events
      where stream_id = ${cycleStreamId(cycleId)}`.execute(rig.db);
    for (const period of ['M03', 'S1']) {
      await expect(
        setUnitPredikat(
          services,
          hr,
          cycleId,
          { unitCode: 'UMUM', predikat: 'baik', period },
          `bad-${period}`,
        ),
      ).rejects.toMatchObject({ status: 422, code: 'period_not_in_cycle' });
    }
    const after = await sql<{ n: number }>`select count(*)::int as n from events
      where stream_id = ${cycleStreamId(cycleId)}`.execute(rig.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
