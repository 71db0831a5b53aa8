// Kysely types of the periodic evaluation's read models (migration 0008).
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface PeriodEvaluationsTable {
  appraisal_id: string;
  period: string;
  cycle_id: string;
  org_id: string;
  nip: string;
  unit_code: string;
  deadline: Timestamp;
  realisation_at: NullableTimestamp;
  results: string | null;
  behaviour: string | null;
  predikat: string | null;
  rated_as: 'rater' | 'superior' | 'hr' | null;
  rated_by: string | null;
  rated_at: NullableTimestamp;
  escalated_to: 'superior' | 'hr' | null;
  acknowledged_at: NullableTimestamp;
  missed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface UnitPeriodPredikatTable {
  cycle_id: string;
  unit_code: string;
  period: string;
  unit_predikat: string;
  set_by: string;
  set_at: Timestamp;
  /** Migration 0012: as whom (leader, delegate) and the basis; null before. */
  set_as: ColumnType<string | null, string | null | undefined, string | null>;
  document: ColumnType<string | null, string | null | undefined, string | null>;
  note: ColumnType<string | null, string | null | undefined, string | null>;
  links: ColumnType<string[] | null, string | null | undefined, string | null>;
}

export interface PeriodicTables {
  period_evaluations: PeriodEvaluationsTable;
  unit_period_predikat: UnitPeriodPredikatTable;
}
