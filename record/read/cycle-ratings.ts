// A cycle's year-end (akhir) ratings on record, one per rated appraisal, and each unit's capaian: what an
// impact simulation re-decides under another regulation pack.
import { type Kysely, sql } from 'kysely';
import type { UnitPredikat } from '../../domain/rating/distribution-rules.ts';
import type { Predikat, Rating } from '../../domain/rating/predikat.ts';
import type { RatedPerson } from '../../domain/regulation/impact.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

type Db = Kysely<Database>;

export async function cycleRatings(db: Db, cycleId: string): Promise<RatedPerson[]> {
  const rows = await db
    .selectFrom('appraisals as a')
    .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
    .select(['a.nip', 'e.name', 'a.unit_code'])
    .select(sql<{ results: Rating; behaviour: Rating; predikat: Predikat }>`a.state->'rating'`.as('rating'))
    .where('a.cycle_id', '=', cycleId)
    .where(sql<boolean>`jsonb_typeof(a.state->'rating') = 'object'`)
    .orderBy('a.unit_code')
    .orderBy('a.nip')
    .execute();
  return rows.map((r) => ({
    nip: r.nip,
    name: r.name ?? r.nip,
    unitCode: r.unit_code,
    results: r.rating.results,
    behaviour: r.rating.behaviour,
    predikat: r.rating.predikat,
  }));
}

/** Each calibrated unit's capaian kinerja organisasi for the year (null where none was set). */
export async function cycleCapaian(db: Db, cycleId: string): Promise<Map<string, UnitPredikat | null>> {
  const rows = await db
    .selectFrom('unit_calibration')
    .select(['unit_code', 'unit_predikat'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return new Map(rows.map((r) => [r.unit_code, (r.unit_predikat as UnitPredikat | null) ?? null]));
}
