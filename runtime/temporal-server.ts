// The Temporal server behind `npm start`: an external one when TEMPORAL_ADDRESS is set, otherwise the
// Temporal CLI's dev server on a SQLite file, so stopping and starting again keeps every workflow. siklus
// runs the CLI itself (not through the SDK's test environment) to know its process: to restart it when it
// dies, to stop it gracefully, and to find one an earlier, killed `npm start` left running.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { freePort } from './free-port.ts';
import { cacheDir } from './paths.ts';
import { findProcesses, followLines, portTaken, stopChild, stopPid } from './processes.ts';
import { errorMessage, ServerStartError } from './server-start.ts';
import { supervise } from './supervisor.ts';
import { resolveTemporalCli, type ServerExecutable } from './temporal-cli.ts';
import { isExecutableFile } from './temporal-provisioning.ts';

export interface DevServerOptions {
  /** SQLite file for the server's state; in memory (lost on stop) when omitted. */
  dbFilename?: string;
  /** Frontend (gRPC) port; a free one when omitted. */
  port?: number;
  /** Web UI port; a free one when omitted. */
  uiPort?: number;
  /** The settings that choose the two ports, named when one is taken. */
  portSettings?: { port: string; uiPort: string };
  namespace?: string;
  /** What siklus does about the server: which CLI, a leftover stopped, a restart. */
  log?: (line: string) => void;
  /** The server's own output lines. */
  onOutput?: (line: string) => void;
  /** Which CLI to run; defaults to the provisioning ladder (`resolveTemporalCli`). */
  executable?: ServerExecutable;
}

export interface RunningTemporal {
  /** host:port of the frontend. */
  address: string;
  /** The web UI, when this process started the server. */
  uiUrl?: string;
  namespace: string;
  /** The dev server's pid while it runs (absent for an external server). */
  readonly pid?: number;
  /** Where the dev server writes its output (a `.log` beside its SQLite file; absent for an external server). */
  logFile?: string;
  stop(): Promise<void>;
}

const readyWithinMs = 60_000;

export async function startTemporalDevServer(options: DevServerOptions = {}): Promise<RunningTemporal> {
  const namespace = options.namespace ?? 'default';
  const log = options.log ?? (() => {});
  const external = process.env.TEMPORAL_ADDRESS;
  if (external) {
    log(`using the external Temporal server at ${external} (TEMPORAL_ADDRESS)`);
    // Not ours to stop.
    return { address: external, namespace, stop: async () => {} };
  }

  const cli = await cliPath(options.executable ?? (await resolveTemporalCli({ log })), log);
  if (options.dbFilename) {
    mkdirSync(dirname(options.dbFilename), { recursive: true });
    await stopLeftovers(options.dbFilename, log);
  }
  const port = options.port ?? (await freePort());
  const uiPort = options.uiPort ?? (await freePort());
  for (const [which, value, setting] of [
    ['port', port, options.portSettings?.port],
    ['UI port', uiPort, options.portSettings?.uiPort],
  ] as const) {
    if (await portTaken(value)) {
      throw new ServerStartError(
        'Temporal',
        `its ${which} ${value} on 127.0.0.1 is already in use by another program`,
        `Stop that program, or choose another port${setting ? ` with ${setting}` : ''}`,
      );
    }
  }

  const address = `127.0.0.1:${port}`;
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--namespace',
    namespace,
    '--log-format',
    'pretty',
    '--log-level',
    'warn',
    ...(options.dbFilename ? ['--db-filename', options.dbFilename] : []),
    // What the SDK's dev server sets (Updates are used by the appraisal workflow) ...
    ...['frontend.enableServerVersionCheck=false', 'frontend.enableUpdateWorkflowExecution=true'],
    // ... and one partition per task queue (the server's default is four): on a single dev server, more
    // partitions only add forwarding between them, which costs CPU on every task dispatched.
    ...['matching.numTaskqueueReadPartitions=1', 'matching.numTaskqueueWritePartitions=1'],
  ].flatMap((arg) => (arg.includes('=') ? ['--dynamic-config-value', arg] : [arg]));

  // The server writes its output to a file, never to a pipe to this process: Go ends a program whose
  // write to standard output or error finds the pipe closed, so a killed start would take with it the
  // server it left running (for the next start to find and stop) at the server's next log line.
  const logDir = options.dbFilename ? undefined : mkdtempSync(join(tmpdir(), 'siklus-temporal-'));
  const logFile = options.dbFilename ? `${options.dbFilename}.log` : join(logDir ?? '', 'temporal.log');
  const supervisor = await supervise({
    name: 'Temporal',
    launch: () => launch(cli, args, address, namespace, options.onOutput ?? (() => {}), logFile),
    stop: (child) => stopChild(child, 'SIGTERM', 10_000),
    log,
  });
  return {
    address,
    uiUrl: `http://127.0.0.1:${uiPort}`,
    namespace,
    get pid() {
      return supervisor.pid;
    },
    logFile,
    stop: async () => {
      await supervisor.stop();
      if (logDir) rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** Dev servers on this SQLite file are left from an earlier start that was killed: stop them. */
async function stopLeftovers(dbFilename: string, log: (line: string) => void): Promise<void> {
  const leftovers = findProcesses((args) => args.includes(' start-dev ') && args.includes(` ${dbFilename} `));
  for (const { pid } of leftovers) {
    log(
      `a Temporal dev server (pid ${pid}) was still running on ${dbFilename}, left by an earlier start; stopping it`,
    );
    await stopPid(pid, 'SIGTERM', 10_000);
  }
}

async function launch(
  cli: string,
  args: string[],
  address: string,
  namespace: string,
  onOutput: (line: string) => void,
  logFile: string,
): Promise<ChildProcess> {
  const fd = openSync(logFile, 'a');
  const from = fstatSync(fd).size;
  // Its own process group: Ctrl-C in the terminal reaches siklus only, which stops the servers in order.
  const child = spawn(cli, args, { detached: true, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const output = followLines(logFile, from, onOutput);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    output.stop();
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  try {
    await spawned;
  } catch (error) {
    throw new ServerStartError(
      'Temporal',
      `running ${cli} failed (${errorMessage(error)})`,
      'Set TEMPORAL_CLI to a working `temporal` binary, or TEMPORAL_ADDRESS to use your own Temporal server',
    );
  }
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (exited) {
      const problem =
        output.lines.findLast((line) => /error|fatal/i.test(line)) ?? output.lines.findLast((l) => l.trim());
      throw new ServerStartError(
        'Temporal',
        `the dev server stopped (${exited}) before it was ready${problem ? `: ${problem.trim()}` : ''}`,
        'Fix the cause above, or set TEMPORAL_ADDRESS to use your own Temporal server',
      );
    }
    if (await temporalAnswers(address, namespace)) return child;
    if (Date.now() > deadline) {
      await stopChild(child, 'SIGKILL', 1_000);
      throw new ServerStartError(
        'Temporal',
        `the dev server did not answer on ${address} within ${readyWithinMs / 1000} s`,
        'Try again on a less busy machine, or set TEMPORAL_ADDRESS to use your own Temporal server',
      );
    }
    await delay(250);
  }
}

/** Whether the frontend answers and the namespace exists (the CLI registers it while starting). */
export async function temporalAnswers(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => {});
  }
}

/**
 * The CLI to run. When the ladder ends at the SDK's own download, the SDK downloads only while starting a
 * server: a throwaway in-memory one fetches the binary into the cache, where the SDK names it by version.
 */
async function cliPath(executable: ServerExecutable, log: (line: string) => void): Promise<string> {
  if (executable.type === 'existing-path') return executable.path;
  const downloadDir = join(cacheDir, 'temporal-sdk-download');
  const testingPackage = join(dirname(createRequire(import.meta.url).resolve('@temporalio/testing')), '..');
  const version = JSON.parse(readFileSync(join(testingPackage, 'package.json'), 'utf8')).version as string;
  const path = join(
    downloadDir,
    `temporal-sdk-typescript-${version}${process.platform === 'win32' ? '.exe' : ''}`,
  );
  if (!isExecutableFile(path)) {
    log(`downloading the Temporal CLI through the Temporal SDK into ${downloadDir} ...`);
    mkdirSync(downloadDir, { recursive: true });
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir }, ui: false },
    });
    await env.teardown();
  }
  return path;
}
