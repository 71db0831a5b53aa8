import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { type AppendOutcome, appendPrepared } from './append-prepared.ts';
import { EventStoreError, InvalidAppendError } from './errors.ts';
import type { EventRegistry } from './event-registry.ts';
import { type PreparedAppend, prepareAppend } from './prepare-append.ts';
import type { Projection } from './projection.ts';
import type { ExpectedVersion, NewEvent } from './types.ts';

export interface StreamAppend<R extends EventRegistry> {
  streamId: string;
  events: ReadonlyArray<NewEvent<R>>;
  expectedVersion: ExpectedVersion;
}

export type { AppendOutcome };

/**
 * Appends to many streams in one transaction and one INSERT (e.g. starting a whole cycle's appraisals).
 * Each append succeeds or fails on its own: the result has one outcome per append, in order, and an
 * invalid or conflicting append does not stop the others. Throws only when nothing was written (a
 * projection failed, the database is unreachable).
 */
export async function appendMany<R extends EventRegistry>(
  db: Kysely<Database>,
  registry: R,
  appends: ReadonlyArray<StreamAppend<R>>,
  options: { projections?: ReadonlyArray<Projection<R>> } = {},
): Promise<AppendOutcome[]> {
  const outcomes = new Array<AppendOutcome | undefined>(appends.length);
  const valid: Array<{ index: number; prepared: PreparedAppend }> = [];
  const streams = new Set<string>();
  const eventIds = new Set<string>();
  appends.forEach((append, index) => {
    try {
      const prepared = prepareAppend(
        registry,
        append.streamId,
        append.events as ReadonlyArray<NewEvent>,
        append.expectedVersion,
      );
      // One append per stream (the chain of one stream is built from one head), and no id twice.
      if (streams.has(prepared.streamId)) {
        throw new InvalidAppendError(prepared.streamId, 'the batch has another append to this stream');
      }
      const repeated = prepared.events.find((event) => eventIds.has(event.eventId));
      if (repeated)
        throw new InvalidAppendError(
          prepared.streamId,
          `event id ${repeated.eventId} appears twice in the batch`,
        );
      streams.add(prepared.streamId);
      for (const event of prepared.events) eventIds.add(event.eventId);
      valid.push({ index, prepared });
    } catch (error) {
      if (!(error instanceof EventStoreError)) throw error;
      outcomes[index] = { ok: false, error };
    }
  });
  if (valid.length > 0) {
    const written = await appendPrepared(
      db,
      valid.map((item) => item.prepared),
      // Safe: projections only ever receive events of R, validated against R's schemas.
      (options.projections ?? []) as unknown as ReadonlyArray<Projection>,
    );
    valid.forEach((item, i) => {
      outcomes[item.index] = written[i];
    });
  }
  return outcomes as AppendOutcome[];
}
