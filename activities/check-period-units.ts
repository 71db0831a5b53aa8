// A period's ratings are in: each unit of the cycle with its capaian for the period, the period's
// predikat counted over its calibration group, the curve checked under the pack in force, who signs its
// penetapan, and each stage's deadline from the calendar (domain/cycle/period-penetapan.ts). A unit
// without the period's capaian is left out: there is nothing to sign yet.
import type { Kysely } from 'kysely';
import type { StageDeadlines } from '../domain/cycle/penetapan.ts';
import { periodPenetapanDeadlines } from '../domain/cycle/period-penetapan-deadlines.ts';
import { calibrationGroupOf, groupCounts } from '../domain/rating/calibration-groups.ts';
import { checkCurve } from '../domain/rating/curve-check.ts';
import { type UnitPredikat, unitPredikatSchema } from '../domain/rating/distribution-rules.ts';
import { isPredikat, type Predikat } from '../domain/rating/predikat.ts';
import { packInForce } from '../domain/regulation/pack.ts';
import { calibrationGroupsOf } from '../organisation/calibration-groups.ts';
import type { Database } from '../schema/database.ts';
import { orgUnitsOfCycle, penetapanSigners } from './calibrate-units.ts';

export interface PeriodUnitCheck {
  unitCode: string;
  period: string;
  capaian: UnitPredikat;
  counts: Partial<Record<Predikat, number>>;
  findings: Array<{ rule: string; message: string }>;
  pack: string;
  leaderNip: string | null;
  superiorNip: string | null;
  deadlines: StageDeadlines;
}

export function createCheckPeriodUnits(deps: { db: Kysely<Database> }) {
  return async function checkPeriodUnits(input: {
    cycleId: string;
    period: string;
    /** The period's last rating deadline (HR's): the stages' deadlines count from its local day. */
    ratingsIn: string;
    timeZone: string;
    /** A training cycle's stage length (minutes in ms); absent for a real cycle. */
    stageMs?: number;
  }): Promise<PeriodUnitCheck[]> {
    const { db } = deps;
    const [members, capaian, rated] = await Promise.all([
      db
        .selectFrom('cycle_members')
        .select('unit_code')
        .distinct()
        .where('cycle_id', '=', input.cycleId)
        .orderBy('unit_code')
        .execute(),
      db
        .selectFrom('unit_period_predikat')
        .select(['unit_code', 'unit_predikat'])
        .where('cycle_id', '=', input.cycleId)
        .where('period', '=', input.period)
        .execute(),
      db
        .selectFrom('period_evaluations')
        .select(['unit_code', 'predikat'])
        .where('cycle_id', '=', input.cycleId)
        .where('period', '=', input.period)
        .where('predikat', 'is not', null)
        .execute(),
    ]);
    const countsOf = (unitCode: string) => {
      const counts: Partial<Record<Predikat, number>> = {};
      for (const r of rated)
        if (r.unit_code === unitCode && isPredikat(r.predikat))
          counts[r.predikat] = (counts[r.predikat] ?? 0) + 1;
      return counts;
    };
    const pack = packInForce(new Date().toISOString().slice(0, 10));
    const unitRows = await orgUnitsOfCycle(db, input.cycleId);
    const signers = await penetapanSigners(db, unitRows);
    const orgId = unitRows[0]?.org_id;
    const named = orgId ? await calibrationGroupsOf(db, orgId) : [];
    const orgUnits = unitRows.map((u) => ({
      code: u.code,
      parentCode: u.parent_code,
      rated: Object.values(countsOf(u.code)).reduce((a, b) => a + b, 0),
    }));
    const deadlines = periodPenetapanDeadlines(input.ratingsIn, input.timeZone, input.stageMs);
    return members.flatMap(({ unit_code: unitCode }) => {
      const set = unitPredikatSchema.safeParse(capaian.find((c) => c.unit_code === unitCode)?.unit_predikat);
      if (!set.success) return [];
      const group = calibrationGroupOf(unitCode, orgUnits, pack.smallUnitSize, named);
      const counts = groupCounts(group, countsOf);
      const curve = checkCurve(unitCode, set.data, group, counts, pack.distribution);
      const findings = curve.findings.map((f) => ({ rule: f.rule, message: f.message }));
      return [
        {
          unitCode,
          period: input.period,
          capaian: set.data,
          counts,
          findings,
          pack: pack.id,
          ...signers(unitCode),
          deadlines,
        },
      ];
    });
  };
}
