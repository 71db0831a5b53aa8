// The database's tables as Kysely sees them, kept by hand in sync with schema/migrations/.
// Conventions (see schema/db.ts): int8 columns arrive as JS numbers (global positions stay far below
// 2^53; a larger value fails the query instead of losing precision); xid8 stays a decimal string;
// timestamptz arrives as Date; jsonb is written as JSON text and arrives parsed.
import type { ColumnType, Generated } from 'kysely';
import type { AppraisalTables } from './tables/appraisal.ts';
import type { MeasureTables } from './tables/measures.ts';
import type { OrganisationTables } from './tables/organisation.ts';
import type { PeriodicTables } from './tables/periodic.ts';
import type { StandardsTables } from './tables/standards.ts';

/** Written as JSON text, read back parsed. */
export type Json = ColumnType<unknown, string, never>;

export interface StreamsTable {
  stream_id: string;
  /** Version of the stream's last event (the row is created with the first). */
  version: number;
  /** `hash` of the stream's last event. */
  head_hash: string;
  updated_at: Generated<Date>;
}

/** Append-only: a trigger rejects UPDATE, DELETE and TRUNCATE. */
export interface EventsTable {
  global_position: ColumnType<number, never, never>;
  /** xid8 of the appending transaction; readers page by (transaction_id, global_position). */
  transaction_id: ColumnType<string, never, never>;
  stream_id: ColumnType<string, string, never>;
  stream_version: ColumnType<number, number, never>;
  event_id: ColumnType<string, string, never>;
  type: ColumnType<string, string, never>;
  data: Json;
  metadata: Json;
  recorded_at: ColumnType<Date, string, never>;
  prev_hash: ColumnType<string, string, never>;
  hash: ColumnType<string, string, never>;
}

export const readKinds = ['evaluationFile', 'objectionFile', 'reviewIdentities', 'document'] as const;
export type ReadKind = (typeof readKinds)[number];

/** Append-only (migration 0014): who opened whose record, never the record itself. */
export interface ReadTrailTable {
  id: Generated<number>;
  org_id: ColumnType<string, string, never>;
  cycle_id: ColumnType<string, string, never>;
  subject: ColumnType<string, string, never>;
  reader_nip: ColumnType<string, string, never>;
  kind: ColumnType<ReadKind, ReadKind, never>;
  detail: ColumnType<string | null, string | null | undefined, never>;
  via: ColumnType<'api' | 'web', 'api' | 'web', never>;
  request_id: ColumnType<string, string, never>;
  read_at: ColumnType<Date, never, never>;
}

/** Append-only (migration 0020): a workflow run's Temporal history, kept after its server let it go. */
export interface ArchivedHistoriesTable {
  workflow_id: ColumnType<string, string, never>;
  run_id: ColumnType<string, string, never>;
  cycle_id: ColumnType<string, string, never>;
  workflow_type: ColumnType<string, string, never>;
  status: ColumnType<string, string, never>;
  events: ColumnType<number, number, never>;
  /** temporal.api.history.v1.History, protobuf-encoded. */
  history: ColumnType<Buffer, Buffer, never>;
  archived_at: ColumnType<Date, never, never>;
}

export interface Database
  extends OrganisationTables,
    AppraisalTables,
    PeriodicTables,
    StandardsTables,
    MeasureTables {
  streams: StreamsTable;
  events: EventsTable;
  read_trail: ReadTrailTable;
  archived_histories: ArchivedHistoriesTable;
}
