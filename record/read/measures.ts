// The measures of units, read: HR's definitions, a unit's values for one period (what a bound indicator's
// realisation is pre-filled with), and the monitoring of a year: each measure over the periods, unit by
// unit, against its target, with the units below it.
import type { Kysely } from 'kysely';
import { achievementPercent, type SkpIndicator } from '../../domain/appraisal/skp.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { parseCycleId } from '../../domain/ids.ts';
import {
  isBelowTarget,
  type Measure,
  type MeasureReading,
  measureAchievement,
  targetOf,
} from '../../domain/measures/measure.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

type Db = Kysely<Database>;

export async function measuresOf(db: Db, org: string): Promise<Measure[]> {
  const rows = await db
    .selectFrom('measures')
    .selectAll()
    .where('org_id', '=', org)
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    satuan: r.satuan,
    lowerIsBetter: r.lower_is_better,
    ...(r.target === null ? {} : { target: r.target }),
    targets: r.targets,
  }));
}

/** A unit's values of the given measures for one period, by measure code (absent: none recorded). */
export async function measureReadings(
  db: Db,
  org: string,
  at: { unitCode: string; year: number; period: string },
  codes: readonly string[],
): Promise<Map<string, MeasureReading>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('measure_values as v')
    .innerJoin('measures as m', (j) => sameOrg(j, 'm.code', 'v.measure_code'))
    .select(['v.measure_code as code', 'v.value', 'v.source', 'v.recorded_at', 'm.satuan'])
    .where('v.org_id', '=', org)
    .where('v.unit_code', '=', at.unitCode)
    .where('v.year', '=', at.year)
    .where('v.period', '=', at.period)
    .where('v.measure_code', 'in', [...codes])
    .execute();
  return new Map(
    rows.map(({ recorded_at, satuan, ...reading }) => [
      reading.code,
      { ...reading, recordedAt: recorded_at.toISOString(), satuan },
    ]),
  );
}

export interface MonitoredValue {
  unitCode: string;
  period: string;
  value: number;
  target: number | null;
  /** Percent of target, by the SKP's kuantitatif rule; null without a target. */
  achievement: number | null;
  belowTarget: boolean | null;
  source: string;
  recordedAt: string;
}

export interface MonitoredMeasure extends Measure {
  /** The periods with a value, in order. */
  periods: string[];
  values: MonitoredValue[];
  /** The units below target in the latest period with values, by code. */
  belowTarget: string[];
}

/** Every measure of the organisation in a year; `units` limits the values to those units (a leader's). */
export async function measureMonitoring(
  db: Db,
  org: string,
  year: number,
  units?: readonly string[],
): Promise<MonitoredMeasure[]> {
  const measures = await measuresOf(db, org);
  if (units?.length === 0) return measures.map((m) => ({ ...m, periods: [], values: [], belowTarget: [] }));
  let query = db
    .selectFrom('measure_values')
    .select(['measure_code', 'unit_code', 'period', 'value', 'source', 'recorded_at'])
    .where('org_id', '=', org)
    .where('year', '=', year)
    .orderBy('measure_code')
    .orderBy('period')
    .orderBy('unit_code');
  if (units) query = query.where('unit_code', 'in', [...units]);
  const rows = await query.execute();
  return measures.map((m) => {
    const values = rows
      .filter((r) => r.measure_code === m.code)
      .map((r) => ({
        unitCode: r.unit_code,
        period: r.period,
        value: r.value,
        target: targetOf(m, r.period) ?? null,
        achievement: measureAchievement(m, r.period, r.value),
        belowTarget: isBelowTarget(m, r.period, r.value),
        source: r.source,
        recordedAt: r.recorded_at.toISOString(),
      }));
    const periods = [...new Set(values.map((v) => v.period))].sort(comparePeriods);
    const latest = periods.at(-1);
    const belowTarget = values.filter((v) => v.period === latest && v.belowTarget).map((v) => v.unitCode);
    return { ...m, periods, values, belowTarget };
  });
}

/** TW1 < TW2, M01 < M12, S1 < S2: ids of one kind sort as text. */
const comparePeriods = (a: string, b: string) => a.localeCompare(b);

/** The measures of the organisation by code: what a bound indicator is checked against. */
export async function measuresByCode(
  db: Db,
  org: string,
  codes: readonly string[],
): Promise<Map<string, Measure>> {
  if (codes.length === 0) return new Map();
  const all = await measuresOf(db, org);
  return new Map(all.filter((m) => codes.includes(m.code)).map((m) => [m.code, m]));
}

/** The agreed SKP's bound indicators: indicator id to the indicator. */
export function boundIndicators(state: AppraisalState): Map<string, SkpIndicator & { measureCode: string }> {
  const agreed = state.agreement.versions.find((v) => v.version === state.agreement.agreedVersion);
  return new Map(
    (agreed?.rhk ?? []).flatMap((r) =>
      r.indicators.flatMap((i) =>
        i.measureCode ? [[i.id, { ...i, measureCode: i.measureCode }] as const] : [],
      ),
    ),
  );
}

/** What a bound indicator is pre-filled with in one period: the unit's value and its achievement. */
export interface BoundReading extends MeasureReading {
  indicatorId: string;
  period: string;
  /** The value against the indicator's own target, by the SKP's kuantitatif rule. */
  achievement: number | null;
}

/**
 * The values of the unit for each bound indicator of an appraisal's agreed SKP, period by period: what the
 * employee's realisation is pre-filled with (their own read and the realisation form).
 */
export async function boundReadings(db: Db, state: AppraisalState): Promise<BoundReading[]> {
  const bound = boundIndicators(state);
  const year = parseCycleId(state.cycleId)?.year;
  if (bound.size === 0 || year === undefined) return [];
  const codes = [...new Set([...bound.values()].map((i) => i.measureCode))];
  const rows = await db
    .selectFrom('measure_values as v')
    .innerJoin('measures as m', (j) => sameOrg(j, 'm.code', 'v.measure_code'))
    .select(['v.measure_code', 'v.period', 'v.value', 'v.source', 'v.recorded_at', 'm.satuan'])
    .where('v.org_id', '=', state.orgId)
    .where('v.unit_code', '=', state.participants.employee.unitCode)
    .where('v.year', '=', year)
    .where('v.measure_code', 'in', codes)
    .orderBy('v.period')
    .execute();
  return [...bound.values()].flatMap((indicator) =>
    rows
      .filter((r) => r.measure_code === indicator.measureCode)
      .map((r) => ({
        indicatorId: indicator.id,
        period: r.period,
        code: r.measure_code,
        value: r.value,
        source: r.source,
        recordedAt: r.recorded_at.toISOString(),
        satuan: r.satuan,
        achievement: achievementPercent(indicator, r.value),
      })),
  );
}

/** The years with values, newest first. */
export async function measureYears(db: Db, org: string): Promise<number[]> {
  const rows = await db
    .selectFrom('measure_values')
    .select('year')
    .distinct()
    .where('org_id', '=', org)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/** The units a person leads (units.head_nip): a leader monitors their own units' measures. */
export async function unitsLedBy(db: Db, org: string, nip: string): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select('code')
    .where('org_id', '=', org)
    .where('head_nip', '=', nip)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}
