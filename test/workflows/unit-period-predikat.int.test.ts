// A unit's capaian, for one evaluation period or the year, through the command the API and the web page
// share: the leader of the unit above sets it, HR only as a named delegate with the document; the running
// CycleWorkflow records it with its period and basis, the projection keeps a period's apart from the
// year's (which calibration uses), and a refusal (a period the cycle lacks, HR without a document, someone
// who does not lead the unit above) comes before Temporal is asked and changes nothing.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUnitPredikat } from '../../api/commands/cycles.ts';
import type { Services } from '../../api/commands/services.ts';
import type { Principal } from '../../auth/identity.ts';
import { cycleIdFor, cycleStreamId, cycleWorkflowId } from '../../domain/ids.ts';
import { upsertUnits } from '../../organisation/units-and-positions.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { seedUmum, umumNips } from '../support/organisation.ts';
import { periodicCalendar } from '../support/periodic-events.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const orgId = 'tebo';
const nip = umumNips;
const hr: Principal = { nip: nip.hr, org: orgId, roles: ['hr'], allOrganisations: false };
/** The secretary leads SEKRE, the unit above UMUM. */
const sekretarisNip = '196905051990031002';
const sekretaris: Principal = {
  nip: sekretarisNip,
  org: orgId,
  roles: ['employee'],
  allOrganisations: false,
};
const staff: Principal = { nip: nip.staff, org: orgId, roles: ['employee'], allOrganisations: false };
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
    await upsertUnits(rig.db, orgId, [
      { code: 'SEKRE', name: 'Sekretariat', parentCode: null, headNip: sekretarisNip },
      { code: 'UMUM', name: 'Bagian Umum', parentCode: 'SEKRE', headNip: nip.head },
    ]);
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

  it('records the leader above as leader with the basis, HR as a delegate with the document; the year’s stays the calibration’s own', async () => {
    const answer = await setUnitPredikat(
      services,
      sekretaris,
      cycleId,
      {
        unitCode: 'UMUM',
        predikat: 'kurang',
        period: 'TW2',
        note: ' Realisasi anggaran TW II 41% ',
        links: ['https://sakip.tebo.go.id/tw2', ' '],
      },
      'tw2-umum',
    );
    expect(answer).toEqual({ accepted: true, detail: 'unit UMUM is kurang in TW2' });
    await setUnitPredikat(
      services,
      hr,
      cycleId,
      { unitCode: 'UMUM', predikat: 'baik', document: 'SK Sekda 800/7/2027' },
      'year-umum',
    );
    const { rows } = await sql<{ data: Record<string, unknown> }>`select data from events
      where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.unitPredikatSet' order by stream_version`.execute(
      rig.db,
    );
    expect(rows.map((r) => r.data)).toEqual([
      {
        unitCode: 'UMUM',
        predikat: 'kurang',
        period: 'TW2',
        by: sekretarisNip,
        as: 'leader',
        note: 'Realisasi anggaran TW II 41%',
        links: ['https://sakip.tebo.go.id/tw2'],
        at: expect.any(String),
      },
      {
        unitCode: 'UMUM',
        predikat: 'baik',
        by: nip.hr,
        as: 'delegate',
        document: 'SK Sekda 800/7/2027',
        at: expect.any(String),
      },
    ]);
    expect(
      await rig.db
        .selectFrom('unit_period_predikat')
        .select(['unit_code', 'period', 'unit_predikat', 'set_by', 'set_as', 'note', 'links'])
        .execute(),
    ).toEqual([
      {
        unit_code: 'UMUM',
        period: 'TW2',
        unit_predikat: 'kurang',
        set_by: sekretarisNip,
        set_as: 'leader',
        note: 'Realisasi anggaran TW II 41%',
        links: ['https://sakip.tebo.go.id/tw2'],
      },
    ]);
    expect(
      await rig.db
        .selectFrom('unit_calibration')
        .select(['unit_code', 'unit_predikat', 'capaian_by', 'capaian_as', 'capaian_document'])
        .execute(),
    ).toEqual([
      {
        unit_code: 'UMUM',
        unit_predikat: 'baik',
        capaian_by: nip.hr,
        capaian_as: 'delegate',
        capaian_document: 'SK Sekda 800/7/2027',
      },
    ]);
  });

  it('refuses HR without a document, anyone not leading the unit above, an unknown unit and a bad link; nothing changes', async () => {
    const count = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from events
      where stream_id = ${cycleStreamId(cycleId)}`.execute(rig.db)
      ).rows[0]?.n;
    const before = await count();
    const set = (who: Principal, change: Parameters<typeof setUnitPredikat>[3], key: string) =>
      setUnitPredikat(services, who, cycleId, change, key);
    await expect(
      set(hr, { unitCode: 'UMUM', predikat: 'istimewa', document: '  ' }, 'r1'),
    ).rejects.toMatchObject({
      status: 422,
      code: 'delegate_document_required',
    });
    // The head of UMUM leads the unit itself, not the one above it; the staff member leads nothing.
    const head: Principal = { ...staff, nip: nip.head };
    for (const who of [head, staff])
      await expect(
        set(who, { unitCode: 'UMUM', predikat: 'istimewa' }, `r-${who.nip}`),
      ).rejects.toMatchObject({
        status: 403,
        code: 'forbidden_capaian',
      });
    // SEKRE has no unit above: only HR as a delegate records its capaian.
    await expect(set(sekretaris, { unitCode: 'SEKRE', predikat: 'baik' }, 'r3')).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      set(hr, { unitCode: 'NOPE', predikat: 'baik', document: 'SK 1' }, 'r4'),
    ).rejects.toMatchObject({
      status: 404,
      code: 'unit_not_found',
    });
    await expect(
      set(sekretaris, { unitCode: 'UMUM', predikat: 'baik', links: ['javascript:alert(1)'] }, 'r5'),
    ).rejects.toMatchObject({ status: 422, code: 'invalid_links' });
    expect(await count()).toBe(before);
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
          { unitCode: 'UMUM', predikat: 'baik', period, document: 'SK 800/7/2027' },
          `bad-${period}`,
        ),
      ).rejects.toMatchObject({ status: 422, code: 'period_not_in_cycle' });
    }
    const after = await sql<{ n: number }>`select count(*)::int as n from events
      where stream_id = ${cycleStreamId(cycleId)}`.execute(rig.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});
