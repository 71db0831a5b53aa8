// Test-only workflows that prove the Temporal servers work: an activity round trip, a long durable
// sleep (for the time-skipping server), and a workflow that must survive a dev server restart.
import {
  condition,
  defineQuery,
  defineSignal,
  proxyActivities,
  setHandler,
  sleep,
} from '@temporalio/workflow';
import type { InfrastructureActivities } from './activities.ts';

const { greet } = proxyActivities<InfrastructureActivities>({ startToCloseTimeout: '30 seconds' });

/** Workflow → activity → workflow → client. */
export async function greetingRoundTrip(name: string): Promise<string> {
  const greeting = await greet(name);
  return `${greeting}!`;
}

/** Sleeps durably and reports the workflow's own clock before and after. */
export async function sleepFor(durationMs: number): Promise<{ startedAt: number; wokeAt: number }> {
  const startedAt = Date.now();
  await sleep(durationMs);
  return { startedAt, wokeAt: Date.now() };
}

export const addSignal = defineSignal<[number]>('add');
export const releaseSignal = defineSignal('release');
export const sumQuery = defineQuery<number>('sum');

/** Sums `add` signals until `release`; its history is what a server restart must keep. */
export async function sumUntilReleased(): Promise<number> {
  let sum = 0;
  let released = false;
  setHandler(addSignal, (value) => {
    sum += value;
  });
  setHandler(releaseSignal, () => {
    released = true;
  });
  setHandler(sumQuery, () => sum);
  await condition(() => released);
  return sum;
}
