// A full appraisal year for a generated organisation on the time-skipping test server: HR launches the
// cycle, simulated people work their inboxes step by step (some late, some never, some objecting), the
// calendar is skipped forward, and the result is read back from the projections and the event log.
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { type Kysely, sql } from 'kysely';
import { type AuditFinding, verifyCycle } from '../audit/verify-cycle.ts';
import { folderSink, issueCycle } from '../documents/batch.ts';
import { cycleIdFor, systemActor } from '../domain/ids.ts';
import { defaultTimeZone, type IndonesianTimeZone } from '../domain/time/zones.ts';
import type { Database } from '../schema/database.ts';
import { createWorkerOn } from '../worker/create-worker.ts';
import { generateOrganisation } from './organisation.ts';
import { seededRandom } from './random.ts';
import { seedOrganisation } from './seed.ts';
import { launchAndWorkYear } from './work-year.ts';

export interface SimulationOptions {
  employees: number;
  units: number;
  seed: number;
  /** The simulated organisation's zone, where its calendar's days end (WIB unless given). */
  timeZone?: IndonesianTimeZone;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** A folder to write every document of the year into (PDFs and seals.json). */
  documents?: string;
}

export interface SimulationSummary {
  employees: number;
  completed: number;
  cancelled: number;
  predikatCounts: Record<string, number>;
  /** Predikat periodik counts per period (TW1 ...). */
  periodic: Record<string, Record<string, number>>;
  /** Ratings (periodic and akhir) the rater did not give in time, passed to the superior (then HR). */
  escalatedRatings: number;
  objections: number;
  trainingReferrals: number;
  events: number;
  wallMs: number;
  /** Where the wall time went: milliseconds per stage of the year, in order. */
  phaseMs: Record<string, number>;
  cycleId: string;
  /** The full audit verification of the simulated cycle (chains, schemas, projections, seal). */
  verify: { ok: boolean; findings: AuditFinding[] };
  /** The documents written, when a folder was given. */
  documents?: number;
}

/**
 * The simulation runs one worker. A cached workflow's task it is too busy to take within the SDK's 10 s
 * goes to the normal queue, where that same worker must replay the whole history to take it; on a loaded
 * machine such replays outlasted the 10 s workflow-task timeout again and again, and a year of 1000
 * stalled in that loop. Two concurrent years of 200 on a machine at load 45-76 had 29 workflow-task
 * timeouts with the default, 7 with this.
 */
export const simulationWorkerOptions = {
  stickyQueueScheduleToStartTimeout: '5 minutes',
  // The workflow code is the simulation's busiest thread (the SDK's per-promise bookkeeping included);
  // a second one let a year of 1000 finish in 346 s against 373 s with one (2026-11-27, quiet machine).
  workflowThreadPoolSize: 2,
} as const;

export async function runSimulation(
  env: TestWorkflowEnvironment,
  db: Kysely<Database>,
  options: SimulationOptions,
): Promise<SimulationSummary> {
  const started = performance.now();
  const random = seededRandom(options.seed);
  const org = generateOrganisation(random, `sim${options.seed}`, options.employees, options.units);
  const timeZone = options.timeZone ?? defaultTimeZone;
  await seedOrganisation(db, org.orgId, org.units, org.employees, timeZone);
  const hr = org.head.nip;
  const taskQueue = `siklus-sim-${randomBytes(4).toString('hex')}`;
  const worker = await createWorkerOn(env, db, taskQueue, simulationWorkerOptions);
  const progress = options.onProgress ?? (() => {});
  const phaseMs: Record<string, number> = {};
  let lastMark = started;
  /** Closes the stage that ends now under `name` (a stage seen twice adds up). */
  const mark = (name: string) => {
    const now = performance.now();
    phaseMs[name] = Math.round((phaseMs[name] ?? 0) + now - lastMark);
    lastMark = now;
  };
  const now = new Date(await env.currentTimeMs());
  const year = now.getUTCFullYear() + 1;
  const cycleId = cycleIdFor(org.orgId, year);

  await worker.runUntil(async () => {
    const launch = { orgId: org.orgId, year, start: now.toISOString(), timeZone, taskQueue };
    await launchAndWorkYear(env, db, launch, {
      hr,
      employees: org.employees,
      units: org.units,
      random,
      progress,
      mark,
    });
  });

  mark('closing');
  const wallMs = performance.now() - started;
  // The audit's verification and the documents come after the year; their time is not in wallMs.
  lastMark = performance.now();
  // A large path proves what it wrote: the audit's verdict on the whole year.
  let verifying = 'verify';
  const verification = await verifyCycle(db, cycleId, {
    onProgress: (phase, done, total) => {
      if (`verify ${phase}` !== verifying) mark(verifying);
      verifying = `verify ${phase}`;
      progress(verifying, done, total);
    },
  });
  mark(verifying);
  const documents = options.documents
    ? await issueCycle(
        db,
        org.orgId,
        cycleId,
        {
          lang: 'id',
          actor: systemActor('simulation'),
          publicUrl: 'http://localhost:3000',
          onProgress: (done, total) => progress('documents', done, total),
        },
        folderSink(options.documents),
      )
    : undefined;
  return {
    ...(await summarise(db, org.employees.length, wallMs)),
    phaseMs,
    cycleId,
    verify: { ok: verification.ok, findings: verification.findings },
    ...(documents === undefined ? {} : { documents }),
  };
}

async function summarise(
  db: Kysely<Database>,
  employees: number,
  wallMs: number,
): Promise<Omit<SimulationSummary, 'cycleId' | 'verify' | 'phaseMs'>> {
  const steps = await db
    .selectFrom('appraisals')
    .select(['step', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('step')
    .execute();
  const predikats = await db
    .selectFrom('appraisals')
    .select(['predikat', (eb) => eb.fn.countAll<string>().as('n')])
    .where('step', '=', 'completed')
    .where('predikat', 'is not', null)
    .groupBy('predikat')
    .execute();
  const byType = await sql<{
    type: string;
    n: string;
  }>`select type, count(*) as n from events group by type`.execute(db);
  const count = (type: string) => Number(byType.rows.find((r) => r.type === type)?.n ?? 0);
  const periodic = await sql<{
    period: string;
    predikat: string;
    n: string;
  }>`select data->>'period' as period, data->>'predikat' as predikat, count(*) as n from events
     where type = 'period.rated' group by 1, 2 order by 1, 2`.execute(db);
  const escalated = await sql<{
    n: string;
  }>`select count(*) as n from events where type in ('period.escalated', 'rating.escalated')
     and data->>'to' = 'superior'`.execute(db);
  return {
    employees,
    completed: Number(steps.find((s) => s.step === 'completed')?.n ?? 0),
    cancelled: Number(steps.find((s) => s.step === 'cancelled')?.n ?? 0),
    predikatCounts: Object.fromEntries(predikats.map((p) => [p.predikat ?? 'none', Number(p.n)])),
    periodic: periodic.rows.reduce<Record<string, Record<string, number>>>((out, r) => {
      out[r.period] = { ...out[r.period], [r.predikat]: Number(r.n) };
      return out;
    }, {}),
    escalatedRatings: Number(escalated.rows[0]?.n ?? 0),
    objections: count('objection.filed'),
    trainingReferrals: count('referral.created'),
    events: byType.rows.reduce((sum, r) => sum + Number(r.n), 0),
    wallMs: Math.round(wallMs),
  };
}
