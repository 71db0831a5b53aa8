// launch: launches/s of a cycle launch (CycleWorkflow started until every employee's workflow is recorded
// as started and their first task and its notification are in Postgres) against a bare
// `client.workflow.start` loop of an empty workflow, for the same N, on the same Temporal dev server,
// worker process and client connection, run just before and just after the launch; the median of
// five rounds.
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { type AuditFinding, verifyCycle } from '../audit/verify-cycle.ts';
import { toAppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../domain/cycle/calendar.ts';
import { cycleIdFor, cycleWorkflowId } from '../domain/ids.ts';
import type { ServerExecutable } from '../runtime/temporal-cli.ts';
import { startTemporalDevServer } from '../runtime/temporal-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { generateOrganisation } from '../simulation/organisation.ts';
import { seededRandom } from '../simulation/random.ts';
import { seedOrganisation } from '../simulation/seed.ts';
import { createWorker } from '../worker/create-worker.ts';
import type { CycleInput } from '../workflows/cycle.ts';
import { cycleLaunchedAt, launchCounts, launchWrites, startedCount } from './launch-records.ts';
import { cpuSince, cpuSnapshot, type PhaseCpu, sampleRss } from './process-usage.ts';
import { throwawayDatabase } from './throwaway-database.ts';
import { withConcurrency } from './with-concurrency.ts';

/** The launch activity keeps 25 starts in flight (`concurrentStarts`); the baseline does the same. */
export const startConcurrency = 25;
export const targetRatio = 0.8;
/** Polling only tells the bench the launch is over; the clock comes from the records themselves. */
const pollMs = 200;
const emptyWorkflowsPath = fileURLToPath(new URL('./workflows/empty.ts', import.meta.url));

export class UsageError extends Error {}

export interface LaunchBenchOptions {
  employees: number;
  /** Server to use (a throwaway database is created on it); an embedded one is started otherwise. */
  databaseUrl?: string;
  /** Temporal CLI for the dev server; the provisioning ladder when omitted. */
  temporalExecutable?: ServerExecutable;
  /** Size of the untimed warm-up (empty workflows and a small cycle of its own org); 0 skips it. */
  warmup?: number;
  /** Baseline-then-launch pairs, each launch a new cycle (next year) of the same organisation. */
  rounds?: number;
}

/** One baseline-then-launch pair. */
export interface LaunchRound {
  launch: {
    launchesPerSec: number;
    ms: number;
    /** Off the clock: when the cycle had also recorded the launch (its `cycle.launched` event stored). */
    recordedMs: number;
    tasks: number;
    notifications: number;
    /** Appraisal workflows whose first workflow task had run on the worker when the clock stopped. */
    workflowsRunAtStop: number;
    /** CPU while the launch ran (until the poll that saw it over). */
    cpuSec: PhaseCpu;
  };
  baseline: {
    workflow: 'EmptyWorkflow';
    /** Both loops together: 2N starts over their summed time. */
    launchesPerSec: number;
    /** The loop just before the launch, and the one just after it on the same server. */
    before: BaselineLoop;
    after: BaselineLoop;
  };
  ratio: number;
}

/** One `client.workflow.start` loop of N empty workflows. */
export interface BaselineLoop {
  launchesPerSec: number;
  /** The start loop alone. */
  ms: number;
  /** Until every empty workflow had also run on the worker (the loop before the launch only). */
  completedMs?: number;
  /** Empty workflows already run (completed) on the worker when the start loop's clock stopped. */
  workflowsRunAtStop: number;
  /** CPU during the start loop. */
  cpuSec: PhaseCpu;
}

/**
 * The figures of the round with the median ratio (one round on a busy 2-core machine can be off by
 * 15%), and every round's rates and ratio.
 */
export interface LaunchBenchResult extends LaunchRound {
  employees: number;
  startConcurrency: number;
  rounds: Array<{ launchesPerSec: number; baselinePerSec: number[]; ratio: number }>;
  target: number;
  peakRssMb: number;
  rssBeforeMb: number;
  worker: string;
  temporal: string;
  /** The audit's verification of every round's launched cycle (findings: the first 20). */
  verify: { ok: boolean; cycles: number; findings: AuditFinding[] };
}

/** `--employees N` (or `--employees=N`); throws UsageError on anything else. */
export function parseLaunchArgs(args: string[]): { employees: number } {
  const usage = 'usage: npx tsx bench/main.ts launch [--employees N]  (N a whole number 1-100000)';
  let values: { employees?: string };
  try {
    ({ values } = parseArgs({ args, options: { employees: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const text = values.employees ?? '2000';
  const employees = Number(text);
  if (!/^\d+$/.test(text) || employees < 1 || employees > 100_000) {
    throw new UsageError(`--employees must be a whole number 1-100000; got '${text}'\n${usage}`);
  }
  return { employees };
}

export async function benchLaunch(options: LaunchBenchOptions): Promise<LaunchBenchResult> {
  const n = options.employees;
  const warmup = options.warmup ?? 50;
  // One round's ratio spreads 0.7-1.1 on a 2-core VM: five rounds keep the median steady.
  const rounds = options.rounds ?? 5;
  const database = await throwawayDatabase(options.databaseUrl);
  // The worker's pool as in production (pg's default size); polling gets its own connection.
  const db = createDb(database.url);
  const poller = new pg.Client({ connectionString: database.url });
  try {
    await migrateToLatest(db);
    await poller.connect();
    // Per round: an organisation of N (all alike) and a small one for the warm-up, each a new cycle.
    const orgs = [];
    for (let round = 1; round <= rounds; round++) {
      const units = Math.max(1, Math.ceil(n / 100));
      const main = generateOrganisation(seededRandom(1), `bench${round}`, n, units);
      const warm = generateOrganisation(seededRandom(2), `benchwarm${round}`, Math.max(warmup, 1), 2);
      await seedOrganisation(db, main.orgId, main.units, main.employees);
      if (warmup > 0) await seedOrganisation(db, warm.orgId, warm.units, warm.employees);
      orgs.push({ main, warm });
    }
    const year = new Date().getUTCFullYear() + 1;
    const rssBefore = process.memoryUsage().rss;
    const rss = sampleRss();
    const measured: LaunchRound[] = [];
    try {
      for (const { main, warm } of orgs) {
        measured.push(await runRound({ ...options, n, warmup, db, poller, main, warm, year }));
      }
    } finally {
      rss.stop();
    }
    const median = [...measured].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds / 2)]!;
    // A benchmark at a real size proves what it wrote: the audit verifies each launched cycle.
    const findings: AuditFinding[] = [];
    for (const { main } of orgs)
      findings.push(...(await verifyCycle(db, cycleIdFor(main.orgId, year))).findings);
    return {
      employees: n,
      startConcurrency,
      ...median,
      rounds: measured.map((r) => ({
        launchesPerSec: r.launch.launchesPerSec,
        baselinePerSec: [r.baseline.before.launchesPerSec, r.baseline.after.launchesPerSec],
        ratio: r.ratio,
      })),
      target: targetRatio,
      peakRssMb: toMb(rss.peak()),
      rssBeforeMb: toMb(rssBefore),
      worker: 'in-process: production createWorker and the EmptyWorkflow worker, one NativeConnection',
      temporal: 'Temporal CLI dev server, in-memory SQLite, a fresh one per round',
      verify: { ok: findings.length === 0, cycles: orgs.length, findings: findings.slice(0, 20) },
    };
  } finally {
    await poller.end().catch(() => {});
    await db.destroy();
    await database.close();
  }
}

type Org = ReturnType<typeof generateOrganisation>;

/** One round on its own dev server and workers: an untimed warm-up, then the measured pair. */
async function runRound(round: {
  n: number;
  warmup: number;
  temporalExecutable?: ServerExecutable;
  db: ReturnType<typeof createDb>;
  poller: pg.Client;
  main: Org;
  warm: Org;
  year: number;
}): Promise<LaunchRound> {
  const { n, warmup, db, poller, main, warm, year } = round;
  // In-memory SQLite: the dev server's fastest setting, and nothing to clean up.
  const temporal = await startTemporalDevServer({ executable: round.temporalExecutable });
  const connection = await NativeConnection.connect({ address: temporal.address });
  try {
    const namespace = temporal.namespace;
    const tag = randomBytes(4).toString('hex');
    const taskQueue = `siklus-bench-${tag}`;
    const emptyQueue = `siklus-bench-empty-${tag}`;
    // Both workers live in this process (so its RSS is the worker's), bundled before anything is timed.
    const worker = await createWorker({ connection, namespace, taskQueue, db });
    const emptyWorker = await Worker.create({
      connection,
      namespace,
      taskQueue: emptyQueue,
      workflowsPath: emptyWorkflowsPath,
    });
    // The launch activity's client is a Client on the worker's NativeConnection; the baseline's too.
    const client = new Client({ connection, namespace });
    const cycleOf = (org: Org) => ({ orgId: org.orgId, year, startedBy: org.head.nip });
    const cached = () => worker.getStatus().numCachedWorkflows;
    return await emptyWorker.runUntil(async () => {
      const { before, launch } = await worker.runUntil(async () => {
        if (warmup > 0) {
          await startEmpties(client, emptyQueue, `warm-${tag}`, warmup, true);
          await (await launchCycle(client, poller, taskQueue, cycleOf(warm), cached))(warm.employees.length);
        }
        const before = await startEmpties(client, emptyQueue, `before-${tag}`, n, true);
        const launch = await (await launchCycle(client, poller, taskQueue, cycleOf(main), cached))(n);
        return { before, launch };
      });
      // The appraisal worker is shut down, its cached workflows dropped and the launch's remaining
      // first workflow tasks left queued, so the loop after the launch runs as the one before it did.
      const after = await startEmpties(client, emptyQueue, `after-${tag}`, n, false);
      return roundOf(n, before, launch, after);
    });
  } finally {
    await connection.close();
    await temporal.stop();
  }
}

/**
 * The launch against the baseline loops just before and just after it, on the same server: the
 * machine's speed drifts over a minute (a 2-core VM; one loop alone varies by 20%), and the two loops
 * bracket the launch in time and in how full the server is.
 */
function roundOf(
  n: number,
  before: BaselineLoop,
  launch: Omit<LaunchRound['launch'], 'launchesPerSec'>,
  after: BaselineLoop,
): LaunchRound {
  const baselinePerSec = perSec(2 * n, before.ms + after.ms);
  const launchPerSec = perSec(n, launch.ms);
  return {
    launch: { launchesPerSec: launchPerSec, ...launch },
    baseline: { workflow: 'EmptyWorkflow', launchesPerSec: baselinePerSec, before, after },
    ratio: Math.round((launchPerSec / baselinePerSec) * 100) / 100,
  };
}

/**
 * Starts N EmptyWorkflows, `startConcurrency` at a time, as the launch activity does; with `complete`,
 * then waits until the worker has run every one of them (nothing of this loop is left for the next).
 */
async function startEmpties(
  client: Client,
  taskQueue: string,
  prefix: string,
  n: number,
  complete: boolean,
): Promise<BaselineLoop> {
  const cpu = cpuSnapshot();
  const started = performance.now();
  const handles = await withConcurrency(
    Array.from({ length: n }, (_, i) => `${prefix}-${i}`),
    startConcurrency,
    (workflowId) => client.workflow.start('EmptyWorkflow', { taskQueue, workflowId }),
  );
  const ms = Math.round(performance.now() - started);
  const cpuSec = cpuSince(cpu);
  const runAtStop = await client.workflow.count(
    `WorkflowId STARTS_WITH "${prefix}-" AND ExecutionStatus = "Completed"`,
  );
  const loop = { launchesPerSec: perSec(n, ms), ms, workflowsRunAtStop: runAtStop.count, cpuSec };
  if (!complete) return loop;
  for (let i = 0; i < handles.length; i += 100) {
    await Promise.all(handles.slice(i, i + 100).map((handle) => handle.result()));
  }
  return { ...loop, completedMs: Math.round(performance.now() - started) };
}

/**
 * Starts the org's CycleWorkflow; the returned wait resolves once `n` members are started and their first
 * tasks and notifications persisted. The clock is read from what the launch recorded (when each batch
 * was marked started, when each event was stored), so polling neither sets its precision nor, being
 * slow, weighs on the launch it measures.
 */
async function launchCycle(
  client: Client,
  poller: pg.Client,
  taskQueue: string,
  cycle: { orgId: string; year: number; startedBy: string },
  cachedWorkflows: () => number,
) {
  const cachedBefore = cachedWorkflows();
  const cycleId = cycleIdFor(cycle.orgId, cycle.year);
  const calendar = toAppraisalCalendar(buildCalendar(cycle.year, new Date().toISOString()));
  const input: CycleInput = { ...cycle, cycleId, calendar, population: {} };
  // In-process and free: how many workflows the worker had run (cached) at any moment of the launch.
  const cached: Array<{ at: number; count: number }> = [];
  const sampler = setInterval(() => cached.push({ at: Date.now(), count: cachedWorkflows() }), 10);
  const cpu = cpuSnapshot();
  const started = Date.now();
  await client.workflow.start('CycleWorkflow', {
    taskQueue,
    workflowId: cycleWorkflowId(cycleId),
    args: [input],
  });
  return async (n: number) => {
    const deadline = Date.now() + 60_000 + n * 200;
    let counts: Awaited<ReturnType<typeof launchCounts>>;
    try {
      for (;;) {
        // One cheap count while members are still being started; the full counts once they all are.
        if ((await startedCount(poller, cycleId)) === n) {
          counts = await launchCounts(poller, cycleId);
          if (counts.tasks >= n && counts.notifications >= n) break;
        }
        if (Date.now() > deadline) {
          counts = await launchCounts(poller, cycleId);
          throw new Error(`launch of ${n} timed out: ${JSON.stringify(counts)} (cycle ${cycleId})`);
        }
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    } finally {
      clearInterval(sampler);
    }
    // Up to one poll past the clock's stop (the start loop's is exact).
    const cpuSec = cpuSince(cpu);
    const written = await launchWrites(poller, cycleId);
    const stoppedAt = Math.max(written.lastStartedAt, written.lastStoredAt);
    const atStop = cached.filter((sample) => sample.at <= stoppedAt).at(-1)?.count ?? cachedBefore;
    return {
      ms: stoppedAt - started,
      // The worker caches a workflow once its first task has run; less the cycle's own workflow.
      workflowsRunAtStop: Math.max(0, atStop - cachedBefore - 1),
      tasks: counts.tasks,
      notifications: counts.notifications,
      // Then the cycle records the launch (`cycle.launched`), off the clock.
      recordedMs: (await cycleLaunchedAt(poller, cycleId, deadline, pollMs)) - started,
      cpuSec,
    };
  };
}

const perSec = (n: number, ms: number) => Math.round((n * 1000) / Math.max(ms, 1));
const toMb = (bytes: number) => Math.round(bytes / 1_048_576);
