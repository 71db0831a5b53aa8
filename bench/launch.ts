// launch: launches/s of a cycle launch (CycleWorkflow started until every employee's first task and its
// notification are in Postgres) against a bare `client.workflow.start` loop of an empty workflow, for the
// same N, on the same Temporal dev server, worker process and client connection, in the same run.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import pg from 'pg';
import { toAppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../domain/cycle/calendar.ts';
import type { ServerExecutable } from '../runtime/temporal-cli.ts';
import { startTemporalDevServer } from '../runtime/temporal-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { generateOrganisation } from '../simulation/organisation.ts';
import { seededRandom } from '../simulation/random.ts';
import { seedOrganisation } from '../simulation/seed.ts';
import { createWorker } from '../worker/create-worker.ts';
import { cycleIdFor, cycleWorkflowId } from '../workflows/appraisal-input.ts';
import type { CycleInput } from '../workflows/cycle.ts';
import { throwawayDatabase } from './throwaway-database.ts';

/** The launch activity starts 25 appraisals at a time (`concurrentStarts`); the baseline does the same. */
export const startConcurrency = 25;
export const targetRatio = 0.8;
const rssSampleMs = 100;
const pollMs = 100;
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
}

/** CPU seconds spent during a phase: this process (driver + workers), the dev server, Postgres. */
export interface PhaseCpu {
  workerProcess: number;
  temporalServer: number | null;
  postgres: number | null;
}

export interface LaunchBenchResult {
  employees: number;
  startConcurrency: number;
  launch: {
    launchesPerSec: number;
    ms: number;
    /** When the launch activity had started everyone (its `cycle.launched` event was projected). */
    startsDoneMs: number;
    tasks: number;
    notifications: number;
    cpuSec: PhaseCpu;
  };
  baseline: {
    workflow: 'EmptyWorkflow';
    launchesPerSec: number;
    /** The start loop alone; `completedMs` until every empty workflow had also run on the worker. */
    ms: number;
    completedMs: number;
    cpuSec: PhaseCpu;
  };
  ratio: number;
  target: number;
  peakRssMb: number;
  rssBeforeMb: number;
  worker: string;
  temporal: string;
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
  const database = await throwawayDatabase(options.databaseUrl);
  // The worker's pool as in production (pg's default size); polling gets its own connection.
  const db = createDb(database.url);
  const poller = new pg.Client({ connectionString: database.url });
  try {
    await migrateToLatest(db);
    await poller.connect();
    const main = generateOrganisation(seededRandom(1), 'bench', n, Math.max(1, Math.ceil(n / 100)));
    await seedOrganisation(db, main.orgId, main.units, main.employees);
    const warm = generateOrganisation(seededRandom(2), 'benchwarm', Math.max(warmup, 1), 2);
    if (warmup > 0) await seedOrganisation(db, warm.orgId, warm.units, warm.employees);

    // In-memory SQLite: the dev server's fastest setting, and nothing to clean up.
    const temporal = await startTemporalDevServer({ executable: options.temporalExecutable });
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
      const year = new Date().getUTCFullYear() + 1;
      const startCycle = (orgId: string, startedBy: string) =>
        launchCycle(client, poller, taskQueue, { orgId, year, startedBy });

      return await worker.runUntil(
        emptyWorker.runUntil(async () => {
          if (warmup > 0) {
            await startEmpties(client, emptyQueue, `warm-${tag}`, warmup);
            await (await startCycle(warm.orgId, warm.head.nip))(warm.employees.length);
          }
          const rssBefore = process.memoryUsage().rss;
          const rss = sampleRss();
          try {
            // Baseline first: the launch then runs on the fuller server, which only disfavours it.
            let cpu = cpuSnapshot();
            const baseline = await startEmpties(client, emptyQueue, `empty-${tag}`, n);
            const baselineCpu = cpuSince(cpu);
            cpu = cpuSnapshot();
            const launch = await (await startCycle(main.orgId, main.head.nip))(n);
            const launchCpu = cpuSince(cpu);
            const baselinePerSec = perSec(n, baseline.ms);
            const launchPerSec = perSec(n, launch.ms);
            return {
              employees: n,
              startConcurrency,
              launch: { launchesPerSec: launchPerSec, ...launch, cpuSec: launchCpu },
              baseline: {
                workflow: 'EmptyWorkflow' as const,
                launchesPerSec: baselinePerSec,
                ...baseline,
                cpuSec: baselineCpu,
              },
              ratio: Math.round((launchPerSec / baselinePerSec) * 100) / 100,
              target: targetRatio,
              peakRssMb: toMb(rss.peak()),
              rssBeforeMb: toMb(rssBefore),
              worker:
                'in-process: production createWorker and the EmptyWorkflow worker, one NativeConnection',
              temporal: 'Temporal CLI dev server, in-memory SQLite',
            };
          } finally {
            rss.stop();
          }
        }),
      );
    } finally {
      await connection.close();
      await temporal.stop();
    }
  } finally {
    await poller.end().catch(() => {});
    await db.destroy();
    await database.close();
  }
}

/** Starts N EmptyWorkflows in batches of `startConcurrency`, as the launch activity does. */
async function startEmpties(client: Client, taskQueue: string, prefix: string, n: number) {
  const started = performance.now();
  const handles = [];
  for (let i = 0; i < n; i += startConcurrency) {
    const batch = Array.from({ length: Math.min(startConcurrency, n - i) }, (_, j) =>
      client.workflow.start('EmptyWorkflow', { taskQueue, workflowId: `${prefix}-${i + j}` }),
    );
    handles.push(...(await Promise.all(batch)));
  }
  const ms = performance.now() - started;
  for (let i = 0; i < handles.length; i += 100) {
    await Promise.all(handles.slice(i, i + 100).map((handle) => handle.result()));
  }
  return { ms: Math.round(ms), completedMs: Math.round(performance.now() - started) };
}

/** Starts the org's CycleWorkflow; the returned wait resolves once `n` first tasks are persisted. */
async function launchCycle(
  client: Client,
  poller: pg.Client,
  taskQueue: string,
  cycle: { orgId: string; year: number; startedBy: string },
) {
  const cycleId = cycleIdFor(cycle.orgId, cycle.year);
  const calendar = toAppraisalCalendar(buildCalendar(cycle.year, new Date().toISOString()));
  const input: CycleInput = { ...cycle, cycleId, calendar, population: {} };
  const started = performance.now();
  await client.workflow.start('CycleWorkflow', {
    taskQueue,
    workflowId: cycleWorkflowId(cycleId),
    args: [input],
  });
  return async (n: number) => {
    const deadline = Date.now() + 60_000 + n * 200;
    let startsDoneMs = -1;
    for (;;) {
      const counts = await launchCounts(poller, cycleId);
      const now = performance.now();
      if (startsDoneMs < 0 && counts.launched === n) startsDoneMs = Math.round(now - started);
      // Launched means started and its first task and notification stored, whichever came last.
      if (counts.tasks >= n && counts.notifications >= n && counts.launched === n) {
        return {
          ms: Math.round(now - started),
          startsDoneMs,
          tasks: counts.tasks,
          notifications: counts.notifications,
        };
      }
      if (Date.now() > deadline) {
        throw new Error(`launch of ${n} timed out: ${JSON.stringify(counts)} (cycle ${cycleId})`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  };
}

/** First tasks (acknowledgeStandards) of the cycle, their notifications, and the launch's total. */
async function launchCounts(poller: pg.Client, cycleId: string) {
  const { rows } = await poller.query<{ tasks: string; notifications: string; launched: number | null }>(
    `select
       (select count(*) from tasks where cycle_id = $1 and kind = 'acknowledgeStandards') as tasks,
       (select count(*) from notifications n join tasks t on t.task_id = n.task_id
         where t.cycle_id = $1 and t.kind = 'acknowledgeStandards') as notifications,
       (select launched from cycles where cycle_id = $1) as launched`,
    [cycleId],
  );
  const row = rows[0];
  return {
    tasks: Number(row?.tasks ?? 0),
    notifications: Number(row?.notifications ?? 0),
    launched: row?.launched ?? 0,
  };
}

/** Samples this process's RSS every 100 ms (timers may slip while the event loop is busy). */
function sampleRss(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, rssSampleMs);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    stop: () => clearInterval(timer),
  };
}

interface CpuSnapshot {
  own: NodeJS.CpuUsage;
  children: { temporal: number; postgres: number } | null;
}

function cpuSnapshot(): CpuSnapshot {
  return { own: process.cpuUsage(), children: childCpuTicks() };
}

function cpuSince(before: CpuSnapshot): PhaseCpu {
  const own = process.cpuUsage(before.own);
  const after = childCpuTicks();
  // /proc counts in clock ticks, 100 a second on Linux.
  const diff = (key: 'temporal' | 'postgres') =>
    before.children && after ? round1((after[key] - before.children[key]) / 100) : null;
  return {
    workerProcess: round1((own.user + own.system) / 1e6),
    temporalServer: diff('temporal'),
    postgres: diff('postgres'),
  };
}

/**
 * CPU ticks of this process's descendants by kind (the dev server, the embedded Postgres and its
 * backends, counting reaped children too), from /proc; null where /proc is not there.
 */
function childCpuTicks(): { temporal: number; postgres: number } | null {
  let stats: Array<{ pid: number; ppid: number; comm: string; ticks: number }>;
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        try {
          const text = readFileSync(`/proc/${name}/stat`, 'utf8');
          const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
          // Fields after the command: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
          const f = text
            .slice(text.lastIndexOf(')') + 2)
            .split(' ')
            .map(Number);
          const ticks = (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0);
          return [{ pid: Number(name), ppid: f[1] ?? 0, comm, ticks }];
        } catch {
          return []; // exited meanwhile
        }
      });
  } catch {
    return null;
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats)
      if (!mine.has(s.pid) && mine.has(s.ppid)) {
        mine.add(s.pid);
        grew = true;
      }
  }
  const sum = (comm: string) =>
    stats
      .filter((s) => s.pid !== process.pid && mine.has(s.pid) && s.comm === comm)
      .reduce((t, s) => t + s.ticks, 0);
  return { temporal: sum('temporal'), postgres: sum('postgres') };
}

const perSec = (n: number, ms: number) => Math.round((n * 1000) / Math.max(ms, 1));
const toMb = (bytes: number) => Math.round(bytes / 1_048_576);
const round1 = (x: number) => Math.round(x * 10) / 10;
