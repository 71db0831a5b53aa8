// A unit's penetapan of one evaluation period (TW1 ...): the ones a reader holds (the unit's leader, the
// superior once it passed on, any HR officer at HR's stage), and one case in front of them: the period's
// capaian, the counts its curve was checked on, the findings, and the unit's people with their predikat
// for the period. The signature is read from the same row, signed or not.
import type { Kysely } from 'kysely';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { isPredikat, type Predikat } from '../../domain/rating/predikat.ts';
import type { Database } from '../../schema/database.ts';
import { heldBy, type PenetapanRow, penetapanRow } from './penetapan.ts';

export interface PeriodPenetapanRow extends PenetapanRow {
  period: string;
  capaian: UnitPredikat | null;
  counts: Partial<Record<Predikat, number>>;
  leaderNip: string | null;
  superiorNip: string | null;
}

function base(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('unit_period_penetapan as p')
    .innerJoin('cycles as c', 'c.cycle_id', 'p.cycle_id')
    .innerJoin('units as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.code', '=', 'p.unit_code'))
    .selectAll('p')
    .select('u.name as unit_name')
    .where('c.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const toRow = (r: Row): PeriodPenetapanRow => {
  const capaian = unitPredikatSchema.safeParse(r.capaian);
  const counts: Partial<Record<Predikat, number>> = {};
  for (const [p, n] of Object.entries(r.counts)) if (isPredikat(p) && typeof n === 'number') counts[p] = n;
  return {
    ...penetapanRow(r),
    period: r.period,
    leaderNip: r.leader_nip,
    superiorNip: r.superior_nip,
    capaian: capaian.success ? capaian.data : null,
    counts,
  };
};

/** The unsigned period penetapans this reader holds now, earliest deadline first. */
export async function periodPenetapanOf(
  db: Kysely<Database>,
  orgId: string,
  reader: { nip: string; hr: boolean },
): Promise<PeriodPenetapanRow[]> {
  const rows = await base(db, orgId)
    .where('p.signed_by', 'is', null)
    .where('c.status', '=', 'running')
    .where(heldBy(reader))
    .orderBy('p.deadline')
    .orderBy('p.unit_code')
    .orderBy('p.period')
    .execute();
  return rows.map(toRow);
}

export interface PeriodPenetapanCase {
  penetapan: PeriodPenetapanRow;
  /** The unit's people rated in the period, with their predikat for it: the unit's table. */
  people: Array<{ nip: string; name: string; predikat: Predikat }>;
}

export async function periodPenetapanCase(
  db: Kysely<Database>,
  orgId: string,
  cycleId: string,
  unitCode: string,
  period: string,
): Promise<PeriodPenetapanCase | undefined> {
  const row = await base(db, orgId)
    .where('p.cycle_id', '=', cycleId)
    .where('p.unit_code', '=', unitCode)
    .where('p.period', '=', period)
    .executeTakeFirst();
  if (!row) return undefined;
  const people = await db
    .selectFrom('period_evaluations as pe')
    .leftJoin('employees as e', (j) => j.onRef('e.nip', '=', 'pe.nip').on('e.org_id', '=', orgId))
    .select(['pe.nip', 'e.name', 'pe.predikat'])
    .where('pe.cycle_id', '=', cycleId)
    .where('pe.unit_code', '=', unitCode)
    .where('pe.period', '=', period)
    .where('pe.predikat', 'is not', null)
    .orderBy('e.name')
    .orderBy('pe.nip')
    .execute();
  return {
    penetapan: toRow(row),
    people: people.flatMap((p) =>
      isPredikat(p.predikat) ? [{ nip: p.nip, name: p.name ?? p.nip, predikat: p.predikat }] : [],
    ),
  };
}
