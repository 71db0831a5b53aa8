// `npm start` owns its servers: SIGTERM stops the API, the worker, Temporal and PostgreSQL in that order
// and says "stopped"; servers a killed start left running are found and stopped by the next start, which
// says so; and a server that dies is started again, so /health comes back to ok by itself.
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { findProcesses, isAlive } from '../../runtime/processes.ts';
import {
  killServersOn,
  type NpmStart,
  npmStart,
  type StartSettings,
  serversOn,
  startSettings,
} from '../support/npm-start.ts';

// Each start takes about 10 s (migrations, the workflow bundle); a busy machine doubles that.
describe('npm start supervises its servers', { timeout: 120_000 }, () => {
  const started: NpmStart[] = [];
  const folders: StartSettings[] = [];
  const start = (settings: StartSettings, options?: { viaNpm?: boolean }) => {
    const run = npmStart(settings, options);
    started.push(run);
    return run;
  };
  const settings = async () => {
    const made = await startSettings();
    folders.push(made);
    return made;
  };

  afterEach(async () => {
    for (const run of started.splice(0)) {
      if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL');
      await run.exited;
    }
    for (const { dataDir } of folders.splice(0)) {
      await killServersOn(dataDir);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('on SIGTERM stops every server it started, then prints "stopped" and exits 0', async () => {
    const folder = await settings();
    const run = start(folder);
    await run.waitForHealth('ok');
    const servers = serversOn(folder.dataDir);
    expect(servers.postgres).toHaveLength(1);
    expect(servers.temporal).toHaveLength(1);

    // A second start on the same folder would take the first one's servers for leftovers: it refuses.
    const second = start(folder);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `siklus: start failed: another siklus (pid ${run.child.pid}) is already running on ${folder.dataDir}. ` +
        'Stop it first, or set SIKLUS_DATA_DIR to run a second one on another folder.',
    );
    expect(await run.health()).toBe('ok');

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/siklus: stopped\n/);
    // PostgreSQL went last: nothing was still connected to it (the pool, the notification listener).
    expect(run.output()).not.toContain('terminating connection due to administrator command');
    expect([...servers.postgres, ...servers.temporal].filter(isAlive)).toEqual([]);
  });

  it('after a SIGKILL, the next start stops the servers left running, says so, and comes up healthy', async () => {
    const folder = await settings();
    const first = start(folder);
    await first.waitForHealth('ok');
    const left = serversOn(folder.dataDir);
    const argsOf = new Map(findProcesses(() => true).map((p) => [p.pid, p.args]));
    first.child.kill('SIGKILL');
    await first.exited;
    // Nobody stopped them (a server gone is named with its command line and the start's output).
    const gone = [...left.postgres, ...left.temporal].filter((pid) => !isAlive(pid));
    expect(
      gone.map((pid) => `${pid}: ${argsOf.get(pid)}`),
      first.output(),
    ).toEqual([]);

    const second = start(folder);
    await second.waitForHealth('ok');
    expect(second.output()).toContain(
      `siklus: PostgreSQL (pid ${left.postgres[0]}) was still running on ${folder.dataDir}/postgres, left by an earlier start; stopping it`,
    );
    expect(second.output()).toContain(
      `siklus: a Temporal dev server (pid ${left.temporal[0]}) was still running on ${folder.dataDir}/temporal.sqlite, left by an earlier start; stopping it`,
    );
    expect([...left.postgres, ...left.temporal].filter(isAlive)).toEqual([]);
    const now = serversOn(folder.dataDir);
    expect([now.postgres.length, now.temporal.length]).toEqual([1, 1]);
  });

  it('starts Temporal and PostgreSQL again when they die, and /health returns to ok', async () => {
    const folder = await settings();
    const run = start(folder);
    await run.waitForHealth('ok');

    await killAndSeeItBack(run, 'Temporal', serversOn(folder.dataDir).temporal[0]);
    await killAndSeeItBack(run, 'PostgreSQL', serversOn(folder.dataDir).postgres[0]);

    // Ctrl-C in a terminal signals the whole process group: siklus still stops its servers itself, in order.
    const servers = serversOn(folder.dataDir);
    process.kill(-(run.child.pid as number), 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/siklus: stopped\n/);
    expect([...servers.postgres, ...servers.temporal].filter(isAlive)).toEqual([]);
  });

  it('says in one sentence why a server could not start and what to do, and exits 1', async () => {
    const folder = await settings();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(folder.ports.postgres, '127.0.0.1', resolve));
    try {
      const run = start(folder);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(
        `siklus: PostgreSQL could not start: port ${folder.ports.postgres} on 127.0.0.1 is already in use by ` +
          'another program. Stop that program, or choose another port with SIKLUS_PG_PORT.\n',
      );
      expect(run.output()).not.toMatch(/undefined|\n\s+at /);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }

    const temporalSquatter = createServer();
    await new Promise<void>((resolve) =>
      temporalSquatter.listen(folder.ports.temporal, '127.0.0.1', resolve),
    );
    try {
      const run = start(folder);
      expect(await run.exited).toBe(1);
      expect(run.output()).toContain(
        `siklus: Temporal could not start: its port ${folder.ports.temporal} on 127.0.0.1 is already in use by ` +
          'another program. Stop that program, or choose another port with SIKLUS_TEMPORAL_PORT.\n',
      );
      expect(run.output()).not.toMatch(/undefined|\n\s+at /);
      // What it had started by then (PostgreSQL) it stopped again.
      expect(serversOn(folder.dataDir).postgres).toEqual([]);
    } finally {
      await new Promise((resolve) => temporalSquatter.close(resolve));
    }
  });

  it('npm start stops its servers on Ctrl-C even when busy for a moment', async () => {
    const folder = await settings();
    const run = start(folder, { viaNpm: true });
    await run.waitForHealth('ok');
    const servers = serversOn(folder.dataDir);
    // The process running bin/start.ts (not the npm entry script) keeps its pid in the data folder.
    const siklus = Number(readFileSync(join(folder.dataDir, 'siklus.pid'), 'utf8'));
    expect(siklus).not.toBe(run.child.pid);

    // Ctrl-C reaches the whole process group while siklus cannot run for half a second.
    process.kill(siklus, 'SIGSTOP');
    process.kill(-(run.child.pid as number), 'SIGINT');
    await delay(500);
    if (isAlive(siklus)) process.kill(siklus, 'SIGCONT');

    expect(await run.exited).toBe(0);
    expect(run.output()).toMatch(/siklus: stopped\n/);
    expect([siklus, ...servers.postgres, ...servers.temporal].filter(isAlive)).toEqual([]);
  });
});

/** Kills one of the servers a start supervises: it says so, starts it again, and /health is ok again. */
async function killAndSeeItBack(run: NpmStart, name: 'Temporal' | 'PostgreSQL', pid: number | undefined) {
  process.kill(pid as number, 'SIGKILL');
  await run.waitForOutput(`siklus: ${name} stopped unexpectedly (signal SIGKILL); starting it again in 1 s`);
  await run.waitForOutput(`siklus: ${name} is running again`, 30_000);
  await run.waitForHealth('ok', 15_000);
}
