// Keeps a server process running: a process that dies while nobody asked it to stop is started again,
// after 1 s, then 2, 4 ... up to 30 s while it keeps failing, so a dependency that crashed comes back by
// itself (and /health with it) without a restart loop burning the CPU.
import type { ChildProcess } from 'node:child_process';
import { errorMessage } from './server-start.ts';

export interface SupervisedServer {
  /** What the messages call it, e.g. "PostgreSQL". */
  name: string;
  /** Starts the process and resolves once it serves; rejects (leaving no process behind) when it cannot. */
  launch(): Promise<ChildProcess>;
  /** Stops a running process gracefully; resolves once it has exited. */
  stop(child: ChildProcess): Promise<void>;
  log(line: string): void;
  backoff?: { firstMs: number; maxMs: number };
}

export interface Supervisor {
  /** The pid of the current process (undefined while it is being restarted). */
  readonly pid: number | undefined;
  /** Stops the process and any restart in progress; it is not started again. */
  stop(): Promise<void>;
}

/** A run that lasted this long was healthy: the next failure starts again from the shortest wait. */
const stableMs = 30_000;

export async function supervise(server: SupervisedServer): Promise<Supervisor> {
  const { firstMs, maxMs } = server.backoff ?? { firstMs: 1_000, maxMs: 30_000 };
  let child: ChildProcess | undefined = await server.launch();
  let stopping = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let relaunch: Promise<void> | undefined;

  const watch = (running: ChildProcess) => {
    const startedAt = Date.now();
    running.once('exit', (code, signal) => {
      if (stopping || child !== running) return;
      child = undefined;
      failures = Date.now() - startedAt >= stableMs ? 0 : failures + 1;
      schedule(`${server.name} stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    });
  };

  const schedule = (why: string) => {
    const waitMs = Math.min(firstMs * 2 ** Math.max(0, failures - 1), maxMs);
    server.log(`${why}; starting it again in ${Math.round(waitMs / 100) / 10} s`);
    timer = setTimeout(() => {
      timer = undefined;
      relaunch = (async () => {
        try {
          const next = await server.launch();
          if (stopping) {
            await server.stop(next);
            return;
          }
          child = next;
          watch(next);
          server.log(`${server.name} is running again`);
        } catch (error) {
          if (stopping) return;
          failures++;
          schedule(`${server.name} could not start again: ${errorMessage(error)}`);
        }
      })();
    }, waitMs);
  };

  watch(child);
  return {
    get pid() {
      return child?.pid;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await relaunch;
      if (child) await server.stop(child);
      child = undefined;
    },
  };
}
