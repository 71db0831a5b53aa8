// Kysely types of the measures of units (migration 0011).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface MeasuresTable {
  org_id: string;
  code: string;
  name: string;
  satuan: string;
  lower_is_better: boolean;
  /** The target of every period without its own; null: none. */
  target: number | null;
  /** Targets per period id (TW1 ...). */
  targets: JSONColumnType<Record<string, number>>;
  updated_at: Generated<Date>;
}

export interface MeasureValuesTable {
  org_id: string;
  measure_code: string;
  unit_code: string;
  year: number;
  period: string;
  value: number;
  source: string;
  /** When the source system recorded the figure. */
  recorded_at: Timestamp;
  imported_by: string;
  imported_at: Generated<Date>;
}

export interface MeasureTables {
  measures: MeasuresTable;
  measure_values: MeasureValuesTable;
}
