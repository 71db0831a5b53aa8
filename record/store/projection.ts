// Read models updated inside the append's own transaction: they commit with the events or not at all,
// so a read model never runs ahead of or behind the log.
import type { Transaction } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { ProjectionFailedError } from './errors.ts';
import type { EventRegistry } from './event-registry.ts';
import type { RecordedEvent } from './types.ts';

export interface Projection<R extends EventRegistry = EventRegistry> {
  /** Names the projection in errors. */
  name: string;
  /** Event types it wants; `apply` is called only with these, and not at all when none were appended. */
  handles: ReadonlyArray<keyof R & string>;
  apply(trx: Transaction<Database>, events: ReadonlyArray<RecordedEvent<R>>): Promise<void>;
}

/** Runs each projection over its events in log order; a throw rolls the whole append back. */
export async function runProjections<R extends EventRegistry>(
  trx: Transaction<Database>,
  projections: ReadonlyArray<Projection<R>>,
  events: ReadonlyArray<RecordedEvent<R>>,
): Promise<void> {
  for (const projection of projections) {
    const handled = new Set<string>(projection.handles);
    const relevant = events.filter((event) => handled.has(event.type));
    if (relevant.length === 0) continue;
    try {
      await projection.apply(trx, relevant);
    } catch (error) {
      throw new ProjectionFailedError(projection.name, error);
    }
  }
}
