// bin/api.ts in its own process, on real PostgreSQL and a real Temporal dev server: without HOST it
// listens on 127.0.0.1 only (the rest of 127/8 and the machine's other addresses refuse), and HOST=0.0.0.0,
// what the container image sets, opens it to every interface.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../runtime/paths.ts';
import { createTestDatabase } from '../support/database.ts';
import { startDevEnv } from '../support/temporal.ts';

// Linux routes all of 127.0.0.0/8 to the loopback device: 127.0.0.2 reaches a wildcard listener only.
const otherAddresses = [
  '127.0.0.2',
  ...Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : [])),
];

describe('bin/api.ts listen address (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    env = await startDevEnv();
    database = await createTestDatabase('host');
  }, 180_000);

  afterAll(async () => {
    await database?.drop();
    await env?.teardown();
  });

  it('listens on 127.0.0.1 only when HOST is not set', async () => {
    const api = await startMain(env, database.url, {});
    try {
      expect(await reachable('127.0.0.1', api.port)).toBe(true);
      for (const address of otherAddresses)
        expect([address, await reachable(address, api.port)]).toEqual([address, false]);
    } finally {
      await api.stop();
    }
  });

  it('listens on every interface with HOST=0.0.0.0', async () => {
    const api = await startMain(env, database.url, { HOST: '0.0.0.0' });
    try {
      for (const address of ['127.0.0.1', ...otherAddresses])
        expect([address, await reachable(address, api.port)]).toEqual([address, true]);
    } finally {
      await api.stop();
    }
  });
});

async function startMain(
  env: TestWorkflowEnvironment,
  databaseUrl: string,
  extra: Record<string, string>,
): Promise<{ port: number; stop(): Promise<void> }> {
  const { HOST: _inherited, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bin/api.ts'], {
    cwd: projectRoot,
    env: {
      ...inherited,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: env.address,
      PORT: '0',
      SIKLUS_DATA_DIR: mkdtempSync(join(tmpdir(), 'siklus-host-')),
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`api not listening:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /api: listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`api exited:\n${output}`));
    });
  });
  return {
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(5_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
