// Settings read from the environment, with the embedded defaults `npm start` uses.
export const taskQueue = process.env.SIKLUS_TASK_QUEUE ?? 'siklus';
export const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';

/** Where the HTTP API listens: loopback only unless HOST says otherwise (the container image sets 0.0.0.0). */
export function hostFromEnv(): string {
  return process.env.HOST || '127.0.0.1';
}

export function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return value;
}

/** SIKLUS_IDEMPOTENCY_LEASE_S: how long an Idempotency-Key stays claimed by a request in flight. */
export function idempotencyLeaseMsFromEnv(): number | undefined {
  const raw = process.env.SIKLUS_IDEMPOTENCY_LEASE_S;
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 86_400) {
    throw new Error(`SIKLUS_IDEMPOTENCY_LEASE_S must be whole seconds (1-86400), got "${raw}"`);
  }
  return seconds * 1000;
}

/**
 * SIKLUS_WORKFLOW_CACHE: how many workflows a worker keeps in memory between their tasks (unset: the
 * SDK's figure from the heap size). An appraisal evicted from it replays its history at its next task.
 */
export function workflowCacheFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SIKLUS_WORKFLOW_CACHE;
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 2 || value > 1_000_000) {
    throw new Error(`SIKLUS_WORKFLOW_CACHE must be a whole number of workflows (2-1000000), got "${raw}"`);
  }
  return value;
}
