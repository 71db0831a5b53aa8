// The registry is the single list of event types a store accepts: type → zod schema of the data.
// Production passes the domain's registry; tests pass their own. Schemas must survive a JSON round
// trip (the output of parsing must parse again to itself): data is stored as jsonb and re-validated
// on every read.
import { EventSchemaInvalidError, UnknownEventTypeError } from './errors.ts';
import type { EventRegistry } from './types.ts';

export type { EventRegistry };

interface Where {
  streamId: string;
  index?: number;
  streamVersion?: number;
}

/** The schema's output for `data`, or a typed error naming the event. */
export function parseEventData(registry: EventRegistry, type: string, data: unknown, where: Where): unknown {
  // hasOwn: a type named "constructor" or "toString" must not find Object.prototype's members.
  const schema = Object.hasOwn(registry, type) ? registry[type] : undefined;
  if (!schema) throw new UnknownEventTypeError(type, where);
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
    throw new EventSchemaInvalidError(type, where, issues);
  }
  return result.data;
}
