// A unit's capaian kinerja organisasi as HR set it, for the page where a unit leader is rated: the
// year's (akhir) or one period's. Their rating hasil kerja is taken from it.
import type { Kysely } from 'kysely';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import type { Database } from '../../schema/database.ts';

export async function unitCapaian(
  db: Kysely<Database>,
  cycleId: string,
  unitCode: string,
  period: string | null,
): Promise<UnitPredikat | null> {
  const row = period
    ? await db
        .selectFrom('unit_period_predikat')
        .select('unit_predikat')
        .where('cycle_id', '=', cycleId)
        .where('unit_code', '=', unitCode)
        .where('period', '=', period)
        .executeTakeFirst()
    : await db
        .selectFrom('unit_calibration')
        .select('unit_predikat')
        .where('cycle_id', '=', cycleId)
        .where('unit_code', '=', unitCode)
        .executeTakeFirst();
  const parsed = unitPredikatSchema.safeParse(row?.unit_predikat);
  return parsed.success ? parsed.data : null;
}
