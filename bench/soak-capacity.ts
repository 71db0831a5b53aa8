// How much of the machine the soak's phases use: the CPU of this process and of everything it started
// (the dev server, its own PostgreSQL, the API, the load generator), from /proc. The idle launch's cores
// and the load's alone, added, are what the busy phase asks of the machine: above its cores, the launch
// and the load wait for each other, and the launch's rate and the load's latency cannot both hold.
import { availableParallelism } from 'node:os';
import { treeCpuSeconds } from './process-usage.ts';

export interface CpuMark {
  at: number;
  /** CPU seconds so far of this process and its descendants; null without /proc. */
  seconds: number | null;
}

export const cpuMark = (): CpuMark => ({ at: Date.now(), seconds: treeCpuSeconds(process.pid) });

/** Cores used on average between two marks; null without /proc or for a window shorter than `minMs`. */
export function coresBetween(from: CpuMark, to: CpuMark, minMs = 1): number | null {
  const ms = to.at - from.at;
  if (from.seconds === null || to.seconds === null || ms < minMs) return null;
  return round2((to.seconds - from.seconds) / (ms / 1000));
}

/**
 * The soak's capacity figures. `busyDemand` is the idle launch's cores and the load's added, against the
 * machine's cores: above 1, the busy phase asks for more CPU than there is.
 */
export function soakCapacity(
  idleLaunchCores: number | null,
  load: { cores: number | null; windowMs: number },
  countsPostgres: boolean,
  cores: number = availableParallelism(),
) {
  const demand =
    idleLaunchCores !== null && load.cores !== null ? round2((idleLaunchCores + load.cores) / cores) : null;
  return {
    cores,
    idleLaunchCores,
    loadCores: load.cores,
    loadWindowMs: load.windowMs,
    busyDemand: demand,
    // PostgreSQL on DATABASE_URL's server is not this process's child: its CPU is not in the figures.
    countsPostgres,
  };
}

/** The shortest stretch of load alone worth a figure: a tenth of the run. */
export const minLoadWindowMs = (seconds: number) => (seconds * 1000) / 10;

const round2 = (n: number) => Math.round(n * 100) / 100;
