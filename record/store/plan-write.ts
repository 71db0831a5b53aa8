// What an append will write: each event's version and hash, chained from its stream's head as read.
import { eventHash, genesisHash } from './hash-chain.ts';
import type { PreparedAppend } from './prepare-append.ts';
import type { StreamHead } from './stream-heads.ts';
import type { RecordedEvent } from './types.ts';
import type { EventRow, HeadMove, InsertedEvent } from './write-events.ts';

export interface WritePlan {
  recordedAt: string;
  rows: EventRow[];
  rowsByEventId: Map<string, EventRow>;
  moves: HeadMove[];
  /** The prepared events in row order (for the projections). */
  payloads: PreparedAppend['events'];
}

/** Versions and hashes for every event, chained from each stream's head as read. */
export function planWrite(appends: PreparedAppend[], heads: Map<string, StreamHead>): WritePlan {
  const recordedAt = new Date().toISOString();
  const rows: EventRow[] = [];
  const moves: HeadMove[] = [];
  const payloads: PreparedAppend['events'] = [];
  for (const append of appends) {
    const head = heads.get(append.streamId);
    let prevHash = head?.headHash ?? genesisHash;
    let version = head?.version ?? 0;
    for (const event of append.events) {
      version += 1;
      const hash = eventHash(prevHash, {
        ...event,
        streamId: append.streamId,
        streamVersion: version,
        recordedAt,
      });
      rows.push({
        streamId: append.streamId,
        streamVersion: version,
        eventId: event.eventId,
        type: event.type,
        dataJson: event.dataJson,
        metadataJson: event.metadataJson,
        prevHash,
        hash,
      });
      payloads.push(event);
      prevHash = hash;
    }
    moves.push({ streamId: append.streamId, fromVersion: head?.version, version, headHash: prevHash });
  }
  return { recordedAt, rows, rowsByEventId: new Map(rows.map((row) => [row.eventId, row])), moves, payloads };
}

/** The events as written, for the projections (streams lost to a concurrent writer left out). */
export function recordedEvents(plan: WritePlan, inserted: Map<string, InsertedEvent>): RecordedEvent[] {
  const recordedAt = new Date(plan.recordedAt);
  return plan.rows.flatMap((row, i) => {
    const at = inserted.get(row.eventId);
    if (!at) return [];
    const { data, metadata } = plan.payloads[i]!;
    const { streamId, streamVersion, eventId, type, prevHash, hash } = row;
    return [{ ...at, streamId, streamVersion, eventId, type, data, metadata, recordedAt, prevHash, hash }];
  });
}
