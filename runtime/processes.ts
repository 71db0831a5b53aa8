// The process table and ports, for finding what an earlier `npm start` left running (it may have been
// killed before it could stop its servers) and for stopping our own server processes in order.
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, run by a user we may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process, or undefined when there is none with that pid. */
export function processArgs(pid: number): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (existsSync('/proc/self/cmdline')) {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      return undefined;
    }
  }
  try {
    return (
      execFileSync('ps', ['-p', String(pid), '-ww', '-o', 'args='], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * A process's line in /proc (Linux): its parent, its command name and the CPU ticks it and its reaped
 * children used; undefined without /proc or once the process is gone.
 */
export function procStat(pid: number): { ppid: number; comm: string; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command may hold spaces and parentheses; after it: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const f = text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    return { ppid: f[1] ?? 0, comm, ticks: (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0) };
  } catch {
    return undefined;
  }
}

/** The parent of a running process, or undefined when there is none with that pid. */
export function parentPid(pid: number): number | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (existsSync('/proc/self/stat')) return procStat(pid)?.ppid;
  try {
    const out = execFileSync('ps', ['-p', String(pid), '-o', 'ppid='], { encoding: 'utf8' }).trim();
    return out ? Number(out) : undefined;
  } catch {
    return undefined;
  }
}

/** Every process whose command line satisfies `match` (never this process). */
export function findProcesses(match: (args: string) => boolean): Array<{ pid: number; args: string }> {
  let pids: number[];
  if (existsSync('/proc/self/cmdline')) {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } else {
    const out = execFileSync('ps', ['-A', '-o', 'pid='], { encoding: 'utf8' });
    pids = out.split('\n').map(Number).filter(Boolean);
  }
  const found: Array<{ pid: number; args: string }> = [];
  for (const pid of pids) {
    if (pid === process.pid) continue;
    const args = processArgs(pid);
    if (args && match(args)) found.push({ pid, args });
  }
  return found;
}

/** Sends `signal`, waits up to `graceMs` for the process to go, then kills it and waits for that. */
export async function stopPid(pid: number, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  if (await gone(pid, graceMs)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  await gone(pid, 5_000);
}

async function gone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (isAlive(pid) && !isZombie(pid)) {
    if (Date.now() > deadline) return false;
    await delay(50);
  }
  return true;
}

/** A child that has exited but not been reaped yet still answers kill(0). */
function isZombie(pid: number): boolean {
  try {
    return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/, ''));
  } catch {
    return false;
  }
}

/** Stops a child we spawned: `signal`, then SIGKILL after `graceMs`; resolves once it has exited. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * Whether something still listens on host:port after `withinMs` (a process that was just stopped can
 * hold its sockets a moment after it shows as exited).
 */
export async function portTaken(port: number, withinMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (await portInUse(port)) {
    if (Date.now() > deadline) return true;
    await delay(200);
  }
  return false;
}

/** Whether something listens on host:port right now (binding it fails with EADDRINUSE). */
export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(true) : reject(error),
    );
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/** The child's last output lines, kept for error messages; `onLine` sees each as it comes. */
export function collectLines(child: ChildProcess, onLine: (line: string) => void): string[] {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    const take = lineSplitter(lines, onLine);
    stream?.on('data', (chunk: Buffer) => take(chunk.toString('utf8')));
  }
  return lines;
}

/** Takes text in chunks: each complete line to `onLine`, and into `lines` (the last 200 kept). */
function lineSplitter(lines: string[], onLine: (line: string) => void): (text: string) => void {
  let rest = '';
  return (text) => {
    const parts = (rest + text).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) {
      if (lines.push(line) > 200) lines.shift();
      onLine(line);
    }
  };
}

/**
 * Follows a log file from byte `from`: each complete new line to `onLine`, the last 200 kept in `lines`.
 * Polled, since the writer is another process; `stop()` reads what is left, then stops.
 */
export function followLines(
  path: string,
  from: number,
  onLine: (line: string) => void,
): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const take = lineSplitter(lines, onLine);
  let offset = from;
  const readNew = () => {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const size = fstatSync(fd).size;
      if (size <= offset) return;
      const chunk = Buffer.alloc(size - offset);
      const read = readSync(fd, chunk, 0, chunk.length, offset);
      offset += read;
      take(chunk.subarray(0, read).toString('utf8'));
    } catch {
      // Gone or unreadable: nothing to follow this time.
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
  const timer = setInterval(readNew, 200);
  timer.unref();
  return {
    lines,
    stop: () => {
      clearInterval(timer);
      readNew();
    },
  };
}
