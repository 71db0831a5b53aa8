// The SKP of a unit leader in a kuantitatif cycle, the scenario the replay fixture records: the head of a
// puskesmas (JA, leads unit PKM) under the head of the dinas (JPT, no supervisor: HR signs for one).
// The dinas head drafts and agrees a JPT SKP; the puskesmas head drafts theirs without naming one of its
// RHK (refused: the cascade, looked up through an activity), then naming one; the dinas head comments,
// the puskesmas head revises, both sign; TW1's realisation is a number; the rating waits for the unit's
// capaian (looked up through an activity), HR sets it, the rating hasil kerja is taken from it; then HR
// removes both and closes the cycle. Needs a running worker.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, cycleWorkflowId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import {
  actUpdate,
  closeCycleUpdate,
  removeEmployeeUpdate,
  setUnitPredikatUpdate,
} from '../../workflows/messages.ts';
import { seedOrganisation } from './organisation.ts';
import { clockSkipper } from './temporal.ts';

export const skpNips = {
  kadis: '197703032000031003',
  kapkm: '198505052010011002',
  hr: '198012122005012006',
};
const nip = skpNips;
const zone = 'Asia/Jakarta';

/** Two units, each with its head; the dinas head in a JPT position, the puskesmas head in a JA one. */
export async function seedSkpOrganisation(db: Kysely<Database>, orgId: string): Promise<void> {
  await seedOrganisation(
    db,
    orgId,
    ['DINKES', 'PKM'],
    [
      {
        nip: nip.kadis,
        name: 'Kepala Dinas',
        unitCode: 'DINKES',
        supervisorNip: null,
        positionCode: 'KADIS',
      },
      { nip: nip.hr, name: 'Analis SDM', unitCode: 'DINKES', supervisorNip: nip.kadis },
      {
        nip: nip.kapkm,
        name: 'Kepala Puskesmas',
        unitCode: 'PKM',
        supervisorNip: nip.kadis,
        positionCode: 'KAPKM',
      },
    ],
  );
  const position = (code: string, kind: 'JPT' | 'JA') => ({
    org_id: orgId,
    code,
    name: code,
    kind,
    duties: JSON.stringify([]),
    default_indicators: JSON.stringify([]),
  });
  await db
    .insertInto('positions')
    .values([position('KADIS', 'JPT'), position('KAPKM', 'JA')])
    .execute();
  for (const [code, head] of [
    ['DINKES', nip.kadis],
    ['PKM', nip.kapkm],
  ] as const)
    await db
      .updateTable('units')
      .set({ head_nip: head })
      .where('org_id', '=', orgId)
      .where('code', '=', code)
      .execute();
}

const numbers = (id: string, parentRhkId: string | null, target: number) => [
  {
    id,
    kind: 'utama' as const,
    description: 'Waktu tunggu pasien turun',
    parentRhkId,
    indicators: [
      {
        id: `${id}-iki`,
        description: 'Rata-rata waktu tunggu',
        aspect: 'waktu' as const,
        targetValue: target,
        satuan: 'menit',
        lowerIsBetter: true,
      },
    ],
  },
];

export async function runSkpYear(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
): Promise<{ cycle: WorkflowHandle; appraisal: WorkflowHandle; rejected: string[] }> {
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  const built = toAppraisalCalendar(buildCalendar(year, now.toISOString(), { periods: 'quarterly' }, zone));
  const calendar = { ...built, skpApproach: 'kuantitatif' as const };
  const tw1 = calendar.periods?.windows[0];
  if (!tw1) throw new Error('a quarterly calendar has TW1');
  const cycleId = cycleIdFor(orgId, year);
  const input: CycleInput = { cycleId, orgId, year, calendar, population: {}, startedBy: nip.hr };
  const cycle = await env.client.workflow.start('CycleWorkflow', {
    workflowId: cycleWorkflowId(cycleId),
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const handle = (who: keyof typeof nip) =>
    env.client.workflow.getHandle(appraisalWorkflowId(appraisalIdFor(cycleId, nip[who])));
  const act = (
    on: 'kadis' | 'kapkm',
    actor: keyof typeof nip,
    command: ActRequest['command'],
    roles: ActRequest['actor']['roles'] = [],
  ) => handle(on).executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles }, command }] });
  const rejected: string[] = [];
  const refused = async (attempt: Promise<unknown>) => {
    try {
      await attempt;
    } catch (error) {
      rejected.push(String((error as { cause?: { type?: string } }).cause?.type));
      return;
    }
    throw new Error('the update was accepted');
  };
  const skipTo = clockSkipper(env);
  await waitFor('the appraisals', async () => {
    const rows = await rig.db
      .selectFrom('appraisals')
      .select('nip')
      .where('cycle_id', '=', cycleId)
      .execute();
    return rows.length === 3;
  });
  await skipTo(calendar.agreement.start);

  // The dinas head's JPT SKP, signed by HR for the supervisor the org chart does not name.
  await act('kadis', 'kadis', {
    type: 'proposeIndicators',
    rhk: [
      {
        id: 'dinkes-1',
        kind: 'utama',
        description: 'Mutu layanan kesehatan meningkat',
        parentRhkId: null,
        perspektif: 'penerimaLayanan',
        indicators: [{ id: 'dinkes-iki', description: 'Indeks kepuasan', targetValue: 85, satuan: 'indeks' }],
      },
    ],
  });
  await act('kadis', 'hr', { type: 'signAgreement', version: 1 }, ['hr']);
  await act('kadis', 'kadis', { type: 'signAgreement', version: 1 });

  // The puskesmas head drafts: an RHK utama names an RHK of the dinas head's agreed SKP.
  await refused(act('kapkm', 'kapkm', { type: 'proposeIndicators', rhk: numbers('pkm-1', null, 30) }));
  await act('kapkm', 'kapkm', { type: 'proposeIndicators', rhk: numbers('pkm-1', 'dinkes-1', 30) });
  await act('kapkm', 'kadis', { type: 'commentIndicators', version: 1, comment: 'Target 25 menit' });
  await act('kapkm', 'kapkm', {
    type: 'proposeIndicators',
    rhk: numbers('pkm-1', 'dinkes-1', 25),
    lampiran: { konsekuensi: ['Pembinaan bila target tidak tercapai'] },
  });
  await act('kapkm', 'kadis', { type: 'signAgreement', version: 2 });
  await act('kapkm', 'kapkm', { type: 'signAgreement', version: 2 });

  // TW1: a number for the realisation; the leader's rating waits for the unit's capaian, then follows it.
  await skipTo(tw1.opens);
  await act('kapkm', 'kapkm', {
    type: 'recordRealisation',
    period: 'TW1',
    realisations: [{ indicatorId: 'pkm-1-iki', amount: 24, evidence: [{ note: 'Rekap antrean' }] }],
  });
  const rating = {
    type: 'ratePeriod',
    period: 'TW1',
    behaviour: 'sesuai',
    feedback: 'Terus pertahankan',
  } as const;
  await refused(act('kapkm', 'kadis', rating));
  await cycle.executeUpdate(setUnitPredikatUpdate, {
    args: [{ unitCode: 'PKM', predikat: 'istimewa', period: 'TW1', by: nip.hr }],
  });
  await refused(act('kapkm', 'kadis', { ...rating, results: 'sesuai' }));
  await act('kapkm', 'kadis', rating);
  const expected = ['cascade_required', 'capaian_missing', 'results_from_capaian'];
  if (rejected.join() !== expected.join())
    throw new Error(`refused ${rejected.join()}, not ${expected.join()}`);

  for (const who of ['kapkm', 'kadis', 'hr'] as const)
    await cycle.executeUpdate(removeEmployeeUpdate, {
      args: [{ nip: nip[who], reason: 'Mutasi', by: nip.hr }],
    });
  const appraisal = handle('kapkm');
  if ((await appraisal.result()).step !== 'cancelled') throw new Error('the appraisal was not cancelled');
  await cycle.executeUpdate(closeCycleUpdate, { args: [{ by: nip.hr }] });
  await cycle.result();
  return { cycle, appraisal, rejected };
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not reached in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
