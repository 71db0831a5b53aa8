// Faults injected on purpose, for the chaos suite only (`npm run chaos`): with
// SIKLUS_CHAOS_FAULT_AFTER_COMMIT=p (0 < p <= 1) an event-recording activity throws, with probability p,
// AFTER its transaction committed, so Temporal retries it and the idempotent append must write nothing
// twice. Off unless that variable is set: production never sets it, `npm start` and the worker log a loud
// warning when it is. Read once, when the worker starts.
export const faultAfterCommitVariable = 'SIKLUS_CHAOS_FAULT_AFTER_COMMIT';
/** The line each injected fault logs; the chaos run counts them in the worker's output. */
export const injectedFaultMarker = 'CHAOS: injected fault after commit';

export interface InjectedFaults {
  /** Probability that a committed recordEvents throws (0: never). */
  afterCommit: number;
  /** Told of each injected fault (logs the marker line by default). */
  onInjected?: (what: string) => void;
  /** The random draw in [0, 1) (Math.random by default; tests pass their own). */
  random?: () => number;
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
