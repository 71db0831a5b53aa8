// Kysely types of the cycle's read models (migration 0003).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CyclesTable {
  cycle_id: string;
  org_id: string;
  year: number;
  status: 'running' | 'closed';
  calendar: JSONColumnType<Record<string, unknown>>;
  population: JSONColumnType<{ unitCodes?: string[]; positionCodes?: string[] }>;
  started_by: string;
  started_at: Timestamp;
  launched: Generated<number>;
  closed_at: NullableTimestamp;
  /** The seal of the closed cycle (migration 0004, audit/seal.ts). */
  seal_digest: string | null;
  sealed_at: NullableTimestamp;
  sealed_position: number | null;
}

export interface CycleMembersTable {
  cycle_id: string;
  nip: string;
  appraisal_id: string;
  workflow_id: string;
  unit_code: string;
  launched_at: Generated<Date>;
  started_at: NullableTimestamp;
}

export interface UnitCalibrationTable {
  cycle_id: string;
  unit_code: string;
  unit_predikat: string | null;
  ok: boolean | null;
  violations: ColumnType<Array<{ rule: string; message: string }>, string | undefined, string>;
  released_at: NullableTimestamp;
  /** Migration 0012: who set the year's capaian, as whom (leader, delegate), and its basis. */
  capaian_by: ColumnType<string | null, string | null | undefined, string | null>;
  capaian_as: ColumnType<string | null, string | null | undefined, string | null>;
  capaian_document: ColumnType<string | null, string | null | undefined, string | null>;
  capaian_note: ColumnType<string | null, string | null | undefined, string | null>;
  capaian_links: ColumnType<string[] | null, string | null | undefined, string | null>;
  capaian_at: ColumnType<Date | null, string | null | undefined, string | null>;
}

/** Migration 0012: a unit's penetapan (record/projections/cycle-projection.ts). */
export interface UnitPenetapanTable {
  cycle_id: string;
  unit_code: string;
  stage: string;
  assignee_nip: string | null;
  leader_nip: string | null;
  superior_nip: string | null;
  deadline: Timestamp;
  findings: ColumnType<Array<{ rule: string; message: string }>, string, string>;
  pack: string;
  opened_at: Timestamp;
  signed_by: ColumnType<string | null, string | null | undefined, string | null>;
  signed_as: ColumnType<string | null, string | null | undefined, string | null>;
  signed_at: NullableTimestamp;
  conforming: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  justifications: ColumnType<
    Array<{ rule: string; text: string }> | null,
    string | null | undefined,
    string | null
  >;
}

/** Migration 0016: a unit's penetapan of one evaluation period. */
export interface UnitPeriodPenetapanTable extends Omit<UnitPenetapanTable, 'findings'> {
  period: string;
  capaian: string;
  counts: ColumnType<Partial<Record<string, number>>, string, string>;
  findings: ColumnType<Array<{ rule: string; message: string }>, string, string>;
}

export interface AppraisalsTable {
  appraisal_id: string;
  cycle_id: string;
  org_id: string;
  nip: string;
  unit_code: string;
  supervisor_nip: string | null;
  superior_nip: string | null;
  step: string;
  deadline: NullableTimestamp;
  predikat: string | null;
  released_at: NullableTimestamp;
  version: number;
  state: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface TasksTable {
  task_id: string;
  appraisal_id: string;
  cycle_id: string;
  org_id: string;
  kind: string;
  step: string;
  assignee_nip: string | null;
  assignee_role: string;
  due_at: NullableTimestamp;
  status: 'open' | 'completed' | 'expired' | 'cancelled';
  created_at: Timestamp;
  closed_at: NullableTimestamp;
  reminded_at: NullableTimestamp;
}

export interface NotificationsTable {
  notification_id: Generated<number>;
  org_id: string;
  task_id: string;
  recipient_nip: string | null;
  recipient_role: string;
  kind: 'assigned' | 'reminder' | 'escalation';
  event_id: string;
  created_at: Timestamp;
  transaction_id: ColumnType<string, never, never>;
  email_status: Generated<'pending' | 'retry' | 'sent' | 'failed' | 'skipped'>;
  email_attempts: Generated<number>;
  email_next_attempt_at: Generated<Date>;
  email_sent_at: NullableTimestamp;
  email_error: string | null;
}

export interface ActivityReportsTable {
  appraisal_id: string;
  report_id: string;
  org_id: string;
  nip: string;
  supervisor_nip: string | null;
  date: string;
  description: string;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  org_id: string;
  principal_nip: string;
  key: string;
  request_hash: string;
  status: number | null;
  content_type: string | null;
  body: string | null;
  created_at: Generated<Date>;
  /** Who holds the claim while the request runs. */
  claim_id: string | null;
  /** The claim's lease: after it, a retry may run the request again. */
  claimed_until: Date | null;
}

export interface AppraisalTables {
  cycles: CyclesTable;
  cycle_members: CycleMembersTable;
  unit_calibration: UnitCalibrationTable;
  unit_penetapan: UnitPenetapanTable;
  unit_period_penetapan: UnitPeriodPenetapanTable;
  appraisals: AppraisalsTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  activity_reports: ActivityReportsTable;
  idempotency_keys: IdempotencyKeysTable;
}
