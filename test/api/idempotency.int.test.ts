// Idempotency-Keys across crashes and outages, on real PostgreSQL, a real Temporal dev server (on a
// SQLite file, so it can be stopped and started again) and a real worker: a claim left by a killed API
// process lapses, a retry always ends with the true outcome (the Update id comes from the key), and
// with Temporal down an action answers 503 with Retry-After at once instead of hanging.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { operationIdFor } from '../../api/commands/operation-id.ts';
import { identityFromEnv } from '../../auth/config.ts';
import { loadDevKey, signDevToken } from '../../auth/dev-keys.ts';
import { type RunningServer, startServer } from '../../bin/server.ts';
import { appraisalIdFor, appraisalStreamId, appraisalWorkflowId } from '../../domain/ids.ts';
import { freePort } from '../../runtime/free-port.ts';
import { type RunningTemporal, startTemporalDevServer } from '../../runtime/temporal-server.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { createWorker } from '../../worker/create-worker.ts';
import { actUpdate } from '../../workflows/messages.ts';
import { createTestDatabase } from '../support/database.ts';
import { seedOrganisation } from '../support/organisation.ts';
import { executableFor } from '../support/temporal.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const orgId = 'solok';
const nipOf = (i: number) => `19800101200501${String(i).padStart(4, '0')}`;
const head = nipOf(0);
const staff = [1, 2, 3, 4].map(nipOf);
const acknowledged = ['socialisation.acknowledged', 'task.completed'];

// biome-ignore lint/suspicious/noExplicitAny: a JSON body, read by the assertions
type Reply = { status: number; headers: Headers; body: any; ms: number };

describe('Idempotency-Key across crashes and outages (dev server on SQLite, real worker)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siklus-idempotency-'));
  const savedAddress = process.env.TEMPORAL_ADDRESS;
  const taskQueue = `idem-${randomBytes(4).toString('hex')}`;
  let port: number;
  let temporal: RunningTemporal | undefined;
  let connection: Connection;
  let client: Client;
  let database: { url: string; drop(): Promise<void> };
  let db: Kysely<Database>;
  let stopWorker: (() => Promise<void>) | undefined;
  let api: RunningServer;
  let impatientApi: RunningServer;
  let child: ChildProcess | undefined;
  let token: (nip: string, roles?: string[]) => Promise<string>;

  const startTemporal = async () => {
    temporal = await startTemporalDevServer({
      dbFilename: join(dir, 'temporal.sqlite'),
      port,
      uiPort: await freePort(),
      executable: executableFor(inject('temporalCliPath')),
    });
  };
  const startWorker = async () => {
    const workerConnection = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
    const worker = await createWorker({ connection: workerConnection, namespace: 'default', taskQueue, db });
    const running = worker.run();
    stopWorker = async () => {
      stopWorker = undefined;
      worker.shutdown();
      await running;
      await workerConnection.close();
    };
  };
  const post = async (
    base: RunningServer | string,
    path: string,
    nip: string,
    key: string,
    body: unknown,
  ) => {
    const started = performance.now();
    const response = await fetch(`${typeof base === 'string' ? base : base.url}/v1/orgs/${orgId}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token(nip, nip === head ? ['hr', 'employee'] : ['employee'])}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
      ms: performance.now() - started,
    } satisfies Reply;
  };
  const acknowledge = (base: RunningServer | string, nip: string, key: string) =>
    post(base, `/tasks/${encodeURIComponent(`${appraisalOf(nip)}:acknowledgeStandards`)}/actions`, nip, key, {
      type: 'acknowledgeStandards',
    });
  let cycleId = '';
  const appraisalOf = (nip: string) => appraisalIdFor(cycleId, nip);
  const taskCount = async () => (await db.selectFrom('tasks').select('task_id').execute()).length;
  const acknowledgements = async (nip: string) =>
    (
      await db
        .selectFrom('events')
        .select('type')
        .where('stream_id', '=', appraisalStreamId(appraisalOf(nip)))
        .where('type', '=', 'socialisation.acknowledged')
        .execute()
    ).length;

  beforeAll(async () => {
    // This file stops and restarts its own server, even when the run targets an external one.
    delete process.env.TEMPORAL_ADDRESS;
    port = await freePort();
    await startTemporal();
    connection = await Connection.connect({ address: `127.0.0.1:${port}` });
    client = new Client({ connection, namespace: 'default' });
    database = await createTestDatabase('idempotency');
    db = createDb(database.url);
    await migrateToLatest(db);
    await seedOrganisation(
      db,
      orgId,
      ['A'],
      [head, ...staff].map((nip) => ({
        nip,
        name: `Pegawai ${nip.slice(-2)}`,
        unitCode: 'A',
        supervisorNip: nip === head ? null : head,
      })),
    );
    await startWorker();
    const identity = await identityFromEnv(dir, { SIKLUS_DEV_AUTH: '1' });
    const key = await loadDevKey(dir);
    token = (nip, roles = ['employee']) => signDevToken(key, { org: orgId, nip, roles });
    api = await startServer({ db, temporal: client, taskQueue, identity }, { port: 0 });
    const started = await post(api, '/cycles', head, 'start-1', {
      year: new Date().getUTCFullYear() + 1,
      start: new Date().toISOString(),
    });
    expect(started.status).toBe(201);
    cycleId = started.body.cycleId;
    await waitFor(async () => (await taskCount()) === 5, 60_000, 'the launch');
    // Gives up on an Update after 1.5 s (the default is 10 s).
    const impatient = { db, temporal: client, taskQueue, identity, updateTimeoutMs: 1_500 };
    impatientApi = await startServer(impatient, { port: 0 });
  }, 180_000);

  // A test that stopped the worker (or Temporal) and failed midway leaves the next one a running worker.
  afterEach(async () => {
    if (!stopWorker && temporal) await startWorker();
  });

  afterAll(async () => {
    child?.kill('SIGKILL');
    await api?.close();
    await impatientApi?.close();
    await stopWorker?.().catch(() => undefined);
    await connection?.close();
    await temporal?.stop();
    await db?.destroy();
    await database?.drop();
    if (savedAddress !== undefined) process.env.TEMPORAL_ADDRESS = savedAddress;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a retried cycle start whose answer was lost with 201, another key with 409', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const body = { year, start: `${year}-01-02` };
    const first = await post(api, '/cycles', head, 'start-next', body);
    expect(first.status).toBe(201);
    // What a first attempt leaves when its answer is lost (503 outcome_unknown, or a crash after the
    // start): the key claimed, no answer stored, the claim lapsed.
    await db
      .updateTable('idempotency_keys')
      .set({ status: null, body: null, content_type: null, claimed_until: new Date(Date.now() - 1_000) })
      .where('key', '=', 'start-next')
      .execute();
    const retry = await post(api, '/cycles', head, 'start-next', body);
    expect(retry).toMatchObject({ status: 201, body: first.body });
    expect((await post(api, '/cycles', head, 'start-other', body)).body).toMatchObject({
      code: 'cycle_exists',
    });
    // Let its launch finish before other tests stop the worker.
    await expect.poll(taskCount, { timeout: 60_000 }).toBe(10);
  });

  it('lets the claim of a killed API process lapse; the retry answers the Update it had sent', async () => {
    const nip = staff[0] as string;
    const updateId = operationIdFor(orgId, nip, 'ack-killed');
    await stopWorker?.();
    child = await spawnApiProcess(database.url, `127.0.0.1:${port}`, taskQueue, dir);
    const url = await childUrl(child);
    void acknowledge(url, nip, 'ack-killed').catch(() => undefined);
    // The dead process's Update reached Temporal (no worker runs it yet) ...
    await expect
      .poll(() => admitted(client, appraisalWorkflowId(appraisalOf(nip)), updateId), { timeout: 20_000 })
      .toBe(true);
    child.kill('SIGKILL');
    await once(child, 'exit');
    child = undefined;
    // ... and its claim outlives it, until the lease (10 s in that process) runs out.
    const early = await acknowledge(api, nip, 'ack-killed');
    expect(early).toMatchObject({ status: 409, body: { code: 'request_in_progress' } });
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await startWorker();
    let retry = early;
    while (retry.status === 409) {
      await sleep(Number(retry.headers.get('retry-after')) * 1000);
      retry = await acknowledge(api, nip, 'ack-killed');
    }
    expect(retry).toMatchObject({ status: 200, body: { eventTypes: acknowledged } });
    const again = await acknowledge(api, nip, 'ack-killed');
    expect(again).toMatchObject({ status: 200, body: retry.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await acknowledgements(nip)).toBe(1);
  });

  it('answers a retry of an applied Update whose answer was lost with its outcome, not already_done', async () => {
    const nip = staff[1] as string;
    // The first attempt's Update was applied, then its answer was lost (and its claim released).
    const applied = await client.workflow
      .getHandle(appraisalWorkflowId(appraisalOf(nip)))
      .executeUpdate(actUpdate, {
        args: [{ actor: { nip, roles: ['employee'] }, command: { type: 'acknowledgeStandards' } }],
        updateId: operationIdFor(orgId, nip, 'ack-lost'),
      });
    expect(applied.eventTypes).toEqual(acknowledged);
    const retry = await acknowledge(api, nip, 'ack-lost');
    expect(retry).toMatchObject({ status: 200, body: applied });
    // A new request (another key) is refused: the action was applied once.
    expect((await acknowledge(api, nip, 'ack-other')).body).toMatchObject({ code: 'already_done' });
    expect(await acknowledgements(nip)).toBe(1);
  });

  it('answers 503 outcome_unknown when the Update does not complete in time, and the retry its outcome', async () => {
    const nip = staff[2] as string;
    await stopWorker?.();
    const first = await acknowledge(impatientApi, nip, 'ack-slow');
    expect(first).toMatchObject({ status: 503, body: { code: 'outcome_unknown', status: 503 } });
    expect(first.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(first.ms).toBeLessThan(4_000);
    // Not stored as the key's answer: the claim is released at once.
    const row = await db
      .selectFrom('idempotency_keys')
      .select(['status', 'claimed_until'])
      .where('key', '=', 'ack-slow')
      .executeTakeFirstOrThrow();
    expect(row.status).toBeNull();
    expect(row.claimed_until?.getTime()).toBeLessThanOrEqual(Date.now());
    await startWorker();
    const retry = await acknowledge(api, nip, 'ack-slow');
    expect(retry).toMatchObject({ status: 200, body: { eventTypes: acknowledged } });
    expect(await acknowledgements(nip)).toBe(1);
  });

  it('answers 503 temporal_unavailable with Retry-After at once while Temporal is down', async () => {
    const nip = staff[3] as string;
    await stopWorker?.();
    await temporal?.stop();
    temporal = undefined;
    const down = await acknowledge(api, nip, 'ack-down');
    expect(down).toMatchObject({ status: 503, body: { code: 'temporal_unavailable' } });
    expect(down.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(down.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(down.ms).toBeLessThan(3_000);
    // Nothing reached the workflow and nothing was stored for the key: once Temporal is back, the
    // same request goes through.
    await startTemporal();
    await startWorker();
    let retry = down;
    const until = Date.now() + 60_000;
    while (retry.status === 503 && Date.now() < until) {
      await sleep(1_000);
      retry = await acknowledge(api, nip, 'ack-down');
    }
    expect(retry).toMatchObject({ status: 200, body: { eventTypes: acknowledged } });
    expect(await acknowledgements(nip)).toBe(1);
  }, 120_000);
});

/** Has Temporal admitted the Update with this id (it waits there while no worker runs)? */
async function admitted(client: Client, workflowId: string, updateId: string): Promise<boolean> {
  try {
    await client.withDeadline(Date.now() + 2_000, () =>
      client.workflowService.pollWorkflowExecutionUpdate({
        namespace: 'default',
        updateRef: { workflowExecution: { workflowId }, updateId },
        waitPolicy: { lifecycleStage: 1 },
      }),
    );
    return true;
  } catch {
    return false;
  }
}

/** bin/api.ts in its own process (a real kill -9 target), sharing the test's dev signing key. */
function spawnApiProcess(databaseUrl: string, address: string, taskQueue: string, dataDir: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'bin/api.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_NAMESPACE: 'default',
      SIKLUS_TASK_QUEUE: taskQueue,
      SIKLUS_DATA_DIR: dataDir,
      SIKLUS_DEV_AUTH: '1',
      SIKLUS_IDEMPOTENCY_LEASE_S: '10',
      PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function childUrl(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api process not ready:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /api: listening on (\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api process exited (${code}):\n${output}`));
    });
  });
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
