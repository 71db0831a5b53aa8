// The penetapan a reader holds (the unit's leader, the superior once it passed on, any HR officer at HR's
// stage) and one unit's case in front of them: the findings, the curve the unit was checked on (its group
// and counts, from the latest calibration in the log), its people with their predikat and periodic
// predikat (the calibration assistant's evidence), and the curve checked again after objections.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { curveSchema } from '../../domain/cycle/events.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import type { CalibrationGroup } from '../../domain/rating/calibration-groups.ts';
import { type CurveCheck, checkCurve } from '../../domain/rating/curve-check.ts';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import type { Rating } from '../../domain/rating/predikat.ts';
import { isPredikat, type Predikat } from '../../domain/rating/predikat.ts';
import { aggregateReviews } from '../../domain/review/berakhlak.ts';
import type { Database } from '../../schema/database.ts';
import { sameOrg } from '../../schema/same-org.ts';

export interface PenetapanRow {
  cycleId: string;
  unitCode: string;
  unitName: string;
  stage: string;
  assigneeNip: string | null;
  deadline: Date;
  findings: Array<{ rule: string; message: string }>;
  pack: string;
  signed: { by: string; as: string | null; at: Date | null; conforming: boolean | null } | null;
  justifications: Array<{ rule: string; text: string }>;
}

function base(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('unit_penetapan as p')
    .innerJoin('cycles as c', 'c.cycle_id', 'p.cycle_id')
    .innerJoin('units as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.code', '=', 'p.unit_code'))
    .selectAll('p')
    .select('u.name as unit_name')
    .where('c.org_id', '=', orgId);
}

/** A penetapan this reader holds: assigned to them, or at HR's stage for any HR officer. */
export const heldBy =
  (reader: { nip: string; hr: boolean }) =>
  (eb: ExpressionBuilder<{ p: { assignee_nip: string | null; stage: string } }, 'p'>) =>
    reader.hr
      ? eb.or([eb('p.assignee_nip', '=', reader.nip), eb('p.stage', '=', 'hr')])
      : eb('p.assignee_nip', '=', reader.nip);

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
/** The columns the year's and a period's penetapan rows share: the case, who holds it, its signature. */
type SharedColumns = Pick<
  Row,
  | 'cycle_id'
  | 'unit_code'
  | 'unit_name'
  | 'stage'
  | 'assignee_nip'
  | 'deadline'
  | 'findings'
  | 'pack'
  | 'signed_by'
  | 'signed_as'
  | 'signed_at'
  | 'conforming'
  | 'justifications'
>;
export const penetapanRow = (r: SharedColumns): PenetapanRow => ({
  cycleId: r.cycle_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  stage: r.stage,
  assigneeNip: r.assignee_nip,
  deadline: r.deadline,
  findings: r.findings,
  pack: r.pack,
  signed: r.signed_by
    ? { by: r.signed_by, as: r.signed_as, at: r.signed_at, conforming: r.conforming }
    : null,
  justifications: r.justifications ?? [],
});

/**
 * The unsigned penetapan this reader holds now, earliest deadline first; a unit released meanwhile (its
 * curve conforming again, say after a calibration applied) waits for nobody's signature.
 */
export async function penetapanOf(
  db: Kysely<Database>,
  orgId: string,
  reader: { nip: string; hr: boolean },
): Promise<PenetapanRow[]> {
  const rows = await base(db, orgId)
    .where('p.signed_by', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('unit_calibration as uc')
            .select('uc.unit_code')
            .whereRef('uc.cycle_id', '=', 'p.cycle_id')
            .whereRef('uc.unit_code', '=', 'p.unit_code')
            .where('uc.released_at', 'is not', null),
        ),
      ),
    )
    .where(heldBy(reader))
    .orderBy('p.deadline')
    .orderBy('p.unit_code')
    .execute();
  return rows.map(penetapanRow);
}

export interface PenetapanCase {
  penetapan: PenetapanRow;
  unitPredikat: UnitPredikat | null;
  curve: ReturnType<typeof curveSchema.parse> | null;
  people: Array<
    {
      nip: string;
      name: string;
      predikat: Predikat;
      periodic: Array<{ period: string; predikat: Predikat }>;
    } & PersonEvidence
  >;
  /** The curve checked again after objections changed a predikat: each `cycle.curveRechecked`'s data. */
  rechecks: Array<Record<string, unknown>>;
  /** The names of the people those rechecks name (the person and who decided), by NIP. */
  recheckNames: Map<string, string>;
  /**
   * Each evaluation period: its capaian (null while unset) and the curve of that period's predikat over
   * the year's group, checked against it (null without a capaian). Shown, never held.
   */
  periods: Array<{
    period: string;
    capaian: UnitPredikat | null;
    counts: Partial<Record<Predikat, number>>;
    curve: CurveCheck | null;
  }>;
}

export async function penetapanCase(
  db: Kysely<Database>,
  orgId: string,
  cycleId: string,
  unitCode: string,
): Promise<PenetapanCase | undefined> {
  const row = await base(db, orgId)
    .where('p.cycle_id', '=', cycleId)
    .where('p.unit_code', '=', unitCode)
    .executeTakeFirst();
  if (!row) return undefined;
  const [calibrated, people, periods, rechecks] = await Promise.all([
    sql<{ data: { unitPredikat?: unknown; curve?: unknown } }>`select data from events
      where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.unitCalibrated' and data->>'unitCode' = ${unitCode}
      order by stream_version desc limit 1`.execute(db),
    db
      .selectFrom('appraisals as a')
      .leftJoin('employees as e', (j) => sameOrg(j, 'e.nip', 'a.nip'))
      .select(['a.nip', 'e.name', 'a.predikat', 'a.appraisal_id', 'a.state'])
      .where('a.cycle_id', '=', cycleId)
      .where('a.unit_code', '=', unitCode)
      .where('a.step', '!=', 'cancelled')
      .orderBy('e.name')
      .orderBy('a.nip')
      .execute(),
    db
      .selectFrom('period_evaluations')
      .select(['nip', 'period', 'predikat'])
      .where('cycle_id', '=', cycleId)
      .where('unit_code', '=', unitCode)
      .where('predikat', 'is not', null)
      .orderBy('period')
      .execute(),
    sql<{ data: Record<string, unknown> }>`select data from events
      where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.curveRechecked' and data->>'unitCode' = ${unitCode}
      order by stream_version`.execute(db),
  ]);
  const named = [...new Set(rechecks.rows.flatMap((r) => [String(r.data.nip), String(r.data.by)]))];
  const recheckNames = new Map(
    named.length === 0
      ? []
      : (
          await db
            .selectFrom('employees')
            .select(['nip', 'name'])
            .where('org_id', '=', orgId)
            .where('nip', 'in', named)
            .execute()
        ).map((e) => [e.nip, e.name] as const),
  );
  const data = calibrated.rows[0]?.data;
  const checked = curveSchema.safeParse(data?.curve);
  const periodCurves = await periodsOf(
    db,
    cycleId,
    unitCode,
    checked.success ? checked.data.group : { reason: 'alone', unitCodes: [unitCode] },
  );
  const curve = curveSchema.safeParse(data?.curve);
  const unitPredikat = unitPredikatSchema.safeParse(data?.unitPredikat);
  return {
    penetapan: penetapanRow(row),
    unitPredikat: unitPredikat.success ? unitPredikat.data : null,
    curve: curve.success ? curve.data : null,
    people: people.flatMap((p) =>
      isPredikat(p.predikat)
        ? [
            {
              nip: p.nip,
              name: p.name ?? p.nip,
              predikat: p.predikat,
              periodic: periods.flatMap((e) =>
                e.nip === p.nip && isPredikat(e.predikat) ? [{ period: e.period, predikat: e.predikat }] : [],
              ),
              ...evidenceOf(p.appraisal_id, p.state as AppraisalState),
            },
          ]
        : [],
    ),
    rechecks: rechecks.rows.map((r) => r.data),
    recheckNames,
    periods: periodCurves,
  };
}

/** What a calibration change of a person is weighed against, besides their periodic predikat. */
export interface PersonEvidence {
  appraisalId: string;
  /** The akhir ratings now, and the rater's feedback with them. */
  results: Rating | null;
  behaviour: Rating | null;
  feedback: string;
  /** Realisations reported: evaluation periods (or check-ins) with one, of those opened. */
  realisations: { reported: number; of: number };
  /** The 360 reviews (supervisor, peers, subordinates; never the self-review): the mean score, from two reviews on. */
  review: { average: number; count: number } | null;
}

function evidenceOf(appraisalId: string, state: AppraisalState): PersonEvidence {
  const periods = Object.values(state.periods ?? {});
  const checkIns = Object.values(state.checkIns ?? {}).filter((c) => c !== undefined);
  const reported =
    periods.filter((p) => p.realisationAt !== null).length +
    checkIns.filter((c) => c?.submittedAt != null).length;
  const others = state.review.submitted.filter((r) => r.role !== 'self');
  const aggregate = aggregateReviews(others.map((r) => ({ scores: r.scores })));
  const averages = Object.values(aggregate.values).flatMap((v) => (v.average === null ? [] : [v.average]));
  const average = averages.length > 0 ? averages.reduce((a, b) => a + b, 0) / averages.length : null;
  return {
    appraisalId,
    results: state.rating?.results ?? null,
    behaviour: state.rating?.behaviour ?? null,
    feedback: state.rating?.feedback ?? '',
    realisations: { reported, of: periods.length + checkIns.length },
    review: others.length >= 2 && average !== null ? { average, count: others.length } : null,
  };
}

/** Each period's capaian of the unit and its curve: the period's predikat over the group, against it. */
async function periodsOf(
  db: Kysely<Database>,
  cycleId: string,
  unitCode: string,
  group: CalibrationGroup,
): Promise<PenetapanCase['periods']> {
  const [capaian, rated] = await Promise.all([
    db
      .selectFrom('unit_period_predikat')
      .select(['period', 'unit_predikat'])
      .where('cycle_id', '=', cycleId)
      .where('unit_code', '=', unitCode)
      .execute(),
    db
      .selectFrom('period_evaluations')
      .select(['period', 'predikat'])
      .where('cycle_id', '=', cycleId)
      .where('unit_code', 'in', group.unitCodes.length > 0 ? group.unitCodes : [unitCode])
      .where('predikat', 'is not', null)
      .execute(),
  ]);
  const periods = [...new Set([...capaian.map((c) => c.period), ...rated.map((r) => r.period)])].sort();
  return periods.map((period) => {
    const counts: Partial<Record<Predikat, number>> = {};
    for (const r of rated)
      if (r.period === period && isPredikat(r.predikat)) counts[r.predikat] = (counts[r.predikat] ?? 0) + 1;
    const parsed = unitPredikatSchema.safeParse(capaian.find((c) => c.period === period)?.unit_predikat);
    const set = parsed.success ? parsed.data : null;
    return { period, capaian: set, counts, curve: set ? checkCurve(unitCode, set, group, counts) : null };
  });
}
