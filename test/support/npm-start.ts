// `npm start` as a child process, the way a person runs it: bin/start.ts under tsx, with its own data
// folder and ports, in its own process group (as a terminal would put it, so Ctrl-C can be sent to the
// whole group). The servers it starts are found in the process table by the data folder they use.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';
import { freePort } from '../../runtime/free-port.ts';
import { projectRoot } from '../../runtime/paths.ts';
import { findProcesses, isAlive, parentPid } from '../../runtime/processes.ts';

export interface StartSettings {
  dataDir: string;
  ports: { postgres: number; temporal: number; temporalUi: number; api: number };
}

export interface NpmStart {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** Waits until the output contains `text`; fails early if the process exits. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** GET /health: its status field, or 'unreachable'. */
  health(): Promise<string>;
  waitForHealth(status: string, timeoutMs?: number): Promise<void>;
}

/** A data folder the `postgres` user can reach (so PostgreSQL keeps its data in it) and four free ports. */
export async function startSettings(): Promise<StartSettings> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siklus-start-'));
  chmodSync(dataDir, 0o755);
  const [postgres, temporal, temporalUi, api] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  return { dataDir, ports: { postgres, temporal, temporalUi, api } };
}

/**
 * bin/start.ts itself, or (`viaNpm`) what `npm start` runs: scripts/bootstrap.mjs, which runs
 * bin/start.ts in a child process.
 */
export function npmStart(settings: StartSettings, options: { viaNpm?: boolean } = {}): NpmStart {
  const { DATABASE_URL: _db, TEMPORAL_ADDRESS: _temporal, ...env } = process.env;
  const cli = inject('temporalCliPath');
  const args = options.viaNpm ? ['scripts/bootstrap.mjs', 'start'] : ['--import', 'tsx', 'bin/start.ts'];
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      ...(cli ? { TEMPORAL_CLI: cli } : {}),
      SIKLUS_DATA_DIR: settings.dataDir,
      SIKLUS_PG_PORT: String(settings.ports.postgres),
      SIKLUS_TEMPORAL_PORT: String(settings.ports.temporal),
      SIKLUS_TEMPORAL_UI_PORT: String(settings.ports.temporalUi),
      PORT: String(settings.ports.api),
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });

  const health = async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${settings.ports.api}/health`, {
        signal: AbortSignal.timeout(5_000),
      });
      return ((await response.json()) as { status: string }).status;
    } catch {
      return 'unreachable';
    }
  };
  const poll = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (done) throw new Error(`npm start exited while waiting for ${what}. Its output:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no ${what} after ${timeoutMs} ms. Output:\n${output}`);
      await delay(250);
    }
  };
  return {
    child,
    output: () => output,
    exited,
    health,
    waitForOutput: (text, timeoutMs = 60_000) =>
      poll(`"${text}"`, async () => output.includes(text), timeoutMs),
    waitForHealth: (status, timeoutMs = 60_000) =>
      poll(`health "${status}"`, async () => (await health()) === status, timeoutMs),
  };
}

/** The PostgreSQL postmaster and Temporal dev server running on this data folder. */
export function serversOn(dataDir: string): { postgres: number[]; temporal: number[] } {
  const found = findProcesses((args) => args.includes(`${dataDir}/`));
  const postgres = found.filter((p) => p.args.includes(' -D ') && !p.args.includes('start-dev'));
  // A backend the postmaster has just forked shows the postmaster's command line until it names itself,
  // and ends with its connection: the postmaster is the one whose parent is no postgres of this folder.
  const ours = new Set(postgres.map((p) => p.pid));
  return {
    postgres: postgres
      .filter((p) => {
        const parent = parentPid(p.pid);
        return parent !== undefined && !ours.has(parent);
      })
      .map((p) => p.pid),
    temporal: found.filter((p) => p.args.includes(' start-dev ')).map((p) => p.pid),
  };
}

/** Kills whatever still runs on the data folder (cleanup after a failed test). */
export async function killServersOn(dataDir: string): Promise<void> {
  const { postgres, temporal } = serversOn(dataDir);
  for (const pid of [...postgres, ...temporal]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  const deadline = Date.now() + 10_000;
  while ([...postgres, ...temporal].some(isAlive) && Date.now() < deadline) await delay(100);
}
