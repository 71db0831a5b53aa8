// The one activity that writes the domain record: appends a workflow's decided events to its stream
// and updates the projections in the same transaction. Idempotent: the event ids come from the
// workflow, so a retry after a lost reply returns the original positions and writes nothing twice.
import { ApplicationFailure } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import { eventSchemas } from '../domain/event-registry.ts';
import { projections } from '../record/projections/index.ts';
import { appendToStream, type EventMetadata, EventStoreError, type NewEvent } from '../record/store/index.ts';
import type { Database } from '../schema/database.ts';
import { type InjectedFaults, maybeFailAfterCommit, noFaults } from './injected-faults.ts';

export interface RecordEventsInput {
  streamId: string;
  expectedVersion: number;
  events: Array<{ eventId: string; type: string; data: unknown; metadata: EventMetadata }>;
}

export function createRecordEvents(deps: { db: Kysely<Database>; faults?: InjectedFaults }) {
  const faults = deps.faults ?? noFaults;
  return async function recordEvents(input: RecordEventsInput): Promise<{ version: number }> {
    let result: Awaited<ReturnType<typeof appendToStream>>;
    try {
      result = await appendToStream(
        deps.db,
        eventSchemas,
        input.streamId,
        input.events as NewEvent<typeof eventSchemas>[],
        {
          expectedVersion: input.expectedVersion,
          projections,
        },
      );
    } catch (error) {
      // Bad data or a conflicting writer will not heal by retrying: fail the workflow task's call loudly.
      if (error instanceof EventStoreError && error.code !== 'projection_failed') {
        throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
      }
      throw error;
    }
    // Only in a chaos run (activities/injected-faults.ts): the commit is made, the answer lost.
    maybeFailAfterCommit(faults, `recordEvents ${input.streamId} v${input.expectedVersion + 1}`);
    return { version: result.nextExpectedVersion };
  };
}
