// A launched cycle worked through its whole year on the time-skipping test server: simulated people answer
// their inboxes step by step (some late, some never, some objecting), the calendar is skipped forward
// past every deadline, HR calibrates and closes the cycle, and every appraisal's workflow is waited out.
// The simulation (run-simulation.ts) and the demo's finished previous year (bin/demo-past-year.ts) share it.
import { WorkflowClient, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import { createLimiter } from '../activities/limiter.ts';
import { type AppraisalCalendar, toAppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../domain/cycle/calendar.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, cycleWorkflowId } from '../domain/ids.ts';
import type { Database } from '../schema/database.ts';
import type { CycleInput } from '../workflows/cycle.ts';
import { closeCycleUpdate, removeEmployeeUpdate, setUnitPredikatUpdate } from '../workflows/messages.ts';
import { Inbox } from './inbox.ts';
import type { Random } from './random.ts';
import type { SeedEmployee } from './seed.ts';

/** A calendar with evaluation periods (the quarterly one the simulations launch). */
export type PeriodicCalendar = AppraisalCalendar & {
  periods: NonNullable<AppraisalCalendar['periods']>;
  ratingEscalation: NonNullable<AppraisalCalendar['ratingEscalation']>;
};

export interface YearToWork {
  cycle: WorkflowHandle;
  cycleId: string;
  calendar: PeriodicCalendar;
  /** The HR admin who acts for the office (launch, unit predikat, calibration, closing). */
  hr: string;
  employees: SeedEmployee[];
  units: string[];
  random: Random;
  progress: (phase: string, done: number, total: number) => void;
  /** At least this many people object to their predikat (none need to unless given). */
  objectorsAtLeast?: number;
  /** Called as each stage of the year ends, with its name. */
  mark?: (stage: string) => void;
}

/** The year to launch: whose, which, started when on a quarterly calendar, and on which task queue. */
export interface YearToLaunch {
  orgId: string;
  year: number;
  /** When the cycle starts (the calendar's start), and where a past year ends (toAppraisalCalendar). */
  start: string;
  cycleEnd?: string;
  timeZone: string;
  taskQueue: string;
}

/**
 * Starts the organisation's cycle of the year on the quarterly calendar, launched by HR, and works it to
 * its end (workYear); the caller's worker runs meanwhile.
 */
export async function launchAndWorkYear(
  env: TestWorkflowEnvironment,
  db: Kysely<Database>,
  launch: YearToLaunch,
  year: Omit<YearToWork, 'cycle' | 'cycleId' | 'calendar'>,
): Promise<void> {
  const { orgId, taskQueue } = launch;
  const built = toAppraisalCalendar(
    buildCalendar(launch.year, launch.start, { periods: 'quarterly' }, launch.timeZone),
    launch.cycleEnd,
  );
  const { periods, ratingEscalation } = built;
  if (!periods || !ratingEscalation) throw new Error('a quarterly calendar has periods');
  const calendar = { ...built, periods, ratingEscalation };
  const cycleId = cycleIdFor(orgId, launch.year);
  const input: CycleInput = {
    cycleId,
    orgId,
    year: launch.year,
    calendar,
    population: {},
    startedBy: year.hr,
  };
  const cycle = await env.client.workflow.start('CycleWorkflow', {
    workflowId: cycleWorkflowId(cycleId),
    taskQueue,
    args: [input],
  });
  await workYear(env, db, { ...year, cycle, cycleId, calendar });
}

/** Works the launched cycle to its end; returns once every appraisal's workflow has finished. */
export async function workYear(
  env: TestWorkflowEnvironment,
  db: Kysely<Database>,
  year: YearToWork,
): Promise<void> {
  const { cycle, cycleId, calendar, hr, employees, units, random, progress } = year;
  const mark = year.mark ?? (() => {});
  const inbox = new Inbox(env, db, cycleId, hr, random, employees, progress);
  const skipTo = async (iso: string, extraMs = 60_000) => {
    const wait = Date.parse(iso) - (await env.currentTimeMs()) + extraMs;
    if (wait > 0) await env.sleep(wait);
  };

  await inbox.waitUntil(
    'launch',
    async () => (await inbox.count('acknowledgeStandards')) === employees.length,
  );
  mark('launch');
  await inbox.work('socialisation', ['acknowledgeStandards']);
  mark('socialisation');
  // A few leave the service during the year.
  const leavers = employees.filter((e) => e.supervisorNip !== null && random.chance(0.01));
  for (const leaver of leavers)
    await cycle.executeUpdate(removeEmployeeUpdate, {
      args: [{ nip: leaver.nip, reason: 'Pindah instansi', by: hr }],
    });

  await skipTo(calendar.agreement.start);
  for (let round = 0; round < 3; round++)
    await inbox.work('agreement', ['proposeIndicators', 'reviewIndicators', 'signAgreement']);
  mark('agreement');
  for (const window of calendar.periods.windows) {
    const period = window.id;
    await skipTo(window.opens);
    await inbox.waitUntil(period, async () => (await inbox.count('recordRealisation')) > 0);
    await inbox.work(period, ['recordRealisation']);
    await inbox.work(period, ['ratePeriod']);
    // Raters who let the deadline pass: the superior rates, then HR (each hand-over is recorded).
    for (const due of [window.deadline, window.superiorDeadline]) {
      await skipTo(due);
      await inbox.waitUntil(`${period} escalation`, async () => (await inbox.dueBy('ratePeriod', due)) === 0);
      await inbox.work(period, ['ratePeriod']);
    }
    await inbox.work(period, ['acknowledgePeriod']);
    mark(period);
  }
  await skipTo(calendar.review.start);
  await inbox.waitUntil('review', async () => (await inbox.count('selfAssessment')) > 0);
  await inbox.work('review', ['assignPeers']);
  await inbox.work('review', ['selfAssessment', 'supervisorAssessment', 'peerReview', 'subordinateReview']);
  mark('review');

  await skipTo(calendar.rating.start);
  await inbox.waitUntil('rating', async () => (await inbox.count('setRating')) > 0);
  await inbox.work('rating', ['setRating']);
  for (const unitCode of units) {
    await cycle.executeUpdate(setUnitPredikatUpdate, { args: [{ unitCode, predikat: 'baik', by: hr }] });
  }
  // Unrated at the deadline: the superior rates, then HR; no appraisal goes on without a predikat.
  const { superiorDeadline, hrDeadline } = calendar.ratingEscalation;
  for (const due of [calendar.rating.deadline, superiorDeadline]) {
    await skipTo(due, 5 * 60_000);
    await inbox.waitUntil('rating escalation', async () => (await inbox.dueBy('setRating', due)) === 0);
    await inbox.work('rating', ['setRating']);
  }
  await skipTo(hrDeadline, 5 * 60_000);
  await inbox.calibrate(cycle);
  mark('rating');

  await inbox.work('feedback', ['readFeedback'], year.objectorsAtLeast);
  await inbox.work('objection', ['decideObjection']);
  mark('feedback');
  // The last objection window to close (each ends at 23:59:59 local time on its 14th day).
  const lastObjectionDeadline = await db
    .selectFrom('appraisals')
    .select((eb) => eb.fn.max('deadline').as('at'))
    .where('cycle_id', '=', cycleId)
    .where('step', '=', 'feedback')
    .executeTakeFirst();
  await skipTo(
    new Date(String(lastObjectionDeadline?.at ?? calendar.rating.deadline)).toISOString(),
    10 * 60_000,
  );
  await inbox.waitUntil('follow-up', async () => (await inbox.openInSteps(['feedback'])) === 0);
  await inbox.work('follow-up', ['assignTraining']);
  await inbox.work('follow-up', ['completeTraining']);
  await cycle.executeUpdate(closeCycleUpdate, { args: [{ by: hr }] });
  await cycle.result();
  mark('follow-up');
  // Referrals not completed by the cycle's end lapse there.
  await skipTo(calendar.cycleEnd);
  await inbox.waitUntil('closing', async () => (await inbox.unfinished()) === 0);
  // The record shows every appraisal finished; this waits for each workflow's last task. No timer is
  // left to skip to, so a plain client waits (the test client's result() unlocks and locks the clock
  // around each call, three round trips), several at a time.
  const plain = new WorkflowClient({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const closing = createLimiter(16);
  let closed = 0;
  await Promise.all(
    employees.map((e) =>
      closing.run(async () => {
        await plain
          .getHandle(appraisalWorkflowId(appraisalIdFor(cycleId, e.nip)))
          .result()
          .catch(() => undefined);
        progress('closing', ++closed, employees.length);
      }),
    ),
  );
}
