// CPU and memory of the benchmark's processes: this one (driver and workers) by Node's own counters,
// the Temporal dev server and the embedded PostgreSQL (its children) from /proc.
import { readdirSync } from 'node:fs';
import { procStat } from '../runtime/processes.ts';

const rssSampleMs = 100;

/** CPU seconds spent during a phase: this process (driver + workers), the dev server, Postgres. */
export interface PhaseCpu {
  workerProcess: number;
  temporalServer: number | null;
  postgres: number | null;
}

/** Samples this process's RSS every 100 ms (timers may slip while the event loop is busy). */
export function sampleRss(): { peak(): number; stop(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, rssSampleMs);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    stop: () => clearInterval(timer),
  };
}

interface CpuSnapshot {
  own: NodeJS.CpuUsage;
  children: { temporal: number | null; postgres: number | null } | null;
}

export function cpuSnapshot(): CpuSnapshot {
  return { own: process.cpuUsage(), children: childCpuTicks() };
}

export function cpuSince(before: CpuSnapshot): PhaseCpu {
  const own = process.cpuUsage(before.own);
  const after = childCpuTicks();
  // /proc counts in clock ticks, 100 a second on Linux.
  const diff = (key: 'temporal' | 'postgres') => {
    const [was, is] = [before.children?.[key], after?.[key]];
    return typeof was === 'number' && typeof is === 'number' ? round1((is - was) / 100) : null;
  };
  return {
    workerProcess: round1((own.user + own.system) / 1e6),
    temporalServer: diff('temporal'),
    postgres: diff('postgres'),
  };
}

/**
 * CPU ticks of this process's descendants by kind (the dev server, the embedded Postgres and its
 * backends, counting reaped children too), from /proc; null where /proc is not there.
 */
function childCpuTicks(): { temporal: number | null; postgres: number | null } | null {
  const stats = procStats();
  if (!stats) return null;
  const mine = descendants(stats, process.pid);
  // null for a kind this process did not start (PostgreSQL on DATABASE_URL's server is not ours to count).
  const sum = (comm: string) => {
    const ours = stats.filter((s) => s.pid !== process.pid && mine.has(s.pid) && s.comm === comm);
    return ours.length === 0 ? null : ours.reduce((t, s) => t + s.ticks, 0);
  };
  return { temporal: sum('temporal'), postgres: sum('postgres') };
}

/**
 * CPU seconds so far of a process and its descendants (a server run through tsx is a child of its
 * launcher), reaped children included; null where /proc is not there.
 */
export function treeCpuSeconds(pid: number): number | null {
  const stats = procStats();
  if (!stats) return null;
  const tree = descendants(stats, pid);
  // /proc counts in clock ticks, 100 a second on Linux.
  return stats.filter((s) => tree.has(s.pid)).reduce((t, s) => t + s.ticks, 0) / 100;
}

type ProcStat = { pid: number; ppid: number; comm: string; ticks: number };

function procStats(): ProcStat[] | null {
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name) => {
        const stat = procStat(Number(name));
        return stat ? [{ pid: Number(name), ...stat }] : []; // exited meanwhile
      });
  } catch {
    return null;
  }
}

/** The process and all its descendants. */
function descendants(stats: ProcStat[], root: number): Set<number> {
  const mine = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats)
      if (!mine.has(s.pid) && mine.has(s.ppid)) {
        mine.add(s.pid);
        grew = true;
      }
  }
  return mine;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
