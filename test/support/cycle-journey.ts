// One employee's appraisal in a cycle on the time-skipping server, as the journeys (test/e2e/) and the
// recorded histories (record-histories.ts, periodic-year.ts) run it: the puskesmas people, a cycle of
// next year started for unit PKM, and each of them acting (the appraisal's Update) or HR on the cycle.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, type CalendarOverrides } from '../../domain/cycle/calendar.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, cycleWorkflowId } from '../../domain/ids.ts';
import type { UnitPredikat } from '../../domain/rating/distribution-rules.ts';
import type { Database } from '../../schema/database.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import {
  actUpdate,
  appointActingRaterUpdate,
  appraisalStateQuery,
  calibrateNowUpdate,
  closeCycleUpdate,
  setUnitPredikatUpdate,
} from '../../workflows/messages.ts';
import { type SeedEmployee, seedOrganisation } from './organisation.ts';
import { clockSkipper } from './temporal.ts';

export const journeyNips = {
  employee: '199001012015031001',
  supervisor: '198505052010011002',
  superior: '197703032000031003',
  peer: '199202022016042004',
  hr: '198012122005012006',
};
const nip = journeyNips;
export type JourneyActor = keyof typeof journeyNips;

/**
 * An organisation of these units whose people are the head of the Dinas, the head of the puskesmas (the
 * journeys' supervisor) who reports to them, and these others.
 */
export function seedUnderDinasHeads(
  db: Kysely<Database>,
  orgId: string,
  unitCodes: string[],
  others: SeedEmployee[],
) {
  return seedOrganisation(db, orgId, unitCodes, [
    { nip: nip.superior, name: 'Kepala Dinas', unitCode: 'DINKES', supervisorNip: null },
    { nip: nip.supervisor, name: 'Kepala Puskesmas', unitCode: 'DINKES', supervisorNip: nip.superior },
    ...others,
  ]);
}

/** Siti Aminah of the puskesmas (PKM), her supervisor and his superior at the Dinas, and maybe a peer. */
export function seedPuskesmas(db: Kysely<Database>, orgId: string, options: { peer: boolean }) {
  return seedUnderDinasHeads(
    db,
    orgId,
    ['PKM', 'DINKES'],
    [
      { nip: nip.employee, name: 'Siti Aminah', unitCode: 'PKM', supervisorNip: nip.supervisor },
      ...(options.peer
        ? [{ nip: nip.peer, name: 'Rekan Kerja', unitCode: 'DINKES', supervisorNip: nip.supervisor }]
        : []),
    ],
  );
}

/** The calendar of next year's cycle, starting now on the environment's clock. */
export async function nextYearCalendar(
  env: TestWorkflowEnvironment,
  overrides?: CalendarOverrides,
  zone?: string,
) {
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  return { year, calendar: toAppraisalCalendar(buildCalendar(year, now.toISOString(), overrides, zone)) };
}

/** Starts next year's cycle (its calendar from now on the environment's clock), as startCycleJourney. */
export async function startNextYearJourney(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  orgId: string,
  overrides?: CalendarOverrides,
  zone?: string,
): Promise<CycleJourney> {
  const { year, calendar } = await nextYearCalendar(env, overrides, zone);
  return startCycleJourney(env, rig, { orgId, year, calendar });
}

export type CycleJourney = Awaited<ReturnType<typeof startCycleJourney>>;
type DecideObjection = Extract<ActRequest['command'], { type: 'decideObjection' }>;
type SetRating = Extract<ActRequest['command'], { type: 'setRating' }>;

/**
 * Starts the cycle for unit PKM (HR starts it) and waits for the employee's appraisal; needs a running
 * worker. Acting goes through the appraisal's Update, as the API does.
 */
export async function startCycleJourney(
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
  cycle: { orgId: string; year: number; calendar: CycleInput['calendar'] },
) {
  const cycleId = cycleIdFor(cycle.orgId, cycle.year);
  const appraisalId = appraisalIdFor(cycleId, nip.employee);
  const input: CycleInput = {
    cycleId,
    orgId: cycle.orgId,
    year: cycle.year,
    calendar: cycle.calendar,
    population: { unitCodes: ['PKM'] },
    startedBy: nip.hr,
  };
  const handle = await env.client.workflow.start('CycleWorkflow', {
    workflowId: cycleWorkflowId(cycleId),
    taskQueue: rig.taskQueue,
    args: [input],
  });
  const appraisal: WorkflowHandle = env.client.workflow.getHandle(appraisalWorkflowId(appraisalId));
  const row = () =>
    rig.db.selectFrom('appraisals').selectAll().where('appraisal_id', '=', appraisalId).executeTakeFirst();
  const journey = {
    year: cycle.year,
    calendar: cycle.calendar,
    cycle: handle,
    appraisal,
    cycleId,
    appraisalId,
    skipTo: clockSkipper(env),
    act: (actor: JourneyActor, command: ActRequest['command'], roles: ActRequest['actor']['roles'] = []) =>
      appraisal.executeUpdate(actUpdate, { args: [{ actor: { nip: nip[actor], roles }, command }] }),
    /** HR's Updates on the cycle. */
    hr: {
      setUnitPredikat: (predikat: UnitPredikat, unitCode = 'PKM') =>
        handle.executeUpdate(setUnitPredikatUpdate, { args: [{ unitCode, predikat, by: nip.hr }] }),
      calibrateNow: () => handle.executeUpdate(calibrateNowUpdate, { args: [{ by: nip.hr }] }),
      closeCycle: () => handle.executeUpdate(closeCycleUpdate, { args: [{ by: nip.hr }] }),
      /**
       * Mid-September HR appoints a Plh for October in WIB, ahead of the range; returns the range as
       * instants (00:00 WIB on 1 October and on 1 November).
       */
      appointPlhForOctober: async (actingNip: string, reason: string) => {
        const { year } = cycle;
        await journey.skipTo(`${year}-09-15T02:00:00.000Z`);
        await appraisal.executeUpdate(appointActingRaterUpdate, {
          args: [
            {
              actingNip,
              from: `${year}-10-01`,
              to: `${year}-10-31`,
              timeZone: 'Asia/Jakarta',
              reason,
              by: nip.hr,
            },
          ],
        });
        return { startsAt: `${year}-09-30T17:00:00.000Z`, endsAt: `${year}-10-31T17:00:00.000Z` };
      },
    },
    /** The appraisal's projection row. */
    row,
    /** Unit PKM's calibration row. */
    unit: () =>
      rig.db
        .selectFrom('unit_calibration')
        .selectAll()
        .where('cycle_id', '=', cycleId)
        .where('unit_code', '=', 'PKM')
        .executeTakeFirst(),
    /** The ids of the appraisal's open tasks. */
    openTaskIds: async () =>
      (
        await rig.db
          .selectFrom('tasks')
          .select('task_id')
          .where('appraisal_id', '=', appraisalId)
          .where('status', '=', 'open')
          .execute()
      ).map((t) => t.task_id),
    /** Until the appraisal's workflow runs: the launch stores the row before it starts the workflow. */
    waitForWorkflow: () =>
      waitFor('the appraisal workflow', () =>
        appraisal.describe().then(
          () => true,
          () => false,
        ),
      ),
    waitForStep: (step: string) => waitFor(`the step ${step}`, async () => (await row())?.step === step),
    /** The supervisor rates a period's results and behaviour as expected. */
    ratePeriodAsExpected: (period: string) =>
      journey.act('supervisor', {
        type: 'ratePeriod',
        period,
        results: 'sesuai',
        behaviour: 'sesuai',
        feedback: 'Sesuai ekspektasi',
      }),
    /** At the start of the rating step, the supervisor's akhir rating. */
    rate: async (rating: Omit<SetRating, 'type'>, extraMs?: number) => {
      await journey.skipTo(cycle.calendar.rating.start, extraMs);
      await journey.waitForStep('rating');
      await journey.act('supervisor', { type: 'setRating', ...rating });
    },
    /**
     * Past the rating deadline HR calibrates and the unit is released; past the objection window, with no
     * objection, the appraisal completes and HR closes the cycle.
     */
    releaseAndClose: async () => {
      await journey.skipTo(cycle.calendar.rating.deadline);
      await journey.hr.calibrateNow();
      await journey.waitForStep('feedback');
      await journey.skipTo((await row())?.deadline?.toISOString() ?? cycle.calendar.cycleEnd);
      if ((await appraisal.result()).step !== 'completed') throw new Error('the appraisal did not complete');
      await journey.hr.closeCycle();
      await handle.result();
    },
    /**
     * The rest of the year from the rating step: the akhir rating, HR calibrates and the unit is released,
     * the employee objects and the superior decides; past the objection window the follow-up's training
     * is assigned and completed, and HR closes the cycle.
     */
    finishYear: async (ending: {
      rater: JourneyActor;
      rating: Omit<SetRating, 'type'>;
      objection: string;
      decision: Omit<DecideObjection, 'type'>;
      /** The superior hears the objection first: the rater explains, the employee lets a day pass. */
      hearing?: boolean;
    }) => {
      await journey.act(ending.rater, { type: 'setRating', ...ending.rating });
      await journey.hr.calibrateNow();
      await journey.waitForStep('feedback');
      await journey.act('employee', { type: 'fileObjection', reasons: ending.objection });
      if (ending.hearing) await hearObjection(journey);
      await journey.act('superior', { type: 'decideObjection', ...ending.decision });
      await journey.skipTo((await row())?.deadline?.toISOString() ?? cycle.calendar.cycleEnd);
      await journey.waitForStep('followUp');
      await journey.act('hr', { type: 'assignTraining', programme: 'Pelatihan pelayanan prima' }, ['hr']);
      await journey.act('employee', { type: 'completeTraining', note: 'Sertifikat terlampir' });
      if ((await appraisal.result()).step !== 'completed') throw new Error('the appraisal did not complete');
      await journey.hr.closeCycle();
      await handle.result();
    },
  };
  await waitFor('the appraisal row', async () => (await row()) !== undefined);
  return journey;
}

/**
 * The superior asks the rater (3 days) and the employee (1 day) to explain; the rater answers, the
 * employee does not, and past that day the workflow's timer records the explanation missed.
 */
async function hearObjection(journey: CycleJourney): Promise<void> {
  const ask = (from: 'rater' | 'employee', days: number, question: string) =>
    journey.act('superior', { type: 'askExplanation', from, question, days });
  await ask('rater', 3, 'Atas dasar apa perilaku kerja dinilai di bawah ekspektasi?');
  await ask('employee', 1, 'Kapan Anda meminta dialog kinerja?');
  await journey.act('supervisor', {
    type: 'explainObjection',
    explanation: 'Dua kali terlambat melapor; dialog kinerja belum sempat diadakan',
  });
  const state = await journey.appraisal.query(appraisalStateQuery);
  const due = state?.openTasks[`${journey.appraisalId}:explainObjection:employee`]?.dueAt;
  if (!due) throw new Error("the employee's explanation task is not open");
  await journey.skipTo(due, 60_000);
  await waitFor('the explanation missed', async () =>
    ((await journey.appraisal.query(appraisalStateQuery))?.objection?.explanations ?? []).some(
      (e) => e.missed,
    ),
  );
}

/** One RHK with one indicator, "Menurunkan waktu tunggu pasien", as the supervisor proposes it. */
export function waitingTimeRhk(target: string, indicator = 'Waktu tunggu rata-rata') {
  return [
    {
      id: 'rhk-1',
      kind: 'utama' as const,
      description: 'Menurunkan waktu tunggu pasien',
      parentRhkId: null,
      indicators: [{ id: 'iki-1', description: indicator, aspect: 'waktu' as const, target }],
    },
  ];
}

/** Polls a real condition (a projection row) for up to 30 s of wall time. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what}: not reached in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
