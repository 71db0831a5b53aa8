// Kysely types of the organisation tables (migration 0002).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface UnitsTable {
  org_id: string;
  code: string;
  name: string;
  parent_code: string | null;
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
}

export interface OrganisationTables {
  organisations: OrganisationsTable;
  units: UnitsTable;
  positions: PositionsTable;
  employees: EmployeesTable;
}
