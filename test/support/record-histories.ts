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
import { appraisalWorkflowId, cycleWorkflowId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import type { AppraisalInput } from '../../workflows/appraisal-input.ts';
import { actUpdate, cancelSignal } from '../../workflows/messages.ts';
import type { NextCycleInput } from '../../workflows/next-cycle.ts';
import { runChangesYear, seedChangesOrganisation } from './changes-year.ts';
import { nextYearCalendar, journeyNips as nip, seedPuskesmas, waitFor } from './cycle-journey.ts';
import { runEmployeeYear } from './employee-year.ts';
import { runMutasiYear, seedMutasiOrganisation } from './mutasi-year.ts';
import { seedOrganisation } from './organisation.ts';
import { runPenetapanYear, seedPenetapanOrganisation } from './penetapan-year.ts';
import { runPeriodPenetapanYear } from './period-penetapan-year.ts';
import { runPeriodicYear } from './periodic-year.ts';
import { runSkpYear, seedSkpOrganisation } from './skp-year.ts';
import { runStandardsRound } from './standards-round.ts';
import { runTrainingYear } from './training-year.ts';

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
  // Each keeps its place in the manifest; a new one comes last.
  const previous = existsSync(join(dir, manifestFile))
    ? (JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as HistoryFixture[])
    : [];
  const manifest = [
    ...previous.map((old) => fresh.find((f) => f.file === old.file) ?? old),
    ...fresh.filter((f) => !previous.some((old) => old.file === f.file)),
  ];
  writeFileSync(join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readHistoryFixtures(dir = fixturesDir): RecordedHistory[] {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as HistoryFixture[];
  return manifest.map((entry) => ({
    ...entry,
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, entry.file), 'utf8'))),
  }));
}

const orgId = 'bungo';

type Recorder = {
  /** The fixtures it records, so that recording one file runs only its scenario. */
  files: string[];
  run: (env: TestWorkflowEnvironment, rig: RecordingRig) => Promise<RecordedHistory | RecordedHistory[]>;
};

/**
 * Every scenario, in the order they run on one time-skipping environment. Each year a scenario runs moves
 * the server's clock on, and the calendar stops at 2100: recording only the files named (as a new fixture
 * is) runs only their scenarios, so the list can keep growing.
 */
const recorders: Recorder[] = [
  { files: ['employee-appraisal-year.json', 'cycle-year.json'], run: recordYear },
  { files: ['employee-appraisal-updates.json'], run: (env, rig) => recordUpdates(env, rig) },
  {
    files: ['employee-appraisal-updates-local-record.json'],
    run: (env, rig) => recordUpdates(env, rig, localRecording),
  },
  { files: ['employee-appraisal-periodic-year.json', 'cycle-periodic-year.json'], run: recordPeriodicYear },
  { files: ['employee-appraisal-skp-leader.json'], run: recordSkpYear },
  { files: ['standards-round.json'], run: recordStandardsRound },
  { files: ['employee-appraisal-changes-year.json', 'cycle-changes-year.json'], run: recordChangesYear },
  { files: ['employee-appraisal-objection-hearing.json'], run: recordObjectionHearing },
  { files: ['cycle-penetapan.json'], run: recordPenetapanYear },
  { files: ['cycle-checkpoint-seals.json'], run: recordSealedPenetapanYear },
  { files: ['employee-appraisal-curve-recheck.json', 'cycle-curve-recheck.json'], run: recordCurveRecheck },
  { files: ['employee-appraisal-mutasi-year.json'], run: recordMutasiYear },
  { files: ['cycle-period-penetapan.json'], run: recordPeriodPenetapanYear },
  { files: ['employee-appraisal-training.json', 'cycle-training.json'], run: recordTrainingYear },
  { files: ['cycle-training-period-penetapan.json'], run: recordTrainingPeriodPenetapanYear },
  // Last: the cycle it starts stays open (abandoned by its starter) until it is terminated.
  { files: ['start-next-cycle.json'], run: recordNextCycle },
];

/** Runs the scenarios of the files named (all when none) on one time-skipping environment. */
export async function recordHistories(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
  only: readonly string[] = [],
): Promise<RecordedHistory[]> {
  const unknown = only.filter((file) => !recorders.some((r) => r.files.includes(file)));
  if (unknown.length > 0) throw new Error(`no scenario records ${unknown.join(', ')}`);
  await seedPuskesmas(rig.db, orgId, { peer: true });
  await seedPuskesmas(rig.db, 'agam', { peer: false });
  await seedSkpOrganisation(rig.db, 'tebo');
  await seedChangesOrganisation(rig.db, 'kerinci');
  await seedPuskesmas(rig.db, hearingOrg, { peer: true });
  // cycle-penetapan.json was recorded for sarolangun, before the objection hearing took that organisation.
  await seedPenetapanOrganisation(rig.db, 'batanghari');
  await seedPenetapanOrganisation(rig.db, sealsOrg);
  await seedPuskesmas(rig.db, recheckOrg, { peer: true });
  await seedMutasiOrganisation(rig.db, 'tanjabbar');
  await seedPenetapanOrganisation(rig.db, 'merangin');
  await seedPenetapanOrganisation(rig.db, 'sungaipenuh');
  await seedPuskesmas(rig.db, 'kotajambi', { peer: false });
  const chosen = recorders.filter((r) => only.length === 0 || r.files.some((f) => only.includes(f)));
  return rig.worker.runUntil(async () => {
    const recorded: RecordedHistory[] = [];
    for (const recorder of chosen) recorded.push(...[await recorder.run(env, rig)].flat());
    return recorded;
  });
}

// The curve-recheck fixtures were recorded for muarojambi, before the checkpoint-seals recorder took that
// organisation.
const recheckOrg = 'tanjabtim';

/**
 * The heard year again (patch objection-curve-recheck): the decision that changes the predikat asks the
 * cycle, by a signal, to check the unit's curve again; the cycle records the outcome (cycle.curveRechecked).
 */
async function recordCurveRecheck(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory[]> {
  const { appraisal, cycle } = await runEmployeeYear(env, rig, recheckOrg, { hearing: true });
  return [
    await historyOf(
      appraisal,
      'employee-appraisal-curve-recheck.json',
      'EmployeeAppraisalWorkflow',
      "a whole year whose objection is heard and decided with a changed predikat, which the appraisal signals to its cycle for the unit's curve to be checked again; referral",
    ),
    await historyOf(
      cycle,
      'cycle-curve-recheck.json',
      'CycleWorkflow',
      "a cycle whose released unit's curve is checked again when an objection's decision changed a predikat (cycle.curveRechecked with the findings and the pack), closed by HR",
    ),
  ];
}

/** A unit that breaks its pattern: the penetapan opened, passed to the superior, signed; the unit released. */
async function recordPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { cycle } = await runPenetapanYear(env, rig, 'batanghari');
  return historyOf(
    cycle,
    'cycle-penetapan.json',
    'CycleWorkflow',
    "a cycle whose unit breaks its pattern: the capaian set by the leader above, the curve's findings, the penetapan passed unsigned to the leader's superior at its deadline and signed with a justification per finding, the unit released, closed by HR",
  );
}

// cycle-checkpoint-seals.json's own organisation, so its seals are the only ones of its cycle.
const sealsOrg = 'muarojambi';

/** The same penetapan year since the cycle seals its streams (patch checkpoint-seals). */
async function recordSealedPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { cycle } = await runPenetapanYear(env, rig, sealsOrg);
  return historyOf(
    cycle,
    'cycle-checkpoint-seals.json',
    'CycleWorkflow',
    "the penetapan year with checkpoint seals (patch checkpoint-seals): a seal each day the cycle's streams moved, one at the penetapan's signature and one at the unit's release, closed by HR",
  );
}

/** Two periods' penetapans (patch periodic-penetapan): TW1's signed by the leader, TW2's passed on. */
async function recordPeriodPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { cycle } = await runPeriodPenetapanYear(env, rig, 'merangin');
  return historyOf(
    cycle,
    'cycle-period-penetapan.json',
    'CycleWorkflow',
    "a quarterly cycle with each period's penetapan (patch periodic-penetapan): TW1's and TW2's capaian set by the leader above, TW1's penetapan opened when its ratings were in and signed by the unit's leader, TW2's left unsigned and passed to the leader's superior at its deadline, who signs it; closed by HR",
  );
}

/** The same periods' penetapans in a training cycle: each stage lasts the training's minutes, not days. */
async function recordTrainingPeriodPenetapanYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { cycle } = await runPeriodPenetapanYear(env, rig, 'sungaipenuh', { training: true });
  return historyOf(
    cycle,
    'cycle-training-period-penetapan.json',
    'CycleWorkflow',
    "a training cycle (preset 'training') with each period's penetapan: TW1's signed by the unit's leader, TW2's left unsigned and passed to the leader's superior after the training's stage of minutes (its stage length in the check's input), who signs it; closed by HR",
  );
}

/** A training cycle (test/support/training-year.ts): the year in minutes, its input scaling the waits. */
async function recordTrainingYear(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory[]> {
  const { handles } = await runTrainingYear(env, rig, 'kotajambi');
  const scenario =
    "a training cycle (preset 'training', WITA): every step in minutes, the reminder a minute before socialisation closes, four periods rated, an objection filed inside the 12-minute keberatan window, an explanation asked for 2 days (2 minutes) missed, the objection upheld, the follow-up";
  return [
    await historyOf(
      handles.appraisal,
      'employee-appraisal-training.json',
      'EmployeeAppraisalWorkflow',
      scenario,
    ),
    await historyOf(
      handles.cycle,
      'cycle-training.json',
      'CycleWorkflow',
      'the training cycle of one employee, released at its rating deadline and closed on its own at the end of the practice year',
    ),
  ];
}

/** A year with a mutasi in July and a Plh in October (test/support/mutasi-year.ts): two SKP periods. */
async function recordMutasiYear(env: TestWorkflowEnvironment, rig: RecordingRig): Promise<RecordedHistory> {
  const { appraisal } = await runMutasiYear(env, rig, 'tanjabbar');
  return historyOf(
    appraisal,
    'employee-appraisal-mutasi-year.json',
    'EmployeeAppraisalWorkflow',
    'a quarterly year with a mutasi in July (the SKP period closes after TW2, a new one opens under another unit and rater, its SKP agreed while the year runs) and a Plh for October who rates TW3; the akhir rating made from both SKP periods',
  );
}

/** A unit leader's SKP in a kuantitatif cycle (test/support/skp-year.ts): the SKP lookups, each patched. */
async function recordSkpYear(env: TestWorkflowEnvironment, rig: RecordingRig): Promise<RecordedHistory> {
  const { appraisal } = await runSkpYear(env, rig, 'tebo');
  return historyOf(
    appraisal,
    'employee-appraisal-skp-leader.json',
    'EmployeeAppraisalWorkflow',
    "a unit leader's SKP in a kuantitatif cycle: drafted by the employee, the cascade looked up (refused, then named), a comment and a revision, TW1's rating refused until the unit's capaian is set and then taken from it; cancelled by HR",
  );
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
  const { appraisal, cycle } = await runEmployeeYear(env, rig, orgId);
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

const hearingOrg = 'sarolangun';

/**
 * The whole year again, its objection heard (patches objection-explanations and kurang-pembinaan): the
 * superior asks the rater and the employee to explain, the rater answers, the employee's day passes (the
 * timer records it missed), and the decision changes the predikat.
 */
async function recordObjectionHearing(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { appraisal } = await runEmployeeYear(env, rig, hearingOrg, { hearing: true });
  return historyOf(
    appraisal,
    'employee-appraisal-objection-hearing.json',
    'EmployeeAppraisalWorkflow',
    "a whole year whose objection is heard: explanations asked of the rater (answered) and the employee (missed at its deadline by the workflow's timer), then a decision that changes the predikat; referral",
  );
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
 * What the yearly schedule runs (workflows/next-cycle.ts), for an organisation in WIT with nobody to
 * launch: it reads the zone, starts next year's cycle and completes. That cycle is terminated once the
 * starter's history is kept. (start-next-cycle-before-org-zone.json is this scenario as recorded before the
 * workflow read the zone.)
 */
async function recordNextCycle(env: TestWorkflowEnvironment, rig: RecordingRig): Promise<RecordedHistory> {
  await seedOrganisation(rig.db, nextCycleOrg, ['UMUM'], [], 'Asia/Jayapura');
  const input: NextCycleInput = { orgId: nextCycleOrg, population: {}, startedBy: nip.hr };
  const handle = await env.client.workflow.start('StartNextCycleWorkflow', {
    workflowId: `next-cycle:${nextCycleOrg}-recorded`,
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const cycleId = await handle.result();
  await env.client.workflow.getHandle(cycleWorkflowId(cycleId)).terminate('recorded its starter');
  return historyOf(
    handle,
    'start-next-cycle.json',
    'StartNextCycleWorkflow',
    "the yearly schedule's run: the organisation's zone read through an activity (patch next-cycle-org-zone), next year's cycle in WIT, started once",
  );
}

// start-next-cycle.json was recorded for kerinci, before the year with changes took that organisation.
const nextCycleOrg = 'merangin';

/** A standards round (test/support/standards-round.ts) from its start to HR's close. */
async function recordStandardsRound(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
): Promise<RecordedHistory> {
  const { handle } = await runStandardsRound(env, rig.taskQueue, orgId);
  return historyOf(
    handle,
    'standards-round.json',
    'StandardsRoundWorkflow',
    "a standards round: a leader's draft, a holder's proposal accepted by HR, a supervisor's comment, the reminder, the window closing with a task expired, version published, closed by HR",
  );
}

/** Updates the validator rejects (never in history) around accepted ones, then HR cancels the appraisal. */
async function recordUpdates(
  env: TestWorkflowEnvironment,
  rig: RecordingRig,
  recording = updatesRecording,
): Promise<RecordedHistory> {
  const input: AppraisalInput = {
    appraisalId: `${recording.cycleId}.${nip.peer}`,
    cycleId: recording.cycleId,
    orgId,
    participants: {
      employee: { nip: nip.peer, name: 'Rekan Kerja', unitCode: 'DINKES', positionCode: 'STAF' },
      supervisorNip: nip.supervisor,
      superiorNip: nip.superior,
      subordinateNips: [],
    },
    calendar: (await nextYearCalendar(env)).calendar,
    launchedBy: nip.hr,
  };
  const handle = await env.client.workflow.start('EmployeeAppraisalWorkflow', {
    workflowId: appraisalWorkflowId(input.appraisalId),
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const act = (actorNip: string, command: unknown) =>
    handle.executeUpdate(actUpdate, { args: [{ actor: { nip: actorNip, roles: [] }, command } as never] });
  await waitFor('the appraisal in socialisation', async () => {
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
  return historyOf(handle, recording.file, 'EmployeeAppraisalWorkflow', recording.scenario);
}

const updatesRecording = {
  cycleId: 'solo',
  file: 'employee-appraisal-updates.json',
  scenario:
    'rejected updates (wrong actor, wrong step, wrong shape) around an accepted one, then cancelled by HR',
};

/** The same scenario recorded since events are recorded by a local activity (patch record-events-locally). */
const localRecording = {
  cycleId: 'solo-local',
  file: 'employee-appraisal-updates-local-record.json',
  scenario:
    'rejected updates around an accepted one, then cancelled by HR, with every event recorded by a local activity in the workflow task that decided it (patch record-events-locally)',
};
