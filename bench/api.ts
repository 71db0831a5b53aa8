// `npm run bench -- api`: 10,000 open tasks in the inbox projection, and autocannon against the inbox
// endpoint on loopback at a fixed rate. One JSON line: p50, p99 and requests/s (target p99 <= 25 ms at
// 300 requests/s).

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { loadDevKey, signDevToken } from '../auth/dev-keys.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';
import { cpuSince, cpuSnapshot, treeCpuSeconds } from './process-usage.ts';
import { throwawayDatabase } from './throwaway-database.ts';

export interface ApiBenchOptions {
  databaseUrl?: string;
  tasks?: number;
  people?: number;
  rate?: number;
  seconds?: number;
}

export async function benchApi(options: ApiBenchOptions = {}) {
  const tasks = options.tasks ?? 10_000;
  const people = options.people ?? 500;
  const rate = options.rate ?? 300;
  const seconds = options.seconds ?? 15;
  const database = await throwawayDatabase(options.databaseUrl);
  const db = createDb(database.url, { max: 10 });
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-bench-api-'));
  try {
    await migrateToLatest(db);
    const nips = Array.from(
      { length: people },
      (_, i) =>
        `19900101201501${String(1 + (i % 2))}${String((i % 999) + 1).padStart(3, '0')}`.slice(0, 15) +
        String(i).padStart(3, '0'),
    );
    const due = Date.now() + 30 * 86_400_000;
    for (let i = 0; i < tasks; i += 2000) {
      const rows = Array.from({ length: Math.min(2000, tasks - i) }, (_, j) => {
        const n = i + j;
        const nip = nips[n % nips.length] ?? '';
        return {
          task_id: `bench.2027.${nip}:submitCheckIn:${n}`,
          appraisal_id: `bench.2027.${nip}`,
          cycle_id: 'bench.2027',
          org_id: 'bench',
          kind: 'submitCheckIn',
          step: 'checkIns',
          assignee_nip: nip,
          assignee_role: 'employee',
          due_at: new Date(due + n * 60_000),
          status: 'open' as const,
          created_at: new Date(),
        };
      });
      await db.insertInto('tasks').values(rows).execute();
    }
    await sql`analyze tasks`.execute(db).catch(() => undefined);
    const key = await loadDevKey(dataDir);
    const tokens = await Promise.all(
      nips.slice(0, 100).map((nip) => signDevToken(key, { org: 'bench', nip, roles: ['employee'] })),
    );
    const server = await startServerProcess(database.url, dataDir);
    try {
      let next = 0;
      const load = (duration: number) =>
        autocannon({
          url: `${server.url}/v1/orgs/bench/me/tasks?limit=50`,
          connections: 20,
          overallRate: rate,
          duration,
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
              }),
            },
          ],
        });
      // A warm-up at the same rate first (JIT, pool, caches), then the measured run.
      await load(3);
      const before = { server: server.cpuSeconds(), rest: cpuSnapshot() };
      const result = await load(seconds);
      const cpu = cpuPer1000(
        result.requests.total,
        server.cpuSeconds(),
        before.server,
        cpuSince(before.rest),
      );
      return {
        tasks,
        people,
        targetRate: rate,
        seconds,
        requestsPerSec: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        cpu,
      };
    } finally {
      server.stop();
    }
  } finally {
    await db.destroy();
    await database.close();
  }
}

/**
 * The API in its own process (tsx), on a free port; resolves with its URL. With a Temporal address and
 * task queue its commands reach that server (the soak's task actions); without, only reads work.
 */
export async function startServerProcess(
  databaseUrl: string,
  dataDir: string,
  temporal?: { address: string; namespace: string; taskQueue: string },
) {
  const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
  const server = new URL('./api-server.ts', import.meta.url).pathname;
  // SIKLUS_BENCH_CPU_PROF=DIR: the server writes a V8 CPU profile into DIR when it stops.
  const profile = process.env.SIKLUS_BENCH_CPU_PROF;
  const child = spawn(
    profile ? process.execPath : tsx,
    profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--import', 'tsx', server] : [server],
    {
      env: {
        ...process.env,
        SIKLUS_BENCH_DATABASE_URL: databaseUrl,
        SIKLUS_BENCH_DATA_DIR: dataDir,
        ...(temporal
          ? {
              SIKLUS_BENCH_TEMPORAL_ADDRESS: temporal.address,
              SIKLUS_BENCH_NAMESPACE: temporal.namespace,
              SIKLUS_BENCH_TASK_QUEUE: temporal.taskQueue,
            }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return {
    url: chunk.toString().trim(),
    /** CPU seconds the server's processes have used so far (null without /proc). */
    cpuSeconds: () => (child.pid ? treeCpuSeconds(child.pid) : null),
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * CPU seconds per 1,000 requests of a measured run: the API's processes, the embedded PostgreSQL (null
 * on DATABASE_URL's server, which is not ours to count) and this process (the load generator, and in the
 * soak the worker too). Process CPU, which other load on the machine disturbs less than latency.
 */
export function cpuPer1000(
  requests: number,
  serverAfter: number | null,
  serverBefore: number | null,
  rest: { workerProcess: number; postgres: number | null },
) {
  const per = (seconds: number | null) =>
    seconds === null || requests === 0 ? null : Math.round((seconds / requests) * 1000 * 100) / 100;
  return {
    apiSec: per(serverAfter === null || serverBefore === null ? null : serverAfter - serverBefore),
    postgresSec: per(rest.postgres),
    benchProcessSec: per(rest.workerProcess),
  };
}
