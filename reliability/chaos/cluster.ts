// The servers of a chaos run as real processes that can be killed: PostgreSQL (embedded, its data folder
// kept across a restart), the Temporal CLI dev server on a SQLite file (its state survives a SIGKILL), and
// the siklus worker as a child process (bin/worker.ts, as in production). PostgreSQL and Temporal run
// under siklus's own supervisor, which starts a process that died again on the same port and files; the
// worker is started again here. Each fault resolves once the server serves again.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  faultAfterCommitVariable,
  injectedFaultMarker,
  parkedMarker,
  parkReleaseVariable,
} from '../../activities/injected-faults.ts';
import { admin } from '../../bench/throwaway-database.ts';
import { type RunningPostgres, startPostgres, withDatabase } from '../../runtime/postgres.ts';
import {
  type RunningTemporal,
  startTemporalDevServer,
  temporalAnswers,
} from '../../runtime/temporal-server.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const workerEntry = fileURLToPath(new URL('../../bin/worker.ts', import.meta.url));

/** One SIGKILL of the worker: when, and for the calibration drill what the record held around it. */
export interface WorkerKill {
  phase: 'launch' | 'wave' | 'calibration';
  /** The line the worker logged where it was parked on purpose (activities/injected-faults.ts). */
  parked?: string;
  /** The drill's record when the worker died, and once the restarted worker had finished the work. */
  before?: Record<string, number>;
  after?: Record<string, number>;
}

export interface FaultCounts {
  worker: WorkerKill[];
  temporal: number;
  postgres: number;
  /** recordEvents calls the worker failed on purpose after their commit (each one retried). */
  afterCommit: number;
}

export interface ChaosCluster {
  /** The siklus database on the embedded server. */
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  faults: FaultCounts;
  /** The worker's last output lines, to explain a failure. */
  workerOutput(): string[];
  /** The lines the workers logged when they parked on purpose (SIKLUS_CHAOS_PARK_RELEASE). */
  parkedLines(): string[];
  /**
   * SIGKILL the worker process, then start a new one (resolves when it polls); `whileDown` runs between.
   * Returns the kill's entry in `faults.worker`, for its phase to add what it saw.
   */
  killWorker(phase: WorkerKill['phase'], whileDown?: () => Promise<void>): Promise<WorkerKill>;
  /** SIGKILL the Temporal dev server; the supervisor starts it again on its SQLite file. */
  killTemporal(): Promise<void>;
  /** Fast shutdown of PostgreSQL (SIGINT: open transactions rolled back); the supervisor starts it again. */
  stopPostgres(): Promise<void>;
  /** Starts the worker (after the database is migrated). */
  startWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface ClusterFaults {
  /** The probability of a fault after each recordEvents commit (0: none). */
  afterCommit?: number;
  /** The unit release that parks the worker (`<cycle id>/<unit code>`; none by default). */
  parkRelease?: string;
}

export async function startChaosCluster(
  log: (line: string) => void,
  injected: ClusterFaults = {},
): Promise<ChaosCluster> {
  const faultAfterCommit = injected.afterCommit ?? 0;
  const root = mkdtempSync(join(tmpdir(), 'siklus-chaos-'));
  // As root, embedded PostgreSQL runs as the `postgres` user, which must reach the folder.
  chmodSync(root, 0o755);
  let postgres: RunningPostgres | undefined;
  let temporal: RunningTemporal | undefined;
  let worker: ChildProcess | undefined;
  const output: string[] = [];
  const parked: string[] = [];
  // Its own servers always, never DATABASE_URL's or TEMPORAL_ADDRESS's: it kills them.
  const external = { DATABASE_URL: process.env.DATABASE_URL, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS };
  delete process.env.DATABASE_URL;
  delete process.env.TEMPORAL_ADDRESS;
  try {
    postgres = await startPostgres({ dataDir: join(root, 'pg'), persistent: false, notice: log });
    temporal = await startTemporalDevServer({ dbFilename: join(root, 'temporal.sqlite'), log });
  } catch (error) {
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  } finally {
    for (const [name, value] of Object.entries(external)) if (value !== undefined) process.env[name] = value;
  }
  try {
    const databaseUrl = withDatabase(postgres.url, 'chaos');
    await admin(postgres.url, 'create database chaos');
    const pgServer = postgres;
    const temporalServer = temporal;
    const taskQueue = 'siklus-chaos';
    const faults: FaultCounts = { worker: [], temporal: 0, postgres: 0, afterCommit: 0 };

    // Started again until it polls, as a process manager would: a worker starting while PostgreSQL is
    // down exits (its migration check fails).
    const startWorker = async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await startWorkerOnce();
        } catch (error) {
          if (attempt >= 10) throw error;
          log(`chaos: ${error instanceof Error ? error.message : String(error)}; starting it again`);
          await delay(2_000);
        }
      }
    };
    const startWorkerOnce = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', workerEntry], {
        cwd: repoRoot,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          TEMPORAL_ADDRESS: temporalServer.address,
          TEMPORAL_NAMESPACE: temporalServer.namespace,
          SIKLUS_TASK_QUEUE: taskQueue,
          SIKLUS_SMTP_URL: '',
          [faultAfterCommitVariable]: faultAfterCommit > 0 ? String(faultAfterCommit) : '',
          [parkReleaseVariable]: injected.parkRelease ?? '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      worker = child;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker did not poll within 180 s')), 180_000);
        const onLine = (line: string) => {
          if (!line.trim()) return;
          // Counted here, across the worker's restarts: each line is one fault injected.
          if (line.startsWith(injectedFaultMarker)) {
            faults.afterCommit++;
            return;
          }
          if (line.startsWith(parkedMarker)) parked.push(line);
          output.push(line);
          if (output.length > 60) output.shift();
          if (line.includes('worker: polling')) {
            clearTimeout(timer);
            resolve();
          }
        };
        // Whole lines, however the pipe cuts the output into chunks.
        for (const stream of [child.stdout, child.stderr])
          if (stream)
            createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on('line', onLine);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`the worker exited (${signal ?? code}) before it polled`));
        });
      });
    };

    return {
      databaseUrl,
      temporalAddress: temporalServer.address,
      namespace: temporalServer.namespace,
      taskQueue,
      faults,
      workerOutput: () => [...output],
      parkedLines: () => [...parked],
      startWorker,
      async killWorker(phase, whileDown) {
        const child = worker;
        if (!child || child.exitCode !== null) throw new Error('no worker is running to kill');
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
        const kill: WorkerKill = { phase };
        faults.worker.push(kill);
        log(`chaos: worker (pid ${child.pid}) killed during the ${phase}; starting a new one`);
        await whileDown?.();
        await startWorker();
        return kill;
      },
      async killTemporal() {
        const pid = temporalServer.pid;
        if (!pid) throw new Error('the Temporal dev server is not running');
        process.kill(pid, 'SIGKILL');
        faults.temporal++;
        log(`chaos: Temporal dev server (pid ${pid}) killed`);
        await until(
          'Temporal',
          () => temporalAnswers(temporalServer.address, temporalServer.namespace),
          pid,
          () => temporalServer.pid,
        );
      },
      async stopPostgres() {
        const pid = pgServer.pid;
        if (!pid) throw new Error('PostgreSQL is not running');
        process.kill(pid, 'SIGINT');
        faults.postgres++;
        log(`chaos: PostgreSQL (pid ${pid}) stopped (fast shutdown)`);
        await until(
          'PostgreSQL',
          () => postgresAnswers(databaseUrl),
          pid,
          () => pgServer.pid,
        );
      },
      async close() {
        if (worker && worker.exitCode === null) {
          const exited = new Promise((resolve) => worker?.once('exit', resolve));
          worker.kill('SIGTERM');
          await Promise.race([exited, delay(20_000)]);
          if (worker.exitCode === null) worker.kill('SIGKILL');
        }
        await temporalServer.stop();
        await pgServer.stop();
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    worker?.kill('SIGKILL');
    await temporal?.stop();
    await postgres?.stop();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

/** Until the server runs under a new pid and answers (its supervisor restarts it within seconds). */
async function until(
  name: string,
  answers: () => Promise<boolean>,
  oldPid: number,
  pid: () => number | undefined,
): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const now = pid();
    if (now !== undefined && now !== oldPid && (await answers())) return;
    await delay(250);
  }
  throw new Error(`${name} did not come back within 120 s`);
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
