// The periodic evaluation from its read models: which periods a cycle has, each period's predikat
// distribution per unit against the pattern the unit's capaian for that period selects (shown and
// flagged, never held: only the year's distribution holds a release), and the periodic progress per
// unit: who is rated, who is late, who was escalated.
import { type Kysely, sql } from 'kysely';
import { annualPeriod, type PeriodKind, periodKinds } from '../../domain/cycle/periods.ts';
import { checkDistribution, type DistributionCheck } from '../../domain/rating/distribution.ts';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import type { Predikat } from '../../domain/rating/predikat.ts';
import { indonesianTimeZones } from '../../domain/time/zones.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';
import { periodPredikatCounts } from '../projections/unit-counts.ts';
import type { Cycle } from './cycles.ts';

type Db = Kysely<Database>;

export interface CyclePeriods {
  kind: PeriodKind | null;
  /** The periods in order (TW1 ...), each with its rater's deadline; none for a cycle without periods. */
  periods: Array<{ id: string; deadline: string }>;
  /** What reads and exports take: the periods, then `akhir` (the annual evaluation). */
  choices: string[];
  /** The zone the cycle's deadlines are set in: WIB unless the calendar says otherwise. */
  timeZone: string;
}

/** The evaluation periods a cycle was started with (its calendar's `periods`), and `akhir`. */
export function cyclePeriods(cycle: Pick<Cycle, 'calendar'>): CyclePeriods {
  const raw = cycle.calendar.periods as
    | { kind?: unknown; timeZone?: unknown; windows?: Array<{ id?: unknown; deadline?: unknown }> }
    | undefined;
  const kind = periodKinds.find((k) => k === raw?.kind) ?? null;
  const periods = (kind && Array.isArray(raw?.windows) ? raw.windows : []).flatMap((w) =>
    typeof w.id === 'string' && typeof w.deadline === 'string' ? [{ id: w.id, deadline: w.deadline }] : [],
  );
  const timeZone = typeof raw?.timeZone === 'string' ? raw.timeZone : indonesianTimeZones.WIB;
  return { kind, periods, choices: [...periods.map((p) => p.id), annualPeriod], timeZone };
}

export interface PeriodUnitDistribution {
  unitCode: string;
  counts: Partial<Record<Predikat, number>>;
  /** The unit's capaian kinerja organisasi for the period, as HR set it; null while unset. */
  unitPredikat: UnitPredikat | null;
  /** The counts against the pattern that capaian selects; null while it is unset. */
  check: DistributionCheck | null;
}

/** Per unit: a period's predikat counts and its capaian's pattern (every unit with an evaluation). */
export async function periodDistribution(
  db: Db,
  cycleId: string,
  period: string,
): Promise<PeriodUnitDistribution[]> {
  const [counts, capaian, units] = await Promise.all([
    periodPredikatCounts(db, cycleId, period),
    db
      .selectFrom('unit_period_predikat')
      .select(['unit_code', 'unit_predikat'])
      .where('cycle_id', '=', cycleId)
      .where('period', '=', period)
      .execute(),
    db
      .selectFrom('period_evaluations')
      .select('unit_code')
      .distinct()
      .where('cycle_id', '=', cycleId)
      .where('period', '=', period)
      .execute(),
  ]);
  const codes = [
    ...new Set([
      ...units.map((r) => r.unit_code),
      ...counts.map((r) => r.unitCode),
      ...capaian.map((r) => r.unit_code),
    ]),
  ].sort();
  return codes.map((unitCode) => {
    const unitCounts: Partial<Record<Predikat, number>> = {};
    for (const r of counts) if (r.unitCode === unitCode) unitCounts[r.bucket as Predikat] = r.count;
    const parsed = unitPredikatSchema.safeParse(capaian.find((r) => r.unit_code === unitCode)?.unit_predikat);
    const unitPredikat = parsed.success ? parsed.data : null;
    return {
      unitCode,
      counts: unitCounts,
      unitPredikat,
      check: unitPredikat ? checkDistribution(unitPredikat, unitCounts) : null,
    };
  });
}

export interface PeriodUnitProgress {
  period: string;
  unitCode: string;
  /** Evaluations opened (an unrated one of an appraisal cancelled since is left out). */
  employees: number;
  rated: number;
  /** Unrated past the rater's deadline: escalated, or the deadline passed, or the period closed. */
  late: number;
  /** Passed to the rater's superior or to HR, rated since or not. */
  escalated: number;
  /** The period closed without a rating. */
  missed: number;
}

export interface LateEvaluation {
  period: string;
  unitCode: string;
  nip: string;
  name: string;
  /** Who holds the rating now: the rater, or once escalated the rater's superior or HR. */
  holder: 'rater' | 'superior' | 'hr';
  /** That person's NIP and name (none for HR). */
  holderNip: string | null;
  holderName: string | null;
  deadline: string;
  rated: { predikat: string; as: string } | null;
  missed: boolean;
}

export interface PeriodicProgress {
  units: PeriodUnitProgress[];
  /** The people late or escalated, by period, unit and name; at most `limit` of them. */
  late: LateEvaluation[];
  /** How many there are in all (more than `late` holds when over the limit). */
  lateTotal: number;
}

/**
 * Per period and unit: who is rated, who is late, who was escalated, as of `now`. Counted in the
 * database; only the late or escalated rows (at most `limit`) are read, with the names to show.
 */
export async function periodicProgress(
  db: Db,
  cycleId: string,
  now: Date,
  limit = 200,
): Promise<PeriodicProgress> {
  const late = sql<boolean>`(pe.predikat is null and (pe.escalated_to is not null or pe.missed or pe.deadline < ${now}))`;
  const flagged = sql<boolean>`(${late} or pe.escalated_to is not null)`;
  const evaluations = db
    .selectFrom('period_evaluations as pe')
    .innerJoin('appraisals as a', 'a.appraisal_id', 'pe.appraisal_id')
    .where('pe.cycle_id', '=', cycleId)
    // An unrated evaluation of an appraisal cancelled since is nobody's to rate any more.
    .where((eb) => eb.or([eb('pe.predikat', 'is not', null), eb('a.step', '!=', 'cancelled')]));
  const [counts, rows] = await Promise.all([
    evaluations
      .select([
        'pe.period',
        'pe.unit_code',
        sql<number>`count(*)::int`.as('employees'),
        sql<number>`count(pe.predikat)::int`.as('rated'),
        sql<number>`(count(*) filter (where ${late}))::int`.as('late'),
        sql<number>`count(pe.escalated_to)::int`.as('escalated'),
        sql<number>`(count(*) filter (where pe.missed and pe.predikat is null))::int`.as('missed'),
        sql<number>`(count(*) filter (where ${flagged}))::int`.as('flagged'),
      ])
      .groupBy(['pe.period', 'pe.unit_code'])
      .orderBy('pe.period')
      .orderBy('pe.unit_code')
      .execute(),
    evaluations
      .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'pe.nip'))
      .leftJoin('employees as r', (j) => sameOrg(j, 'r.nip', 'a.supervisor_nip'))
      .leftJoin('employees as s', (j) => sameOrg(j, 's.nip', 'a.superior_nip'))
      .select([
        'pe.period',
        'pe.unit_code',
        'pe.nip',
        'pe.deadline',
        'pe.predikat',
        'pe.rated_as',
        'pe.escalated_to',
        'pe.missed',
        'a.supervisor_nip',
        'a.superior_nip',
        'e.name as name',
        'r.name as rater_name',
        's.name as superior_name',
      ])
      .where(flagged)
      .orderBy('pe.period')
      .orderBy('pe.unit_code')
      .orderBy('e.name')
      .orderBy('pe.nip')
      .limit(limit)
      .execute(),
  ]);
  return {
    units: counts.map(({ period, unit_code, employees, rated, late, escalated, missed }) => ({
      period,
      unitCode: unit_code,
      employees,
      rated,
      late,
      escalated,
      missed,
    })),
    late: rows.map((r) => {
      const holder = r.escalated_to ?? 'rater';
      const rated = r.predikat !== null;
      return {
        period: r.period,
        unitCode: r.unit_code,
        nip: r.nip,
        name: r.name ?? r.nip,
        holder,
        holderNip: holder === 'rater' ? r.supervisor_nip : holder === 'superior' ? r.superior_nip : null,
        holderName: holder === 'rater' ? r.rater_name : holder === 'superior' ? r.superior_name : null,
        deadline: r.deadline.toISOString(),
        rated: rated ? { predikat: r.predikat ?? '', as: r.rated_as ?? 'rater' } : null,
        missed: r.missed && !rated,
      };
    }),
    lateTotal: counts.reduce((sum, c) => sum + c.flagged, 0),
  };
}
