// Everything about an append that can be checked without the database, done before any write:
// stream id, expected version, event ids, and each event's data and metadata against their schemas.
import { canonicalJson } from './canonical-json.ts';
import { EventMetadataInvalidError, InvalidAppendError } from './errors.ts';
import { type EventMetadata, eventMetadataSchema } from './event-metadata.ts';
import { type EventRegistry, parseEventData } from './event-registry.ts';
import type { ExpectedVersion, NewEvent } from './types.ts';

export interface PreparedEvent {
  /** Lower-cased, as Postgres returns uuids (the hash must match what is read back). */
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
  dataJson: string;
  metadataJson: string;
}

export interface PreparedAppend {
  streamId: string;
  /** 'no_stream' is normalised to 0. */
  expectedVersion: number | 'any';
  events: PreparedEvent[];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const maxStreamIdLength = 500;

export function prepareAppend(
  registry: EventRegistry,
  streamId: string,
  events: ReadonlyArray<NewEvent>,
  expectedVersion: ExpectedVersion,
): PreparedAppend {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > maxStreamIdLength) {
    throw new InvalidAppendError(String(streamId), `stream id must be 1 to ${maxStreamIdLength} characters`);
  }
  if (events.length === 0) throw new InvalidAppendError(streamId, 'no events');
  const expected = expectedVersion === 'no_stream' ? 0 : expectedVersion;
  if (expected !== 'any' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new InvalidAppendError(streamId, `expected version ${String(expectedVersion)} is not a version`);
  }
  const seen = new Set<string>();
  const prepared = events.map((event, index): PreparedEvent => {
    const eventId = typeof event.eventId === 'string' ? event.eventId.toLowerCase() : '';
    if (!uuidPattern.test(eventId)) {
      throw new InvalidAppendError(
        streamId,
        `event id ${JSON.stringify(event.eventId)} at index ${index} is not a UUID`,
      );
    }
    if (seen.has(eventId)) throw new InvalidAppendError(streamId, `event id ${eventId} appears twice`);
    seen.add(eventId);
    const data = parseEventData(registry, event.type, event.data, { streamId, index });
    const metadataResult = eventMetadataSchema.safeParse(event.metadata);
    if (!metadataResult.success) {
      const issues = metadataResult.error.issues.map((issue) => ({
        path: issue.path,
        message: issue.message,
      }));
      throw new EventMetadataInvalidError({ streamId, index }, issues);
    }
    const metadata = metadataResult.data;
    return {
      eventId,
      type: event.type,
      data,
      metadata,
      dataJson: canonicalJson(data),
      metadataJson: canonicalJson(metadata),
    };
  });
  return { streamId, expectedVersion: expected, events: prepared };
}
