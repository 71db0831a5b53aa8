// An organisation's cycles from their read models: the list, one cycle, its progress per unit and step,
// its predikat distribution per unit against the unit's rule, and its appraisals.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { predikatCounts, stepCounts } from '../projections/unit-counts.ts';

type Db = Kysely<Database>;

export interface CycleSummary {
  cycle_id: string;
  year: number;
  status: 'running' | 'closed';
  launched: number;
  /** A practice year (the calendar's 'training' preset): shown as training wherever the cycle is named. */
  training?: boolean;
}

/** Whether the cycle's calendar is the training preset's (it then carries `training`). */
const isTraining = sql<boolean>`(calendar -> 'training') is not null`.as('training');

export interface Cycle {
  cycleId: string;
  year: number;
  status: 'running' | 'closed';
  launched: number;
  calendar: Record<string, unknown>;
  population: { unitCodes?: string[]; positionCodes?: string[] };
  startedAt: string;
  closedAt: string | null;
}

/** The organisation's cycles, newest first; every organisation's when `org` is undefined. */
export async function cyclesOf(db: Db, org: string | undefined): Promise<CycleSummary[]> {
  let query = db
    .selectFrom('cycles')
    .select(['cycle_id', 'year', 'status', 'launched', isTraining])
    .orderBy('year', 'desc');
  if (org !== undefined) query = query.where('org_id', '=', org);
  return query.execute();
}

/** One cycle in brief (of any organisation when `org` is undefined). */
export async function cycleSummaryOf(
  db: Db,
  org: string | undefined,
  cycleId: string,
): Promise<CycleSummary | undefined> {
  let query = db
    .selectFrom('cycles')
    .select(['cycle_id', 'year', 'status', 'launched', isTraining])
    .where('cycle_id', '=', cycleId);
  if (org !== undefined) query = query.where('org_id', '=', org);
  return query.executeTakeFirst();
}

/** One cycle of the organisation (of any organisation when `org` is undefined). */
export async function cycleOf(db: Db, org: string | undefined, cycleId: string): Promise<Cycle | undefined> {
  let query = db.selectFrom('cycles').selectAll().where('cycle_id', '=', cycleId);
  if (org !== undefined) query = query.where('org_id', '=', org);
  const row = await query.executeTakeFirst();
  return (
    row && {
      cycleId: row.cycle_id,
      year: row.year,
      status: row.status,
      launched: row.launched,
      calendar: row.calendar,
      population: row.population,
      startedAt: row.started_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
    }
  );
}

/** Appraisals per unit and step (only the counts above zero). */
export async function cycleProgress(
  db: Db,
  cycleId: string,
): Promise<Record<string, Record<string, number>>> {
  const units: Record<string, Record<string, number>> = {};
  for (const r of await stepCounts(db, cycleId))
    units[r.unitCode] = { ...units[r.unitCode], [r.bucket]: r.count };
  return units;
}

export interface UnitDistribution {
  unitCode: string;
  counts: Record<string, number>;
  unitPredikat: string | null;
  ok: boolean | null;
  violations: Array<{ rule: string; message: string }>;
  releasedAt: string | null;
}

/** Per unit: the predikat counts, the unit's own predikat, and whether its rule holds. */
export async function cycleDistribution(db: Db, cycleId: string): Promise<UnitDistribution[]> {
  const [counts, calibration] = await Promise.all([
    predikatCounts(db, cycleId),
    db.selectFrom('unit_calibration').selectAll().where('cycle_id', '=', cycleId).execute(),
  ]);
  const codes = [
    ...new Set([...counts.map((r) => r.unitCode), ...calibration.map((r) => r.unit_code)]),
  ].sort();
  return codes.map((unitCode) => {
    const cal = calibration.find((r) => r.unit_code === unitCode);
    return {
      unitCode,
      counts: Object.fromEntries(
        counts.filter((r) => r.unitCode === unitCode).map((r) => [r.bucket, r.count]),
      ),
      unitPredikat: cal?.unit_predikat ?? null,
      ok: cal?.ok ?? null,
      violations: cal?.violations ?? [],
      releasedAt: cal?.released_at?.toISOString() ?? null,
    };
  });
}

/** A cycle's appraisals by unit and NIP, at most `limit` of them. */
export async function cycleAppraisals(db: Db, cycleId: string, limit: number) {
  return db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'nip', 'unit_code', 'step'])
    .where('cycle_id', '=', cycleId)
    .orderBy('unit_code')
    .orderBy('nip')
    .limit(limit)
    .execute();
}

/** Which cycle and person an appraisal is (of any organisation when `org` is undefined). */
export async function appraisalIdentity(db: Db, org: string | undefined, appraisalId: string) {
  let query = db
    .selectFrom('appraisals')
    .select(['appraisal_id', 'cycle_id', 'org_id', 'nip'])
    .where('appraisal_id', '=', appraisalId);
  if (org !== undefined) query = query.where('org_id', '=', org);
  return query.executeTakeFirst();
}
