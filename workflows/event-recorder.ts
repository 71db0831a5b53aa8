// Records decided events through the `recordEvents` activity (the caller serialises calls). Event ids are made here (deterministic uuid4), so an activity retry appends
// nothing twice; the stream version is known here because this workflow is the stream's only writer.
import { proxyActivities, uuid4, workflowInfo } from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';

const { recordEvents } = proxyActivities<ReturnType<typeof activities.createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['DomainError'],
  },
});

export interface Recorder {
  /** Appends the events (in order, in one transaction) and returns the stream version after them. */
  record(
    events: ReadonlyArray<{ type: string; data: unknown }>,
    actorNip: string,
    causationId?: string,
  ): Promise<number>;
  readonly version: number;
}

export function createRecorder(streamId: string, tenant: string, startVersion = 0): Recorder {
  let version = startVersion;
  const { workflowId, runId } = workflowInfo();
  return {
    get version() {
      return version;
    },
    async record(events, actorNip, causationId) {
      if (events.length === 0) return version;
      const envelopes = events.map((event) => ({
        eventId: uuid4(),
        type: event.type,
        data: event.data,
        metadata: {
          actor: actorNip,
          tenant,
          workflowId,
          runId,
          correlationId: workflowId,
          ...(causationId ? { causationId } : {}),
        },
      }));
      await recordEvents({ streamId, expectedVersion: version, events: envelopes });
      version += envelopes.length;
      return version;
    },
  };
}
