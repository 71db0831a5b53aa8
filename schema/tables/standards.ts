// Kysely types of the standards rounds' read models (migration 0013).
import type { ColumnType, JSONColumnType } from 'kysely';
import type { Standard } from '../../domain/standards/payloads.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface StandardRoundsTable {
  round_id: string;
  org_id: string;
  status: 'open' | 'windowClosed' | 'closed';
  deadline: Timestamp;
  started_by: string;
  started_at: Timestamp;
  closed_at: NullableTimestamp;
  version: number;
  /** The round's state, folded by domain/standards/state.ts. */
  state: ColumnType<unknown, string, string>;
}

export interface StandardVersionsTable {
  org_id: string;
  position_code: string;
  version: number;
  round_id: string;
  standard: JSONColumnType<Standard>;
  decisions: JSONColumnType<
    Array<{ commentId: string; proposedBy: string; answer: string; reason: string | null; decidedBy: string }>
  >;
  published_by: string;
  published_at: Timestamp;
}

export interface StandardsTables {
  standard_rounds: StandardRoundsTable;
  standard_versions: StandardVersionsTable;
}
