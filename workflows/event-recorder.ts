// Records decided events through the `recordEvents` activity (the caller serialises calls). Event ids are made here (deterministic uuid4), so an activity retry appends
// nothing twice; the stream version is known here because this workflow is the stream's only writer.
import {
  type ActivityOptions,
  patched,
  proxyActivities,
  proxyLocalActivities,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type * as activities from '../activities/index.ts';

type Activities = ReturnType<typeof activities.createActivities>;

const options: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['DomainError'],
  },
};
const { recordEvents } = proxyActivities<Activities>(options);
// The same activity run as a local activity, in the workflow task that decided the events: no
// activity task through the server and no second workflow task to take its result. A year for 200
// employees cost the test server 9 s of CPU and the worker's connection threads 1-2 s less per 100.
// Workflows that recorded activities before this patch replay through them.
const { recordEvents: recordEventsLocally } = proxyLocalActivities<Activities>(options);

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
      const record = patched('record-events-locally') ? recordEventsLocally : recordEvents;
      await record({ streamId, expectedVersion: version, events: envelopes });
      version += envelopes.length;
      return version;
    },
  };
}
