// Killing and restarting workers mid-cycle loses and duplicates nothing. On the dev server: the
// production worker process (bin/worker.ts) is SIGKILLed while the cycle's launch activity is in flight,
// people act through Updates while no worker polls, a step deadline passes while no worker runs, and
// every restart is a fresh production worker (worker/create-worker.ts) on the same task queue and DB.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActRequest } from '../../domain/appraisal/commands.ts';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import {
  appraisalIdFor,
  appraisalStreamId,
  appraisalWorkflowId,
  cycleIdFor,
  cycleStreamId,
  cycleWorkflowId,
} from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { createWorker } from '../../worker/create-worker.ts';
import type { CycleInput } from '../../workflows/cycle.ts';
import { type ActResult, actUpdate, addEmployeesUpdate } from '../../workflows/messages.ts';
import { dataOf, streamEventsOf } from '../support/appraisal-events.ts';
import { createTestDatabase } from '../support/database.ts';
import { type SeedEmployee, seedOrganisation } from '../support/organisation.ts';
import { startDevEnv } from '../support/temporal.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const orgId = 'tebo';
const hr = '198012122005012006';
const nipOf = (i: number) => `19800101200501${String(i).padStart(4, '0')}`;
// Unit A: head 0 (no supervisor: HR stands in) and staff 1-9; unit B: head 10 (under head 0), staff 11-19.
const employees: SeedEmployee[] = Array.from({ length: 20 }, (_, i) => ({
  nip: nipOf(i),
  name: `Pegawai ${i}`,
  unitCode: i < 10 ? 'A' : 'B',
  supervisorNip: i === 0 ? null : i < 10 || i === 10 ? nipOf(0) : nipOf(10),
}));
const lateJoiner: SeedEmployee = {
  nip: nipOf(20),
  name: 'Pegawai Baru',
  unitCode: 'B',
  supervisorNip: nipOf(10),
};
// The trigger below parks the launch activity's last write on this advisory lock while the test holds it.
const holdKey = 4242;

describe('killing and restarting workers mid-cycle (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Database>;
  let hold: pg.Client;
  let child: ChildProcess | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  const taskQueue = `restart-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    env = await startDevEnv();
    database = await createTestDatabase('restart');
    db = createDb(database.url);
    await migrateToLatest(db);
    await seedOrganisation(db, orgId, ['A', 'B'], employees);
    hold = new pg.Client({ connectionString: database.url });
    await hold.connect();
    await hold.query(`
      create function test_hold_launch() returns trigger language plpgsql as $$
      begin perform pg_advisory_xact_lock(${holdKey}); return new; end $$;
      create trigger test_hold_launch before update of started_at on cycle_members
        for each row execute function test_hold_launch();`);
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await stopWorker?.().catch(() => undefined);
    await hold?.end();
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it('keeps exactly one workflow, one start and gap-free streams per employee, and each act once', async () => {
    const now = Date.now();
    const year = new Date(now).getUTCFullYear() + 1;
    // Socialisation closes 150 s from now: after the launch's retry (its heartbeat timeout is 10 s)
    // and the acknowledgements, so its deadline passes during the test.
    const calendar = toAppraisalCalendar(
      buildCalendar(year, new Date(now).toISOString(), { socialisation: 'PT150S' }),
    );
    const deadline = Date.parse(calendar.socialisation.deadline);
    const cycleId = cycleIdFor(orgId, year);
    const input: CycleInput = { cycleId, orgId, year, calendar, population: {}, startedBy: hr };
    const appraisal = (nip: string) =>
      env.client.workflow.getHandle(appraisalWorkflowId(appraisalIdFor(cycleId, nip)));
    const acts: Array<{ nip: string; result: ActResult }> = [];
    const act = async (nip: string, actor: string, command: ActRequest['command']) => {
      const result = await appraisal(nip).executeUpdate(actUpdate, {
        args: [{ actor: { nip: actor, roles: [] }, command }],
      });
      acts.push({ nip, result });
      return result;
    };
    const startWorker = () => startInProcessWorker(env, db, taskQueue);

    // 1. The production worker process launches the cycle; it is killed while launchAppraisals is parked
    //    on its last write, after starting everyone.
    await hold.query('select pg_advisory_lock($1)', [holdKey]);
    child = await spawnWorkerProcess(env, database.url, taskQueue);
    const cycle = await env.client.workflow.start('CycleWorkflow', {
      workflowId: cycleWorkflowId(cycleId),
      taskQueue,
      args: [input],
    });
    await waitFor(() => launchParked(hold), 90_000, 'the launch activity to park on the lock');
    const pending = (await cycle.describe()).raw.pendingActivities ?? [];
    expect(pending.map((a) => a.activityType?.name)).toContain('launchAppraisals');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const killedAt = Date.now();
    child = undefined;
    await hold.query('select pg_advisory_unlock($1)', [holdKey]);

    // 2. A new worker: the launch is retried after its heartbeat timeout and starts nobody twice. The
    //    timeout is short (a crashed worker stalled every launch for a minute when it was 1 minute).
    stopWorker = await startWorker();
    await waitFor(
      async () => (await eventCount(db, cycleStreamId(cycleId), 'cycle.launched')) === 1,
      150_000,
      'the launch to be retried',
    );
    const scheduled = (await cycle.fetchHistory()).events?.find(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'launchAppraisals',
    )?.activityTaskScheduledEventAttributes;
    expect(Number(scheduled?.heartbeatTimeout?.seconds)).toBeLessThanOrEqual(10);
    expect(Date.now() - killedAt, 'the retry after the crash must not wait a minute').toBeLessThan(45_000);
    await waitFor(
      async () => (await stepCount(db, 'socialisation')) === 20,
      90_000,
      'every appraisal to open',
    );

    // 3. People acknowledge; half of them, and HR adding a late joiner, while no worker is polling.
    const acknowledging = employees.slice(0, 18).map((e) => e.nip);
    await Promise.all(
      acknowledging.slice(0, 9).map((nip) => act(nip, nip, { type: 'acknowledgeStandards' })),
    );
    await stopWorker();
    stopWorker = undefined;
    await seedLateJoiner(db);
    const whileDown = [
      ...acknowledging.slice(9).map((nip) => act(nip, nip, { type: 'acknowledgeStandards' })),
      cycle.executeUpdate(addEmployeesUpdate, { args: [{ nips: [lateJoiner.nip], by: hr }] }),
    ];
    await sleep(2_000);
    stopWorker = await startWorker();
    await Promise.all(whileDown);
    expect(Date.now(), 'the acknowledgements must land before the deadline').toBeLessThan(deadline);

    // 4. The socialisation deadline passes while no worker runs; the next one catches up on the timers.
    await stopWorker();
    stopWorker = undefined;
    await sleep(deadline - Date.now() + 3_000);
    stopWorker = await startWorker();
    await waitFor(
      async () => (await stepCount(db, 'agreement')) === 21,
      90_000,
      'everyone to reach agreement',
    );

    // 5. Agreements in unit B, with a restart while the employees' signatures are pending.
    const agreeing = employees.slice(11, 15).map((e) => e.nip);
    const head = nipOf(10);
    const rhk = [
      {
        id: 'rhk-1',
        kind: 'utama' as const,
        description: 'Pelayanan tepat waktu',
        parentRhkId: null,
        indicators: [
          { id: 'iki-1', description: 'Ketepatan waktu', aspect: 'waktu' as const, target: '95%' },
        ],
      },
    ];
    await Promise.all(agreeing.map((nip) => act(nip, head, { type: 'proposeIndicators', rhk })));
    await stopWorker();
    stopWorker = undefined;
    const signing = agreeing.map((nip) => act(nip, nip, { type: 'signAgreement', version: 1 }));
    await sleep(1_000);
    stopWorker = await startWorker();
    await Promise.all(signing);
    await Promise.all(agreeing.map((nip) => act(nip, head, { type: 'signAgreement', version: 1 })));
    await stopWorker();
    stopWorker = undefined;

    // Every employee: exactly one appraisal workflow run, one `appraisal.started`.
    const everyone = [...employees, lateJoiner].map((e) => e.nip);
    const expectedIds = everyone.map((nip) => appraisalWorkflowId(appraisalIdFor(cycleId, nip))).sort();
    await waitFor(
      async () => (await appraisalRuns(env, taskQueue)).length >= everyone.length,
      30_000,
      'visibility to list every appraisal',
    );
    expect((await appraisalRuns(env, taskQueue)).sort()).toEqual(expectedIds);
    const starts = await db
      .selectFrom('events')
      .select(['stream_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('type', '=', 'appraisal.started')
      .groupBy('stream_id')
      .execute();
    expect(starts.map((s) => [s.stream_id, Number(s.n)]).sort()).toEqual(
      everyone.map((nip) => [appraisalStreamId(appraisalIdFor(cycleId, nip)), 1]).sort(),
    );
    const members = await db
      .selectFrom('cycle_members')
      .select('nip')
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(members.map((m) => m.nip).sort()).toEqual([...everyone].sort());

    // The log: unique event ids, and every stream's versions exactly 1..n, matching its streams row.
    const streams = await db
      .selectFrom('events')
      .innerJoin('streams', 'streams.stream_id', 'events.stream_id')
      .select((eb) => [
        'events.stream_id',
        'streams.version',
        eb.fn.countAll<string>().as('n'),
        eb.fn.count<string>('events.event_id').distinct().as('ids'),
        eb.fn.count<string>('events.stream_version').distinct().as('versions'),
        eb.fn.min('events.stream_version').as('first'),
        eb.fn.max('events.stream_version').as('last'),
      ])
      .groupBy(['events.stream_id', 'streams.version'])
      .execute();
    expect(streams).toHaveLength(everyone.length + 1);
    for (const s of streams) {
      const n = Number(s.n);
      expect({ stream: s.stream_id, ids: Number(s.ids), versions: Number(s.versions) }).toEqual({
        stream: s.stream_id,
        ids: n,
        versions: n,
      });
      expect([s.first, s.last, s.version], s.stream_id).toEqual([1, n, n]);
    }
    const [{ total, ids } = { total: '0', ids: '-1' }] = await db
      .selectFrom('events')
      .select((eb) => [
        eb.fn.countAll<string>().as('total'),
        eb.fn.count<string>('event_id').distinct().as('ids'),
      ])
      .execute();
    expect(Number(ids)).toBe(Number(total));

    // The projection agrees with the log: each appraisal row's version is its stream's event count.
    const rows = await db.selectFrom('appraisals').select(['appraisal_id', 'version']).execute();
    const counts = new Map(streams.map((s) => [s.stream_id, Number(s.n)]));
    expect(rows).toHaveLength(everyone.length);
    for (const row of rows)
      expect(row.version, row.appraisal_id).toBe(counts.get(appraisalStreamId(row.appraisal_id)));

    // Every acted Update is in its stream exactly once, at the version its result reported.
    expect(acts).toHaveLength(18 + agreeing.length * 3);
    for (const { nip, result } of acts) {
      const stream = appraisalStreamId(appraisalIdFor(cycleId, nip));
      const written = await db
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', stream)
        .where('stream_version', '>', result.version - result.eventTypes.length)
        .where('stream_version', '<=', result.version)
        .orderBy('stream_version')
        .execute();
      expect(
        written.map((e) => e.type),
        `${nip} v${result.version}`,
      ).toEqual(result.eventTypes);
    }
    const typeCounts = async (type: string) =>
      Object.fromEntries(
        (
          await db
            .selectFrom('events')
            .select(['stream_id', (eb) => eb.fn.countAll<string>().as('n')])
            .where('type', '=', type)
            .groupBy('stream_id')
            .execute()
        ).map((r) => [r.stream_id, Number(r.n)]),
      );
    const streamOf = (nip: string) => appraisalStreamId(appraisalIdFor(cycleId, nip));
    expect(await typeCounts('socialisation.acknowledged')).toEqual(
      Object.fromEntries(acknowledging.map((nip) => [streamOf(nip), 1])),
    );
    expect(await typeCounts('socialisation.escalated')).toEqual(
      Object.fromEntries([nipOf(18), nipOf(19), lateJoiner.nip].map((nip) => [streamOf(nip), 1])),
    );
    expect(await typeCounts('agreement.signed')).toEqual(
      Object.fromEntries(agreeing.map((nip) => [streamOf(nip), 2])),
    );
    expect(await typeCounts('agreement.agreed')).toEqual(
      Object.fromEntries(agreeing.map((nip) => [streamOf(nip), 1])),
    );
    const cycleEvents = await streamEventsOf(db, cycleStreamId(cycleId));
    expect(cycleEvents.map((e) => e.type)).toEqual([
      'cycle.started',
      'cycle.launched',
      'cycle.employeesAdded',
      'cycle.launched',
    ]);
    // Launch progress counts each member once, across the crash and the late joiner.
    expect(dataOf(cycleEvents, 'cycle.launched').map((d) => d.total)).toEqual([20, 21]);
    const cycleRow = await db
      .selectFrom('cycles')
      .select('launched')
      .where('cycle_id', '=', cycleId)
      .executeTakeFirstOrThrow();
    expect(cycleRow.launched).toBe(21);
  }, 480_000);
});

/** A production worker in this process; the returned function shuts it down and waits until it stopped. */
async function startInProcessWorker(
  env: TestWorkflowEnvironment,
  db: Kysely<Database>,
  taskQueue: string,
): Promise<() => Promise<void>> {
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    db,
  });
  const running = worker.run();
  return async () => {
    worker.shutdown();
    await running;
  };
}

/** bin/worker.ts in its own process (a real kill -9 target), ready once it polls. */
async function spawnWorkerProcess(
  env: TestWorkflowEnvironment,
  databaseUrl: string,
  taskQueue: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/worker.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_NAMESPACE: env.namespace ?? 'default',
      SIKLUS_TASK_QUEUE: taskQueue,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker process not ready:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('worker: polling task queue')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited (${code}):\n${output}`));
    });
  });
  await ready;
  return child;
}

/** True while a session of this database waits for the test's advisory lock (the parked launch). */
async function launchParked(hold: pg.Client): Promise<boolean> {
  const { rows } = await hold.query(
    `select count(*)::int as n from pg_locks
      where locktype = 'advisory' and objid = $1 and not granted
        and database = (select oid from pg_database where datname = current_database())`,
    [holdKey],
  );
  return (rows[0]?.n ?? 0) > 0;
}

async function seedLateJoiner(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('employees')
    .values({
      org_id: orgId,
      nip: lateJoiner.nip,
      name: lateJoiner.name,
      email: `${lateJoiner.nip}@example.test`,
      unit_code: lateJoiner.unitCode,
      position_code: 'STAF',
      supervisor_nip: lateJoiner.supervisorNip,
      employment_status: 'PNS',
      updated_at: new Date(),
    })
    .execute();
}

async function eventCount(db: Kysely<Database>, streamId: string, type: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('stream_id', '=', streamId)
    .where('type', '=', type)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function stepCount(db: Kysely<Database>, step: string): Promise<number> {
  const row = await db
    .selectFrom('appraisals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('step', '=', step)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Workflow ids of every appraisal run on the task queue, open or closed, one entry per run. */
async function appraisalRuns(env: TestWorkflowEnvironment, taskQueue: string): Promise<string[]> {
  const ids: string[] = [];
  const query = `WorkflowType = 'EmployeeAppraisalWorkflow' AND TaskQueue = '${taskQueue}'`;
  for await (const execution of env.client.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
