import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { appendPrepared } from './append-prepared.ts';
import type { EventRegistry } from './event-registry.ts';
import { prepareAppend } from './prepare-append.ts';
import type { Projection } from './projection.ts';
import type { AppendResult, ExpectedVersion, NewEvent } from './types.ts';

export interface AppendOptions<R extends EventRegistry> {
  /** The version the caller decided on; a stale one fails with ConcurrencyError. */
  expectedVersion: ExpectedVersion;
  /** Read models updated in the append's transaction. */
  projections?: ReadonlyArray<Projection<R>>;
}

/**
 * Appends events to one stream atomically. Every event is validated before anything is written.
 * Retrying an append that went through (same event ids, same expected version) writes nothing and
 * returns the original positions. Throws EventStoreError subclasses (see errors.ts) with stable codes.
 */
export async function appendToStream<R extends EventRegistry>(
  db: Kysely<Database>,
  registry: R,
  streamId: string,
  events: ReadonlyArray<NewEvent<R>>,
  options: AppendOptions<R>,
): Promise<AppendResult> {
  const prepared = prepareAppend(
    registry,
    streamId,
    events as ReadonlyArray<NewEvent>,
    options.expectedVersion,
  );
  const [outcome] = await appendPrepared(
    db,
    [prepared],
    // Safe: projections only ever receive events of R, validated against R's schemas.
    (options.projections ?? []) as unknown as ReadonlyArray<Projection>,
  );
  if (!outcome) throw new Error('appendPrepared returned no outcome');
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
