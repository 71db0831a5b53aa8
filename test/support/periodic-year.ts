// A quarterly year of periodic evaluations for one employee, the scenario the e2e test asserts and the
// replay fixtures record: four periods (TW2 escalated to the rater's superior), the akhir rating escalated
// too and held in calibration until set, an objection upheld, and the follow-up. Needs a seeded
// organisation (seedPeriodicOrganisation) and a running worker.
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
  calibrateNowUpdate,
  closeCycleUpdate,
  setUnitPredikatUpdate,
} from '../../workflows/messages.ts';
import { seedOrganisation } from './organisation.ts';
import { clockSkipper } from './temporal.ts';

export const periodicNips = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  hr: '198012122005012006',
};
const nip = periodicNips;
const zone = 'Asia/Jakarta';

export function seedPeriodicOrganisation(db: Kysely<Database>, orgId: string) {
  return seedOrganisation(
    db,
    orgId,
    ['PKM', 'DINKES'],
    [
      { nip: nip.superior, name: 'Kepala Dinas', unitCode: 'DINKES', supervisorNip: null },
      { nip: nip.supervisor, name: 'Kepala Puskesmas', unitCode: 'DINKES', supervisorNip: nip.superior },
      { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
    ],
  );
}

export interface PeriodicYear {
  cycle: WorkflowHandle;
  appraisal: WorkflowHandle;
  cycleId: string;
  appraisalId: string;
  superiorDeadline: string;
}

/** Runs the year to the appraisal's completion and the cycle's close by HR. */
export async function runPeriodicYear(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
): Promise<PeriodicYear> {
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  const built = toAppraisalCalendar(buildCalendar(year, now.toISOString(), { periods: 'quarterly' }, zone));
  const { periods, ratingEscalation } = built;
  if (!periods || !ratingEscalation) throw new Error('a quarterly calendar has periods');
  const calendar = { ...built, periods, ratingEscalation };
  const cycleId = cycleIdFor(orgId, year);
  const appraisalId = appraisalIdFor(cycleId, nip.employee);
  const input: CycleInput = {
    cycleId,
    orgId,
    year,
    calendar,
    population: { unitCodes: ['PKM'] },
    startedBy: nip.hr,
  };
  const cycle = await env.client.workflow.start('CycleWorkflow', {
    workflowId: cycleWorkflowId(cycleId),
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const appraisal = env.client.workflow.getHandle(appraisalWorkflowId(appraisalId));
  const act = (
    actor: keyof typeof nip,
    command: ActRequest['command'],
    roles: ActRequest['actor']['roles'] = [],
  ) => appraisal.executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles }, command }] });
  const skipTo = clockSkipper(env);
  const row = () =>
    rig.db.selectFrom('appraisals').selectAll().where('appraisal_id', '=', appraisalId).executeTakeFirst();
  await waitFor('the appraisal row', async () => (await row()) !== undefined);

  await act('employee', { type: 'acknowledgeStandards' });
  await skipTo(calendar.agreement.start);
  const rhk = [
    {
      id: 'rhk-1',
      kind: 'utama' as const,
      description: 'Menurunkan waktu tunggu pasien',
      parentRhkId: null,
      indicators: [
        { id: 'iki-1', description: 'Waktu tunggu', aspect: 'waktu' as const, target: '30 menit' },
      ],
    },
  ];
  await act('supervisor', { type: 'proposeIndicators', rhk });
  await act('employee', { type: 'signAgreement', version: 1 });
  await act('supervisor', { type: 'signAgreement', version: 1 });

  for (const window of periods.windows) {
    await skipTo(window.opens);
    await act('employee', {
      type: 'recordRealisation',
      period: window.id,
      realisations: [
        { indicatorId: 'iki-1', value: '35 menit', evidence: [{ url: 'https://arsip.example/antrean' }] },
      ],
    });
    await act('supervisor', {
      type: 'givePeriodFeedback',
      period: window.id,
      rhkId: 'rhk-1',
      feedback: 'Antrean pagi masih panjang',
    });
    // The rater lets TW2's deadline pass: the rater's superior rates it instead.
    const rater = window.id === 'TW2' ? 'superior' : 'supervisor';
    if (rater === 'superior') await skipTo(window.deadline);
    await act(rater, {
      type: 'ratePeriod',
      period: window.id,
      results: rater === 'superior' ? 'diAtas' : 'sesuai',
      behaviour: 'sesuai',
      feedback: rater === 'superior' ? 'Dinilai oleh atasan pejabat penilai' : 'Sesuai ekspektasi',
    });
    await act('employee', { type: 'acknowledgePeriod', period: window.id });
  }

  // The akhir rating: the rater never rates; the unit waits while the superior has it, then it is set.
  await skipTo(calendar.review.start);
  await act('employee', { type: 'submitReview', scores: { akuntabel: 4 }, comment: '' });
  await cycle.executeUpdate(setUnitPredikatUpdate, {
    args: [{ unitCode: 'PKM', predikat: 'baik', by: nip.hr }],
  });
  await skipTo(calendar.rating.deadline);
  await waitFor('the superior’s rating task', async () => {
    const open = await rig.db
      .selectFrom('tasks')
      .select('task_id')
      .where('appraisal_id', '=', appraisalId)
      .where('status', '=', 'open')
      .execute();
    return open.some((t) => t.task_id.endsWith(':setRating:superior'));
  });
  await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
  await waitFor('the unit held for the rating', async () => {
    const unit = await rig.db
      .selectFrom('unit_calibration')
      .select('violations')
      .where('cycle_id', '=', cycleId)
      .where('unit_code', '=', 'PKM')
      .executeTakeFirst();
    return unit?.violations?.some((v) => v.rule === 'unit.ratingsPending') === true;
  });
  if ((await row())?.step !== 'rating') throw new Error('the appraisal went on without its akhir rating');
  await act('superior', {
    type: 'setRating',
    results: 'diBawah',
    behaviour: 'sesuai',
    feedback: 'Hasil kerja di bawah ekspektasi',
  });
  await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
  await waitFor('the release', async () => (await row())?.step === 'feedback');
  await act('employee', { type: 'fileObjection', reasons: 'Realisasi TW2 di atas ekspektasi' });
  await act('superior', {
    type: 'decideObjection',
    decision: 'upheld',
    reason: 'Capaian tahunan tetap di bawah target',
  });
  await skipTo((await row())?.deadline?.toISOString() ?? calendar.cycleEnd);
  await waitFor('the follow-up', async () => (await row())?.step === 'followUp');
  await act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
  await act('employee', { type: 'completeTraining', note: 'Sertifikat terlampir' });
  if ((await appraisal.result()).step !== 'completed') throw new Error('the appraisal did not complete');
  await cycle.executeUpdate(closeCycleUpdate, { args: [{ by: nip.hr }] });
  await cycle.result();
  return { cycle, appraisal, cycleId, appraisalId, superiorDeadline: ratingEscalation.superiorDeadline };
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not reached in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
