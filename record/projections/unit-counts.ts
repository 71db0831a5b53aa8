// Counts per unit, counted from the projection rows when read: the appraisals per step (progress), and
// the predikat per unit for the year and for a period (the distribution checks). Cancelled appraisals
// leave the year's counts; a period rated before a cancellation stays counted (it was paid on).
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';

type Db = Kysely<Database>;

/** How many of a unit's appraisals are in one bucket (a step or a predikat). */
export interface UnitCount {
  unitCode: string;
  bucket: string;
  count: number;
}

/** Appraisals of the cycle per unit and step (cancelled ones left out). */
export async function stepCounts(db: Db, cycleId: string): Promise<UnitCount[]> {
  const rows = await db
    .selectFrom('appraisals')
    .select(['unit_code', 'step', (eb) => eb.fn.countAll<string>().as('n')])
    .where('cycle_id', '=', cycleId)
    .where('step', '<>', 'cancelled')
    .groupBy(['unit_code', 'step'])
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, bucket: r.step, count: Number(r.n) }));
}

/** The year's predikat of the cycle per unit (cancelled appraisals left out). */
export async function predikatCounts(db: Db, cycleId: string): Promise<UnitCount[]> {
  const rows = await db
    .selectFrom('appraisals')
    .select(['unit_code', 'predikat', (eb) => eb.fn.countAll<string>().as('n')])
    .where('cycle_id', '=', cycleId)
    .where('step', '<>', 'cancelled')
    .where('predikat', 'is not', null)
    .groupBy(['unit_code', 'predikat'])
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, bucket: r.predikat ?? '', count: Number(r.n) }));
}

/** One period's predikat periodik per unit. */
export async function periodPredikatCounts(db: Db, cycleId: string, period: string): Promise<UnitCount[]> {
  const rows = await db
    .selectFrom('period_evaluations')
    .select(['unit_code', 'predikat', (eb) => eb.fn.countAll<string>().as('n')])
    .where('cycle_id', '=', cycleId)
    .where('period', '=', period)
    .where('predikat', 'is not', null)
    .groupBy(['unit_code', 'predikat'])
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, bucket: r.predikat ?? '', count: Number(r.n) }));
}
