// Calibration: each unit's predikat counts (from the appraisals read model) against the distribution rule
// its own predikat selects. A unit without a predikat set is held, and says so. Besides the hold's
// outcome (`ok`, `violations`: the unit's own counts, as before), each unit gets its curve check under the
// regulation pack in force: findings for the leader's penetapan, counted over its calibration group.
import type { Kysely } from 'kysely';
import { calibrationGroupOf, groupCounts } from '../domain/rating/calibration-groups.ts';
import { type CurveCheck, checkCurve } from '../domain/rating/curve-check.ts';
import { checkDistribution } from '../domain/rating/distribution.ts';
import { type UnitPredikat, unitPredikatSchema } from '../domain/rating/distribution-rules.ts';
import type { Predikat } from '../domain/rating/predikat.ts';
import { packInForce } from '../domain/regulation/pack.ts';
import { calibrationNote } from '../domain/vocabulary/findings.ts';
import { calibrationGroupsOf } from '../organisation/calibration-groups.ts';
import { predikatCounts } from '../record/projections/unit-counts.ts';
import type { Database } from '../schema/database.ts';

export interface UnitCalibration {
  unitCode: string;
  unitPredikat: UnitPredikat | null;
  counts: Partial<Record<Predikat, number>>;
  ok: boolean;
  violations: Array<{ rule: string; message: string }>;
  /** The curve check for the penetapan (absent while the unit has no capaian). */
  curve?: Omit<CurveCheck, 'unitCode' | 'unitPredikat'>;
  /** The regulation pack the curve was checked under. */
  pack?: string;
  /** Who signs the unit's penetapan: its head, and the head of the unit above (else the head's supervisor). */
  leaderNip?: string | null;
  superiorNip?: string | null;
}

export function createCalibrateUnits(deps: { db: Kysely<Database> }) {
  return async function calibrateUnits(input: {
    cycleId: string;
    waitForEveryRating?: boolean;
  }): Promise<UnitCalibration[]> {
    const members = await deps.db
      .selectFrom('cycle_members')
      .select('unit_code')
      .distinct()
      .where('cycle_id', '=', input.cycleId)
      .orderBy('unit_code')
      .execute();
    const rows = await predikatCounts(deps.db, input.cycleId);
    const predikats = await deps.db
      .selectFrom('unit_calibration')
      .select(['unit_code', 'unit_predikat'])
      .where('cycle_id', '=', input.cycleId)
      .execute();
    // Cycles whose akhir ratings escalate (never missing) wait for every rating before checking a unit's
    // distribution; before that, a missed rating was released without a predikat and did not count.
    const unrated = input.waitForEveryRating
      ? await deps.db
          .selectFrom('appraisals')
          .select(['unit_code', (eb) => eb.fn.countAll<string>().as('n')])
          .where('cycle_id', '=', input.cycleId)
          .where('predikat', 'is', null)
          .where('step', 'not in', ['cancelled', 'completed'])
          .groupBy('unit_code')
          .execute()
      : [];
    const pack = packInForce(new Date().toISOString().slice(0, 10));
    const countsOf = (unitCode: string) => {
      const counts: Partial<Record<Predikat, number>> = {};
      for (const row of rows) if (row.unitCode === unitCode) counts[row.bucket as Predikat] = row.count;
      return counts;
    };
    const rated = (code: string) => Object.values(countsOf(code)).reduce((a, b) => a + b, 0);
    const unitRows = await orgUnitsOfCycle(deps.db, input.cycleId);
    const signers = await penetapanSigners(deps.db, unitRows);
    const orgId = unitRows[0]?.org_id;
    const named = orgId ? await calibrationGroupsOf(deps.db, orgId) : [];
    const orgUnits = unitRows.map((u) => ({
      code: u.code,
      parentCode: u.parent_code,
      rated: rated(u.code),
    }));
    return members.map(({ unit_code: unitCode }) => {
      const waiting = Number(unrated.find((u) => u.unit_code === unitCode)?.n ?? 0);
      const counts = countsOf(unitCode);
      const parsed = unitPredikatSchema.safeParse(
        predikats.find((p) => p.unit_code === unitCode)?.unit_predikat,
      );
      if (!parsed.success) {
        return {
          unitCode,
          unitPredikat: null,
          counts,
          ok: false,
          violations: [calibrationNote('unit.predikatMissing', { unit: unitCode })],
        };
      }
      const check = checkDistribution(parsed.data, counts);
      const violations = check.ok ? [] : check.violations.map((v) => ({ rule: v.rule, message: v.message }));
      if (waiting > 0)
        violations.push(calibrationNote('unit.ratingsPending', { count: waiting, unit: unitCode }));
      const group = calibrationGroupOf(unitCode, orgUnits, pack.smallUnitSize, named);
      const {
        unitCode: _,
        unitPredikat: __,
        ...curve
      } = checkCurve(unitCode, parsed.data, group, groupCounts(group, countsOf), pack.distribution);
      const ok = violations.length === 0;
      const { leaderNip, superiorNip } = signers(unitCode);
      return {
        unitCode,
        unitPredikat: parsed.data,
        counts,
        ok,
        violations,
        curve,
        pack: pack.id,
        leaderNip,
        superiorNip,
      };
    });
  };
}

/** The units of the cycle's organisation, with their parents. */
export function orgUnitsOfCycle(db: Kysely<Database>, cycleId: string) {
  return db
    .selectFrom('units')
    .innerJoin('cycles', 'cycles.org_id', 'units.org_id')
    .select(['units.code', 'units.parent_code', 'units.head_nip', 'units.org_id'])
    .where('cycles.cycle_id', '=', cycleId)
    .execute();
}

/** Each unit's head, and who is above them: the head of the parent unit, else the head's supervisor. */
export async function penetapanSigners(
  db: Kysely<Database>,
  units: ReadonlyArray<{ code: string; parent_code: string | null; head_nip: string | null; org_id: string }>,
) {
  const heads = units.flatMap((u) => (u.head_nip ? [u.head_nip] : []));
  const orgId = units[0]?.org_id;
  const supervisors =
    heads.length > 0 && orgId
      ? await db
          .selectFrom('employees')
          .select(['nip', 'supervisor_nip'])
          .where('org_id', '=', orgId)
          .where('nip', 'in', heads)
          .execute()
      : [];
  return (unitCode: string) => {
    const unit = units.find((u) => u.code === unitCode);
    const leaderNip = unit?.head_nip ?? null;
    const parentHead = units.find((u) => u.code === unit?.parent_code)?.head_nip ?? null;
    const supervisor = supervisors.find((s) => s.nip === leaderNip)?.supervisor_nip ?? null;
    const above = parentHead && parentHead !== leaderNip ? parentHead : supervisor;
    return { leaderNip, superiorNip: above && above !== leaderNip ? above : null };
  };
}
