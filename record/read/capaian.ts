// A unit's capaian kinerja organisasi as it was set (by the leader of the unit above, or HR as a delegate),
// for the page where a unit leader is rated (their rating hasil kerja is taken from it: the year's or one
// period's), and for the capaian page: the units a reader sets it for and one unit's case.
import type { Kysely } from 'kysely';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import { unitAppraisals } from './cycle-people.ts';

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

/** A unit of the organisation with the unit above it and that unit's leader, for capaianAuthority. */
export async function unitForCapaian(db: Kysely<Database>, orgId: string, unitCode: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', (join) => sameOrg(join, 'p.code', 'u.parent_code'))
    .select(['u.code', 'u.name', 'u.parent_code as parentCode', 'u.head_nip as headNip'])
    .select('p.head_nip as parentHeadNip')
    .where((eb) => eb.and({ 'u.org_id': orgId, 'u.code': unitCode }))
    .executeTakeFirst();
}

export interface CapaianUnitRow {
  code: string;
  name: string;
  parentCode: string | null;
  capaian: UnitPredikat | null;
}

/**
 * The units whose capaian this reader may set in the cycle: a leader's, those right below the units they
 * lead; HR's (as a delegate), every unit. Ordered by code.
 */
export async function capaianUnits(
  db: Kysely<Database>,
  orgId: string,
  cycleId: string,
  reader: { nip: string; hr: boolean },
): Promise<CapaianUnitRow[]> {
  let query = db
    .selectFrom('units as u')
    .leftJoin('units as p', (join) => sameOrg(join, 'p.code', 'u.parent_code'))
    .leftJoin('unit_calibration as c', (join) =>
      join.onRef('c.unit_code', '=', 'u.code').on('c.cycle_id', '=', cycleId),
    )
    .select(['u.code', 'u.name', 'u.parent_code', 'c.unit_predikat'])
    .where('u.org_id', '=', orgId)
    .orderBy('u.code');
  if (!reader.hr) query = query.where('p.head_nip', '=', reader.nip);
  const rows = await query.execute();
  return rows.map((r) => {
    const parsed = unitPredikatSchema.safeParse(r.unit_predikat);
    return {
      code: r.code,
      name: r.name,
      parentCode: r.parent_code,
      capaian: parsed.success ? parsed.data : null,
    };
  });
}

export interface CapaianCase {
  capaian: UnitPredikat | null;
  /** Who set the year's capaian, as whom, and its basis; null before anyone did (or before 0012). */
  setBy: { nip: string; name: string | null; as: string | null; at: Date | null } | null;
  document: string | null;
  note: string | null;
  links: string[];
  /** The unit's people in the cycle with their year's predikat (null: not rated yet), by name. */
  people: Array<{ nip: string; name: string; predikat: string | null; step: string }>;
}

/** What the leader above decides a unit's capaian on: its people and their predikat, and the capaian so far. */
export async function capaianCase(
  db: Kysely<Database>,
  orgId: string,
  cycleId: string,
  unitCode: string,
): Promise<CapaianCase> {
  const [row, people] = await Promise.all([
    db
      .selectFrom('unit_calibration as c')
      .leftJoin('employees as e', (j) => j.onRef('e.nip', '=', 'c.capaian_by').on('e.org_id', '=', orgId))
      .select([
        'c.unit_predikat',
        'c.capaian_by',
        'c.capaian_as',
        'c.capaian_at',
        'c.capaian_document',
        'c.capaian_note',
        'c.capaian_links',
        'e.name',
      ])
      .where('c.cycle_id', '=', cycleId)
      .where('c.unit_code', '=', unitCode)
      .executeTakeFirst(),
    unitAppraisals(db, cycleId, unitCode),
  ]);
  const parsed = unitPredikatSchema.safeParse(row?.unit_predikat);
  return {
    capaian: parsed.success ? parsed.data : null,
    setBy: row?.capaian_by
      ? { nip: row.capaian_by, name: row.name ?? null, as: row.capaian_as, at: row.capaian_at }
      : null,
    document: row?.capaian_document ?? null,
    note: row?.capaian_note ?? null,
    links: row?.capaian_links ?? [],
    people: people.map((p) => ({ nip: p.nip, name: p.name ?? p.nip, predikat: p.predikat, step: p.step })),
  };
}
