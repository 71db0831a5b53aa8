// `npm run bench -- soak [--seconds 120] [--employees 2000]`: the inbox and task actions at a steady rate
// (300 requests/s) from as many distinct users as employees, against an API in its own process, while a
// cycle of as many employees launches on the same Temporal dev server and worker. One JSON line: p50/p99,
// requests and errors per route, and the launch's rate against the same launch on the idle server before
// (goals: p99 <= 50 ms, 0 errors, the launch at >= 0.7 of idle). The busy launch starts a few seconds into
// the load, and each launch's clock stops at its last write to the record. `capacity` says what the
// machine gave each phase (the idle launch's cores, the load's alone) and what the two ask of it together.
// It verifies what it wrote: each accepted acknowledgement is one event, and the launched cycles pass the
// audit's verification.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import pg from 'pg';
import { verifyCycle } from '../audit/verify-cycle.ts';
import { loadDevKey, signDevToken } from '../auth/dev-keys.ts';
import { toAppraisalCalendar } from '../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../domain/cycle/calendar.ts';
import { cycleIdFor, cycleWorkflowId } from '../domain/ids.ts';
import { workflowCacheFromEnv } from '../runtime/config.ts';
import type { ServerExecutable } from '../runtime/temporal-cli.ts';
import { startTemporalDevServer } from '../runtime/temporal-server.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { generateOrganisation } from '../simulation/organisation.ts';
import { seededRandom } from '../simulation/random.ts';
import { seedOrganisation } from '../simulation/seed.ts';
import { createWorker } from '../worker/create-worker.ts';
import type { CycleInput } from '../workflows/cycle.ts';
import { cpuPer1000, startServerProcess } from './api.ts';
import { UsageError } from './launch.ts';
import { launchCounts, launchWrites } from './launch-records.ts';
import { cpuSince, cpuSnapshot, treeCpuSeconds } from './process-usage.ts';
import { type CpuMark, coresBetween, cpuMark, minLoadWindowMs, soakCapacity } from './soak-capacity.ts';
import type { runSoakLoad, SoakLoadPlan } from './soak-load.ts';
import { throwawayDatabase } from './throwaway-database.ts';

export interface SoakOptions {
  seconds: number;
  employees: number;
  rate?: number;
  /** The worker's workflow cache (`SIKLUS_WORKFLOW_CACHE`); the SDK's figure when absent. */
  maxCachedWorkflows?: number;
  databaseUrl?: string;
  temporalExecutable?: ServerExecutable;
}

export function parseSoakArgs(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { seconds: number; employees: number; maxCachedWorkflows?: number } {
  const usage = 'usage: npx tsx bench/main.ts soak [--seconds S] [--employees N]';
  let values: { seconds?: string; employees?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { seconds: { type: 'string' }, employees: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const whole = (name: string, text: string, max: number) => {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > max)
      throw new UsageError(`--${name} must be a whole number 1-${max}; got '${text}'\n${usage}`);
    return value;
  };
  // As a deployment would set it (README, Production topology): SIKLUS_WORKFLOW_CACHE, else the SDK's.
  let maxCachedWorkflows: number | undefined;
  try {
    maxCachedWorkflows = workflowCacheFromEnv(env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    seconds: whole('seconds', values.seconds ?? '120', 3600),
    employees: whole('employees', values.employees ?? '2000', 20_000),
    ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
  };
}

const year = new Date().getUTCFullYear() + 1;
/** Of the steady rate, the share of task actions (each user acknowledges their task once at most). */
const actionShare = 0.05;

export async function benchSoak(options: SoakOptions) {
  const { seconds, employees } = options;
  const rate = options.rate ?? 300;
  const database = await throwawayDatabase(options.databaseUrl);
  const db = createDb(database.url);
  const poller = new pg.Client({ connectionString: database.url });
  const temporal = await startTemporalDevServer({ executable: options.temporalExecutable });
  const connection = await NativeConnection.connect({ address: temporal.address });
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-bench-soak-'));
  try {
    await migrateToLatest(db);
    await poller.connect();
    const orgs = ['soak', 'idle', 'busy'].map((id, i) =>
      generateOrganisation(seededRandom(40 + i), id, employees, Math.max(1, Math.ceil(employees / 25))),
    );
    for (const org of orgs) await seedOrganisation(db, org.orgId, org.units, org.employees);
    const [users, idle, busy] = orgs as [(typeof orgs)[0], (typeof orgs)[0], (typeof orgs)[0]];
    const taskQueue = 'siklus-bench-soak';
    const client = new Client({ connection, namespace: temporal.namespace });
    const { maxCachedWorkflows } = options;
    const worker = await createWorker({
      connection,
      namespace: temporal.namespace,
      taskQueue,
      db,
      ...(maxCachedWorkflows ? { maxCachedWorkflows } : {}),
    });
    return await worker.runUntil(async () => {
      const launch = (org: (typeof orgs)[0]) => launchCycle(client, poller, taskQueue, org, employees);
      await (await launch(users))();
      await untilWorkflowTasksDrained(client, temporal.namespace, taskQueue);
      const idleFrom = cpuMark();
      const idleLaunch = await (await launch(idle))();
      const idleLaunchCores = coresBetween(idleFrom, cpuMark());
      await untilWorkflowTasksDrained(client, temporal.namespace, taskQueue);
      const key = await loadDevKey(dataDir);
      const tokens = await Promise.all(
        users.employees.map((e) => signDevToken(key, { org: users.orgId, nip: e.nip, roles: ['employee'] })),
      );
      const tasks = await poller.query<{ task_id: string; assignee_nip: string }>(
        `select task_id, assignee_nip from tasks where org_id = $1 and kind = 'acknowledgeStandards' and status = 'open'`,
        [users.orgId],
      );
      const tokenOf = new Map(users.employees.map((e, i) => [e.nip, tokens[i] ?? '']));
      const actions = tasks.rows.map((t) => ({
        taskId: t.task_id,
        token: tokenOf.get(t.assignee_nip) ?? '',
      }));
      const server = await startServerProcess(database.url, dataDir, {
        address: temporal.address,
        namespace: temporal.namespace,
        taskQueue,
      });
      try {
        const before = { server: server.cpuSeconds(), rest: cpuSnapshot() };
        // The busy launch starts once the load runs at its rate, and its clock is read from what it
        // recorded, so it counts no time spent waiting for the load to end.
        let busyLaunch: Promise<LaunchFigure> | undefined;
        // The load alone is measured from when the busy launch's workflow tasks have run to the load's end.
        let loadAloneFrom: Promise<CpuMark> | undefined;
        const load = await loadInOwnProcess(
          dataDir,
          {
            url: server.url,
            org: users.orgId,
            tokens,
            actions,
            inboxRate: rate * (1 - actionShare),
            actionRate: rate * actionShare,
            seconds,
          },
          () => {
            busyLaunch = delay(warmUpMs(seconds)).then(async () => (await launch(busy))());
            busyLaunch.catch(() => {});
            // The launch's workflows run their first tasks for seconds after its last write.
            loadAloneFrom = busyLaunch.then(async () => {
              await untilWorkflowTasksDrained(client, temporal.namespace, taskQueue);
              return cpuMark();
            });
            loadAloneFrom.catch(() => {});
          },
        );
        const loadEnd = cpuMark();
        const loadEndedAt = loadEnd.at;
        const { inbox, actions: acted, loadCpuSeconds } = load;
        const rest = cpuSince(before.rest);
        const serverCpu = server.cpuSeconds();
        if (!busyLaunch) throw new Error("the soak's load generator never said it started");
        const busyResult = await busyLaunch;
        const aloneFrom = await (loadAloneFrom as Promise<CpuMark>);
        const acknowledged = await poller.query<{ n: string }>(
          `select count(*) as n from events where type = 'socialisation.acknowledged' and stream_id like $1`,
          [`%${users.orgId}.${year}.%`],
        );
        const findings = [];
        for (const org of orgs)
          findings.push(...(await verifyCycle(db, cycleIdFor(org.orgId, year))).findings);
        return {
          seconds,
          users: tokens.length,
          targetRate: rate,
          inbox,
          actions: acted,
          errors: inbox.errors + inbox.non2xx + acted.errors + acted.non2xx,
          // While the load ran (the busy launch too): CPU seconds per 1,000 requests of each process.
          cpuPer1000Requests: {
            ...cpuPer1000(inbox.requests + acted.requests, serverCpu, before.server, rest),
            temporalSec: per1000(rest.temporalServer, inbox.requests + acted.requests),
            loadGeneratorSec: per1000(loadCpuSeconds, inbox.requests + acted.requests),
          },
          launch: {
            employees,
            idlePerSec: idleLaunch.perSec,
            busyPerSec: busyResult.perSec,
            ratio: Math.round((busyResult.perSec / idleLaunch.perSec) * 100) / 100,
            idleMs: idleLaunch.ms,
            busyMs: busyResult.ms,
            // Whether the busy launch ended before the load did, so that all of it ran under the load.
            busyWithinLoad: busyResult.endedAt <= loadEndedAt,
          },
          capacity: soakCapacity(
            idleLaunchCores,
            {
              cores: coresBetween(aloneFrom, loadEnd, minLoadWindowMs(seconds)),
              windowMs: Math.max(0, loadEnd.at - aloneFrom.at),
            },
            !options.databaseUrl,
          ),
          verify: {
            ok: findings.length === 0 && Number(acknowledged.rows[0]?.n ?? 0) === acted.accepted,
            acknowledgedEvents: Number(acknowledged.rows[0]?.n ?? 0),
            acceptedActions: acted.accepted,
            findings: findings.slice(0, 10),
          },
        };
      } finally {
        server.stop();
      }
    });
  } finally {
    await poller.end().catch(() => undefined);
    await connection.close();
    await temporal.stop();
    await db.destroy();
    await database.close();
  }
}

/**
 * The load from its own process (bench/soak-load.ts), so the worker in this one runs the launch without
 * the load generator on its event loop; calls `onStarted` when its requests begin, and resolves with its
 * figures and the CPU seconds it used.
 */
async function loadInOwnProcess(dataDir: string, plan: SoakLoadPlan, onStarted: () => void) {
  const file = join(dataDir, 'soak-load.json');
  writeFileSync(file, JSON.stringify(plan));
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
  const child = spawn(tsx, [new URL('./soak-load.ts', import.meta.url).pathname, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let cpu: number | null = null;
  const timer = setInterval(() => {
    if (child.pid) cpu = treeCpuSeconds(child.pid) ?? cpu;
  }, 500);
  child.stdout.setEncoding('utf8');
  let started = false;
  child.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (!started && out.includes('\n')) {
      started = true;
      onStarted();
    }
    if (child.pid) cpu = treeCpuSeconds(child.pid) ?? cpu;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`the soak's load generator exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '') as Awaited<ReturnType<typeof runSoakLoad>>;
  return { ...result, loadCpuSeconds: cpu };
}

const per1000 = (seconds: number | null, requests: number) =>
  seconds === null || requests === 0 ? null : Math.round((seconds / requests) * 1000 * 100) / 100;

/** Starts the organisation's cycle; the function it returns waits until every first task is stored. */
async function launchCycle(
  client: Client,
  poller: pg.Client,
  taskQueue: string,
  org: { orgId: string; head: { nip: string } },
  n: number,
) {
  const cycleId = cycleIdFor(org.orgId, year);
  const calendar = toAppraisalCalendar(buildCalendar(year, new Date().toISOString()));
  const input: CycleInput = {
    orgId: org.orgId,
    year,
    startedBy: org.head.nip,
    cycleId,
    calendar,
    population: {},
  };
  const started = Date.now();
  await client.workflow.start('CycleWorkflow', {
    taskQueue,
    workflowId: cycleWorkflowId(cycleId),
    args: [input],
  });
  return async (): Promise<LaunchFigure> => {
    const deadline = Date.now() + 120_000 + n * 200;
    for (;;) {
      const counts = await launchCounts(poller, cycleId);
      if (counts.started === n && counts.tasks >= n) break;
      if (Date.now() > deadline) throw new Error(`launch of ${cycleId} timed out: ${JSON.stringify(counts)}`);
      await delay(100);
    }
    // The clock stops at the launch's last write (the last batch marked started, the last opening
    // event stored), whenever this reads it.
    const written = await launchWrites(poller, cycleId);
    const endedAt = Math.max(written.lastStartedAt, written.lastStoredAt);
    return launchFigure(n, started, endedAt);
  };
}

export interface LaunchFigure {
  ms: number;
  perSec: number;
  endedAt: number;
}

export function launchFigure(n: number, startedAt: number, endedAt: number): LaunchFigure {
  const ms = Math.max(1, endedAt - startedAt);
  return { ms, perSec: Math.round((n / ms) * 1000), endedAt };
}

/** How long the load runs before the busy launch starts: a few seconds into it, at its steady rate. */
export function warmUpMs(seconds: number): number {
  return Math.min(3_000, (seconds * 1000) / 4);
}

/**
 * Waits until the task queue has no workflow task waiting. A launch's clock stops once every first task
 * is stored, while its workflows' first workflow tasks may still queue in the worker: they must not run
 * on the next phase's clock.
 */
async function untilWorkflowTasksDrained(client: Client, namespace: string, taskQueue: string) {
  const deadline = Date.now() + 600_000;
  for (let emptyPolls = 0; emptyPolls < 3; ) {
    const { stats } = await client.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      reportStats: true,
    });
    emptyPolls = Number(stats?.approximateBacklogCount ?? 0) === 0 ? emptyPolls + 1 : 0;
    if (Date.now() > deadline) throw new Error(`the workflow tasks of ${taskQueue} did not drain`);
    await delay(500);
  }
}
