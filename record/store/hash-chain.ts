// The per-stream hash chain: each event's hash covers the previous event's hash and the event's own
// content, so changing, deleting, inserting or reordering a stored row breaks the chain from there on.
//   hash = sha256_hex(prev_hash || canonical JSON of
//          { data, eventId, metadata, recordedAt, streamId, streamVersion, type })
import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { EventRecord } from './recorded-event.ts';

/** prev_hash of every stream's first event. */
export const genesisHash = '0'.repeat(64);

export interface HashedContent {
  streamId: string;
  streamVersion: number;
  /** Lower-case, as Postgres returns uuids. */
  eventId: string;
  type: string;
  /** canonicalJson(data): callers compute it once and also store it. */
  dataJson: string;
  /** canonicalJson(metadata). */
  metadataJson: string;
  /** ISO 8601 with milliseconds, UTC (Date#toISOString). */
  recordedAt: string;
}

export function eventHash(prevHash: string, event: HashedContent): string {
  // The members in canonical (sorted) key order, written out directly: this runs for every appended
  // and every verified event, and data/metadata are already canonical.
  const content =
    `{"data":${event.dataJson},"eventId":${JSON.stringify(event.eventId)},"metadata":${event.metadataJson},` +
    `"recordedAt":${JSON.stringify(event.recordedAt)},"streamId":${JSON.stringify(event.streamId)},` +
    `"streamVersion":${event.streamVersion},"type":${JSON.stringify(event.type)}}`;
  return sha256Hex(prevHash + content);
}

// crypto.hash (Node >= 20.12) skips the Hash object; noticeably faster for many small inputs.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** The same content hashed from a stored events row (data and metadata as parsed from jsonb). */
export function storedEventHash(
  row: Omit<EventRecord, 'global_position' | 'transaction_id' | 'hash'>,
): string {
  return eventHash(row.prev_hash, {
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    eventId: row.event_id,
    type: row.type,
    dataJson: canonicalJson(row.data),
    metadataJson: canonicalJson(row.metadata),
    recordedAt: row.recorded_at.toISOString(),
  });
}
