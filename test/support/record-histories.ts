// Records workflow histories from real runs (time-skipping server, production workflows and activities)
// and keeps them as JSON fixtures, so test/workflows/replay.int.test.ts can prove today's workflow code still replays
// yesterday's histories. Regenerate with `npx tsx scripts/record-histories.ts`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { type History, historyFromJSON, historyToJSON } from '../../audit/history-json.ts';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, cycleWorkflowId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import type { AppraisalInput } from '../../workflows/appraisal-input.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import {
  actUpdate,
  calibrateNowUpdate,
  cancelSignal,
  closeCycleUpdate,
  extendUnitDeadlineUpdate,
  setUnitPredikatUpdate,
} from '../../workflows/messages.ts';
import { runChangesYear, seedChangesOrganisation } from './changes-year.ts';
import { seedOrganisation } from './organisation.ts';
import { runPeriodicYear, seedPeriodicOrganisation } from './periodic-year.ts';
import { clockSkipper } from './temporal.ts';

export const fixturesDir = fileURLToPath(new URL('../fixtures/histories/', import.meta.url));
const manifestFile = 'index.json';

/** One entry of test/fixtures/histories/index.json; each history file is Temporal's standard JSON. */
export interface HistoryFixture {
  file: string;
  /** Histories carry no workflow id; replay hands it back to the workflow (its events' metadata uses it). */
  workflowId: string;
  workflowType: string;
  scenario: string;
}

export interface RecordedHistory extends HistoryFixture {
  history: History;
}

export interface RecordingRig {
  db: Kysely<Database>;
  worker: Worker;
  taskQueue: string;
}

export { historyFromJSON, historyToJSON };

export function writeHistoryFixtures(recorded: RecordedHistory[], dir = fixturesDir): void {
  mkdirSync(dir, { recursive: true });
  for (const r of recorded) {
    // One field per line, so a regenerated fixture diffs line by line.
    writeFileSync(join(dir, r.file), `${JSON.stringify(historyToJSON(r.history), null, 1)}\n`);
  }
  const fresh: HistoryFixture[] = recorded.map(({ file, workflowId, workflowType, scenario }) => ({
    file,
    workflowId,
    workflowType,
    scenario,
  }));
  // Histories of older code (e.g. recorded before the batched launch) stay: today's code must replay them.
  // Each keeps its place in the manifest; a new one is added at its end.
  const previous = existsSync(join(dir, manifestFile))
    ? (JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as HistoryFixture[])
    : [];
  const added = fresh.filter((f) => !previous.some((old) => old.file === f.file));
  const manifest = [...previous.map((old) => fresh.find((f) => f.file === old.file) ?? old), ...added];
  writeFileSync(join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readHistoryFixtures(dir = fixturesDir): RecordedHistory[] {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as HistoryFixture[];
  return manifest.map((entry) => ({
    ...entry,
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, entry.file), 'utf8'))),
  }));
}

const nip = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  peer: '199202022016042004',
  hr: '198012122005012006',
};
const orgId = 'bungo';

/** Runs every scenario on one time-skipping environment and returns the histories to keep. */
export async function recordHistories(env: TestWorkflowEnvironment, rig: RecordingRig) {
  await seedOrganisation(
    rig.db,
    orgId,
    ['PKM', 'DINKES'],
    [
      { nip: nip.superior, name: 'Kepala Dinas', unitCode: 'DINKES', supervisorNip: null },
      { nip: nip.supervisor, name: 'Kepala Puskesmas', unitCode: 'DINKES', supervisorNip: nip.superior },
      { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
      { nip: nip.peer, name: 'Rekan Kerja', unitCode: 'DINKES', supervisorNip: nip.supervisor },
    ],
  );
  await seedPeriodicOrganisation(rig.db, 'agam');
  await seedChangesOrganisation(rig.db, 'kerinci');
  return rig.worker.runUntil(async () => [
    ...(await recordYear(env, rig)),
    await recordUpdates(env, rig),
    ...(await recordPeriodicYear(env, rig)),
    ...(await recordChangesYear(env, rig)),
  ]);
}

async function historyOf(
  handle: WorkflowHandle,
  file: string,
  workflowType: string,
  scenario: string,
): Promise<RecordedHistory> {
  return {
    file,
    workflowId: handle.workflowId,
    workflowType,
    scenario,
    history: await handle.fetchHistory(),
  };
}

/** The cycle and one employee's whole year: extension, reminder, escalation, calibration, objection, referral. */
async function recordYear(env: TestWorkflowEnvironment, rig: RecordingRig): Promise<RecordedHistory[]> {
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  const calendar = toAppraisalCalendar(buildCalendar(year, now.toISOString()));
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
    who: keyof typeof nip,
    command: ActRequest['command'],
    roles: ActRequest['actor']['roles'] = [],
  ) => appraisal.executeUpdate(actUpdate, { args: [{ actor: { nip: nip[who], roles }, command }] });
  const skipTo = clockSkipper(env);
  const row = () =>
    rig.db.selectFrom('appraisals').selectAll().where('appraisal_id', '=', appraisalId).executeTakeFirst();
  await waitFor(async () => (await row())?.step === 'socialisation');

  // Socialisation: HR extends the unit's deadline by two days; nobody acknowledges, so it escalates.
  const extended = new Date(Date.parse(calendar.socialisation.deadline) + 2 * 86_400_000).toISOString();
  await cycle.executeUpdate(extendUnitDeadlineUpdate, {
    args: [{ unitCode: 'PKM', step: 'socialisation', deadline: extended, by: nip.hr }],
  });
  await skipTo(extended);
  const indicator = { id: 'iki-1', description: 'Waktu tunggu rata-rata', aspect: 'waktu' as const };
  const rhk = (target: string) => [
    {
      id: 'rhk-1',
      kind: 'utama' as const,
      description: 'Menurunkan waktu tunggu pasien',
      parentRhkId: null,
      indicators: [{ ...indicator, target }],
    },
  ];
  await act('supervisor', { type: 'proposeIndicators', rhk: rhk('30 menit') });
  await act('employee', { type: 'commentIndicators', version: 1, comment: 'Mohon target 40 menit' });
  await act('supervisor', { type: 'proposeIndicators', rhk: rhk('40 menit') });
  await act('employee', { type: 'signAgreement', version: 2 });
  await act('supervisor', { type: 'signAgreement', version: 2 });
  for (const quarter of ['I', 'II', 'III'] as const) {
    await skipTo(calendar.checkIns[quarter].start);
    await act('employee', {
      type: 'submitCheckIn',
      quarter,
      realisations: [{ indicatorId: 'iki-1', value: '44 menit', evidence: [{ note: 'Rekap antrean' }] }],
    });
    await act('supervisor', { type: 'giveCheckInFeedback', quarter, feedback: 'Terus tingkatkan' });
  }
  await act('supervisor', { type: 'assignPeers', peerNips: [nip.peer] });
  await skipTo(calendar.review.start);
  await act('employee', { type: 'submitReview', scores: { akuntabel: 4, kompeten: 3 }, comment: '' });
  await act('supervisor', {
    type: 'submitReview',
    scores: { akuntabel: 2, kompeten: 2 },
    comment: 'Bimbingan',
  });
  // Rating: a first rating the unit's rule holds, then a second one that passes calibration.
  await skipTo(calendar.rating.start);
  await act('supervisor', {
    type: 'setRating',
    results: 'diBawah',
    behaviour: 'diBawah',
    feedback: 'Kurang',
  });
  await cycle.executeUpdate(setUnitPredikatUpdate, {
    args: [{ unitCode: 'PKM', predikat: 'baik', by: nip.hr }],
  });
  await skipTo(calendar.rating.deadline, 5 * 60_000);
  await waitFor(async () => {
    const unit = await rig.db
      .selectFrom('unit_calibration')
      .select('ok')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirst();
    return unit?.ok === false;
  });
  await act('supervisor', {
    type: 'setRating',
    results: 'sesuai',
    behaviour: 'diBawah',
    feedback: 'Perbaiki',
  });
  await cycle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] });
  await waitFor(async () => (await row())?.step === 'feedback');
  await act('employee', { type: 'fileObjection', reasons: 'Perilaku dinilai tanpa dialog kinerja' });
  await act('superior', {
    type: 'decideObjection',
    decision: 'changed',
    results: 'diBawah',
    behaviour: 'sesuai',
    reason: 'Perilaku sesuai ekspektasi',
  });
  await skipTo((await row())?.deadline?.toISOString() ?? calendar.cycleEnd);
  await waitFor(async () => (await row())?.step === 'followUp');
  await act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
  await act('employee', { type: 'completeTraining', note: 'Sertifikat terlampir' });
  if ((await appraisal.result()).step !== 'completed') throw new Error('the appraisal did not complete');
  await cycle.executeUpdate(closeCycleUpdate, { args: [{ by: nip.hr }] });
  await cycle.result();
  return [
    await historyOf(
      appraisal,
      'employee-appraisal-year.json',
      'EmployeeAppraisalWorkflow',
      'a whole year: deadline extension, reminder, escalation, agreement, check-ins, missed peer review, calibration hold, objection, referral',
    ),
    await historyOf(
      cycle,
      'cycle-year.json',
      'CycleWorkflow',
      'a cycle: launch, deadline extension, unit predikat, calibration hold and release, closed by HR',
    ),
  ];
}

/** The quarterly year of periodic evaluations (test/support/periodic-year.ts), appraisal and cycle. */
async function recordPeriodicYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory[]> {
  const year = await runPeriodicYear(env, rig, 'agam');
  return [
    await historyOf(
      year.appraisal,
      'employee-appraisal-periodic-year.json',
      'EmployeeAppraisalWorkflow',
      'a quarterly year of periodic evaluations: TW2 and the akhir rating escalated to the superior, the unit held for it, an objection upheld, referral',
    ),
    await historyOf(
      year.cycle,
      'cycle-periodic-year.json',
      'CycleWorkflow',
      'a cycle with periods: launch, unit predikat, calibration waiting for an escalated rating, release, closed by HR',
    ),
  ];
}

/**
 * The year with a corrected rater, an acting rater in October and a colleague who came back
 * (test/support/changes-year.ts): the appraisal, and the cycle that took the return.
 */
async function recordChangesYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory[]> {
  const year = await runChangesYear(env, rig, 'kerinci');
  return [
    await historyOf(
      year.appraisal,
      'employee-appraisal-changes-year.json',
      'EmployeeAppraisalWorkflow',
      'a quarterly year with changes during the year: the rater corrected in January (the SKP proposal moves), a Plh for October who rates TW3 (timers at the range boundaries), the rater again from November',
    ),
    await historyOf(
      year.cycle,
      'cycle-changes-year.json',
      'CycleWorkflow',
      'a cycle in which HR removes a leaver in April and takes her back in August (a second appraisal of hers starts, its calendar from the return), released and closed by HR',
    ),
  ];
}

/** Updates the validator rejects (never in history) around accepted ones, then HR cancels the appraisal. */
async function recordUpdates(env: TestWorkflowEnvironment, rig: RecordingRig): Promise<RecordedHistory> {
  const now = new Date(await env.currentTimeMs());
  const input: AppraisalInput = {
    appraisalId: `solo.${nip.peer}`,
    cycleId: 'solo',
    orgId,
    participants: {
      employee: { nip: nip.peer, name: 'Rekan Kerja', unitCode: 'DINKES', positionCode: 'STAF' },
      supervisorNip: nip.supervisor,
      superiorNip: nip.superior,
      subordinateNips: [],
    },
    calendar: toAppraisalCalendar(buildCalendar(now.getUTCFullYear() + 1, now.toISOString())),
    launchedBy: nip.hr,
  };
  const handle = await env.client.workflow.start('EmployeeAppraisalWorkflow', {
    workflowId: appraisalWorkflowId(input.appraisalId),
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const act = (actorNip: string, command: unknown) =>
    handle.executeUpdate(actUpdate, { args: [{ actor: { nip: actorNip, roles: [] }, command } as never] });
  await waitFor(async () => {
    const row = await rig.db
      .selectFrom('appraisals')
      .select('step')
      .where('appraisal_id', '=', input.appraisalId)
      .executeTakeFirst();
    return row?.step === 'socialisation';
  });
  const rejected = await Promise.allSettled([
    act(nip.supervisor, { type: 'acknowledgeStandards' }),
    act(nip.peer, { type: 'setRating', results: 'sesuai', behaviour: 'sesuai', feedback: 'x' }),
    act(nip.peer, { type: 'noSuchThing' }),
  ]);
  if (rejected.some((r) => r.status === 'fulfilled')) throw new Error('an invalid update was accepted');
  await act(nip.peer, { type: 'acknowledgeStandards' });
  await act(nip.supervisor, { type: 'acknowledgeStandards' }).catch(() => undefined);
  await handle.signal(cancelSignal, { reason: 'Pindah instansi', by: nip.hr });
  if ((await handle.result()).step !== 'cancelled') throw new Error('the appraisal was not cancelled');
  return historyOf(
    handle,
    'employee-appraisal-updates.json',
    'EmployeeAppraisalWorkflow',
    'rejected updates (wrong actor, wrong step, wrong shape) around an accepted one, then cancelled by HR',
  );
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
