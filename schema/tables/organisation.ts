// Kysely types of the organisation tables (migrations 0002, 0007, 0009, 0010 and 0017).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { EmploymentStatus } from '../../domain/organisation/employment.ts';
import type { IndonesianTimeZone } from '../../domain/time/zones.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
  /** Migration 0007: WIB, WITA or WIT by IANA name; Asia/Jakarta unless set. */
  time_zone: Generated<IndonesianTimeZone>;
  /** Migration 0017: the region it governs (Provinsi Jambi), shown under its name; null until HR sets it. */
  region: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0017: its logo (PNG or JPEG) for the page header and the documents. */
  logo: ColumnType<Buffer | null, Buffer | null | undefined, Buffer | null>;
  logo_type: ColumnType<'image/png' | 'image/jpeg' | null, string | null | undefined, string | null>;
}

/** Migration 0017: each hand edit of the master data, who made it and when, with before and after. */
export interface OrganisationChangesTable {
  id: Generated<number>;
  org_id: string;
  kind: 'unit' | 'position' | 'employee' | 'organisation';
  key: string;
  by_nip: string;
  at: Generated<Date>;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string, never>;
}

/** Migration 0017: an evidence file (photo or PDF) of an appraisal, by its SHA-256. */
export interface EvidenceFilesTable {
  org_id: string;
  appraisal_id: string;
  sha256: string;
  name: string;
  content_type: 'image/png' | 'image/jpeg' | 'application/pdf';
  size: number;
  bytes: Buffer;
  uploaded_by: string;
  uploaded_at: Generated<Date>;
}

export interface UnitsTable {
  org_id: string;
  code: string;
  name: string;
  parent_code: string | null;
  /** Migration 0010: the NIP of whoever leads the unit (their rating hasil kerja is its capaian). */
  head_nip: ColumnType<string | null, string | null | undefined, string | null>;
  /** Migration 0010: an independent unit (unit kerja mandiri): its leader writes the JPT form of the SKP. */
  independent: Generated<boolean>;
}

/** Migration 0012: the calibration groups HR names (domain/rating/calibration-groups.ts). */
export interface CalibrationGroupsTable {
  org_id: string;
  unit_code: string;
  name: string;
}

export interface PositionsTable {
  org_id: string;
  code: string;
  name: string;
  kind: 'JPT' | 'JA' | 'JF';
  duties: JSONColumnType<string[]>;
  default_indicators: JSONColumnType<Array<{ description: string; aspect: string; target: string }>>;
}

export interface EmployeesTable {
  org_id: string;
  nip: string;
  name: string;
  email: string | null;
  unit_code: string;
  position_code: string;
  supervisor_nip: string | null;
  language: Generated<'id' | 'en'>;
  active: Generated<boolean>;
  updated_at: Timestamp;
  /** Migration 0009: the kind of the NIP, which every insert states. */
  employment_status: EmploymentStatus;
  /** Migration 0009: "Penata Muda, III/a" (PNS) or "IX" (PPPK); null when HR has not given it. */
  rank: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrganisationTables {
  organisations: OrganisationsTable;
  units: UnitsTable;
  calibration_groups: CalibrationGroupsTable;
  positions: PositionsTable;
  employees: EmployeesTable;
  organisation_changes: OrganisationChangesTable;
  evidence_files: EvidenceFilesTable;
}
