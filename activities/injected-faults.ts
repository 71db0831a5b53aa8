// Faults injected on purpose, for the chaos suite only (`npm run chaos`): with
// SIKLUS_CHAOS_FAULT_AFTER_COMMIT=p (0 < p <= 1) an event-recording activity throws, with probability p,
// AFTER its transaction committed, so Temporal retries it and the idempotent append must write nothing
// twice. Off unless that variable is set: production never sets it, `npm start` and the worker log a loud
// warning when it is. Read once, when the worker starts.
// With SIKLUS_CHAOS_PARK_RELEASE=<cycle id>/<unit code> the first attempt of that unit's release stops
// after signalling the first group (up to 25) of the unit's appraisals and waits there, heartbeating,
// until the worker is killed; the retry, on the restarted worker, runs through. The calibration drill
// kills the worker there: inside the cycle's calibration, the unit's calibration recorded, its release not.
import { parseCycleId } from '../domain/ids.ts';

export const faultAfterCommitVariable = 'SIKLUS_CHAOS_FAULT_AFTER_COMMIT';
/** The line each injected fault logs; the chaos run counts them in the worker's output. */
export const injectedFaultMarker = 'CHAOS: injected fault after commit';
export const parkReleaseVariable = 'SIKLUS_CHAOS_PARK_RELEASE';
/** The line a parked release logs; the chaos run kills the worker when it sees it. */
export const parkedMarker = 'CHAOS: parked';

export interface InjectedFaults {
  /** Probability that a committed recordEvents throws (0: never). */
  afterCommit: number;
  /** Told of each injected fault (logs the marker line by default). */
  onInjected?: (what: string) => void;
  /** The random draw in [0, 1) (Math.random by default; tests pass their own). */
  random?: () => number;
  /** The unit whose release parks the worker until it is killed, on its first attempt (none: never). */
  parkRelease?: { cycleId: string; unitCode: string };
  /** Told when a release parks (logs the parked marker line by default). */
  onParked?: (what: string) => void;
}

export const noFaults: InjectedFaults = { afterCommit: 0 };

/**
 * The faults the environment asks for: none without the variable; a probability in (0, 1] otherwise,
 * with a warning on stderr. Anything else is an error, so a typo cannot quietly leave a chaos run
 * without its faults.
 */
export function injectedFaultsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void = (line) => console.error(line),
): InjectedFaults {
  const faults = afterCommitFromEnv(env, warn);
  const park = env[parkReleaseVariable]?.trim();
  if (!park) return faults;
  const [cycleId = '', unitCode = ''] = park.split('/');
  if (!parseCycleId(cycleId) || !unitCode || park.split('/').length !== 2)
    throw new Error(`${parkReleaseVariable} must be <cycle id>/<unit code>; got '${park}'`);
  warn(
    `WARNING: ${parkReleaseVariable}=${park}: that unit's release PARKS the worker until it is killed (chaos testing only; never set this in production)`,
  );
  return {
    ...faults,
    parkRelease: { cycleId, unitCode },
    onParked: (what) => console.error(`${parkedMarker}: ${what}`),
  };
}

function afterCommitFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  warn: (line: string) => void,
): InjectedFaults {
  const raw = env[faultAfterCommitVariable];
  if (raw === undefined || raw.trim() === '') return noFaults;
  const afterCommit = Number(raw);
  if (!Number.isFinite(afterCommit) || afterCommit <= 0 || afterCommit > 1)
    throw new Error(`${faultAfterCommitVariable} must be a probability in (0, 1]; got '${raw}'`);
  warn(
    `WARNING: ${faultAfterCommitVariable}=${afterCommit}: activities FAIL ON PURPOSE after their commit (chaos testing only; never set this in production)`,
  );
  return {
    afterCommit,
    onInjected: (what) => console.error(`${injectedFaultMarker}: ${what}`),
  };
}

/** Throws (a retryable error) with the faults' probability; called after a commit. */
export function maybeFailAfterCommit(faults: InjectedFaults, what: string): void {
  if (faults.afterCommit <= 0) return;
  if ((faults.random ?? Math.random)() >= faults.afterCommit) return;
  faults.onInjected?.(what);
  throw new Error(`${injectedFaultMarker} (${what}); a retry must find it recorded`);
}

/** Whether this signalling parks: the release of the unit asked for, on its first attempt only. */
export function parksRelease(
  faults: InjectedFaults,
  input: { cycleId: string; unitCode?: string; signal: { name: string } },
  attempt: number,
): boolean {
  const park = faults.parkRelease;
  return (
    park !== undefined &&
    park.cycleId === input.cycleId &&
    park.unitCode === input.unitCode &&
    input.signal.name === 'release' &&
    attempt === 1
  );
}

/**
 * Waits until the process is killed, heartbeating so that Temporal does not give the attempt to another
 * worker meanwhile; ends (throwing) only if the activity is cancelled, e.g. by a graceful shutdown.
 */
export async function parkUntilKilled(
  faults: InjectedFaults,
  what: string,
  activity: { heartbeat(): void; cancelled: Promise<never> },
): Promise<never> {
  faults.onParked?.(what);
  const timer = setInterval(() => activity.heartbeat(), 2_000);
  try {
    return await activity.cancelled;
  } finally {
    clearInterval(timer);
  }
}
