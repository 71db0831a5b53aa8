// The Temporal CLI dev server (provisioned by runtime/temporal-cli.ts): a workflow → activity round trip,
// `startTemporalDevServer` keeping a running workflow across a restart on the same SQLite file, and
// TEMPORAL_ADDRESS selecting an external server instead of spawning one.
import { mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../runtime/free-port.ts';
import { type RunningTemporal, startTemporalDevServer } from '../../runtime/temporal-server.ts';
import { createTestWorker, executableFor, startDevEnv } from '../support/temporal.ts';
import {
  addSignal,
  greetingRoundTrip,
  releaseSignal,
  sumQuery,
  sumUntilReleased,
} from '../support/workflows/index.ts';

describe('Temporal dev server (in memory)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startDevEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs a workflow that calls an activity and returns its result', async () => {
    const { worker, taskQueue } = await createTestWorker(env);
    const result = await worker.runUntil(
      env.client.workflow.execute(greetingRoundTrip, {
        args: ['Siti'],
        taskQueue,
        workflowId: `greeting-${taskQueue}`,
      }),
    );
    expect(result).toBe('Selamat pagi, Siti!');
  });

  it('with TEMPORAL_ADDRESS, startTemporalDevServer uses that server and spawns nothing', async () => {
    const before = process.env.TEMPORAL_ADDRESS;
    process.env.TEMPORAL_ADDRESS = env.address;
    try {
      const temporal = await startTemporalDevServer({ namespace: 'default' });
      expect(temporal).toMatchObject({ address: env.address, namespace: 'default' });
      expect(temporal.pid).toBeUndefined();
      expect(temporal.uiUrl).toBeUndefined();
      await temporal.stop();
      // Stopping must leave the external server running.
      const info = await env.connection.workflowService.getSystemInfo({});
      expect(info.capabilities).toBeTruthy();
    } finally {
      if (before === undefined) delete process.env.TEMPORAL_ADDRESS;
      else process.env.TEMPORAL_ADDRESS = before;
    }
  });
});

describe('startTemporalDevServer with a SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siklus-temporal-restart-'));
  const dbFilename = join(dir, 'state', 'temporal.sqlite');
  const executable = executableFor(inject('temporalCliPath'));
  const savedAddress = process.env.TEMPORAL_ADDRESS;
  let running: RunningTemporal | undefined;
  const envs: TestWorkflowEnvironment[] = [];
  // The SDK's connections to the server `startTemporalDevServer` runs.
  const connect = async (server: RunningTemporal) => {
    const env = await TestWorkflowEnvironment.createFromExistingServer({ address: server.address });
    envs.push(env);
    return env;
  };

  beforeAll(() => {
    // This block is about the spawned server, even when the run targets an external one.
    delete process.env.TEMPORAL_ADDRESS;
  });

  afterAll(async () => {
    for (const env of envs) await env.teardown();
    await running?.stop();
    if (savedAddress !== undefined) process.env.TEMPORAL_ADDRESS = savedAddress;
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a running workflow, with its history, across a restart', async () => {
    const port = await freePort();
    const uiPort = await freePort();
    const workflowId = `restart-${port}`;

    running = await startTemporalDevServer({ dbFilename, port, uiPort, namespace: 'default', executable });
    expect(running.address).toBe(`127.0.0.1:${port}`);
    expect(running.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
    expect((await fetch(running.uiUrl as string)).ok).toBe(true);

    const first = await connect(running);
    const { worker, taskQueue } = await createTestWorker(first);
    await worker.runUntil(async () => {
      const handle = await first.client.workflow.start(sumUntilReleased, { taskQueue, workflowId });
      await handle.signal(addSignal, 2);
      // Wait until the worker has processed the signal, so the workflow has real history to replay.
      await expect.poll(() => handle.query(sumQuery), { timeout: 20_000 }).toBe(2);
    });
    // One partition per task queue (not the server's default four): see runtime/temporal-server.ts.
    const partitions = await first.connection.workflowService.listTaskQueuePartitions({
      namespace: 'default',
      taskQueue: { name: taskQueue },
    });
    expect(partitions.workflowTaskQueuePartitions).toHaveLength(1);
    await running.stop();
    running = undefined;

    running = await startTemporalDevServer({ dbFilename, port, uiPort, namespace: 'default', executable });
    const second = await connect(running);
    const handle = second.client.workflow.getHandle(workflowId);
    expect((await handle.describe()).status.name).toBe('RUNNING');

    const { worker: newWorker } = await createTestWorker(second, taskQueue);
    const sum = await newWorker.runUntil(async () => {
      await handle.signal(addSignal, 3);
      await handle.signal(releaseSignal);
      return handle.result();
    });
    // 2 was signalled before the restart, 3 after.
    expect(sum).toBe(5);
  });

  it('writes its output to a file beside the SQLite file, never to a pipe to this process', () => {
    // Go ends a program whose write to standard output or error finds its pipe closed: with a pipe, a
    // killed `npm start` would take with it, at the next log line, the server it left for the next
    // start to find and stop.
    const pid = running?.pid;
    expect(pid).toBeGreaterThan(0);
    expect(running?.logFile).toBe(`${dbFilename}.log`);
    for (const fd of [1, 2]) expect(readlinkSync(`/proc/${pid}/fd/${fd}`)).toBe(`${dbFilename}.log`);
  });
});
