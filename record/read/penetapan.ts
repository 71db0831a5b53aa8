// The penetapan a reader holds (the unit's leader, the superior once it passed on, any HR officer at HR's
// stage) and one unit's case in front of them: the findings, the curve the unit was checked on (its group
// and counts, from the latest calibration in the log), its people with their predikat and periodic
// predikat (the calibration assistant's evidence).
import { type Kysely, sql } from 'kysely';
import { curveSchema } from '../../domain/cycle/events.ts';
import { cycleStreamId } from '../../domain/ids.ts';
import { type UnitPredikat, unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { type Predikat, predikats } from '../../domain/rating/predikat.ts';
import type { Database } from '../../schema/database.ts';
import { unitAppraisals } from './cycle-people.ts';

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

const isPredikat = (p: unknown): p is Predikat => predikats.includes(p as Predikat);

function base(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('unit_penetapan as p')
    .innerJoin('cycles as c', 'c.cycle_id', 'p.cycle_id')
    .innerJoin('units as u', (j) => j.onRef('u.org_id', '=', 'c.org_id').onRef('u.code', '=', 'p.unit_code'))
    .selectAll('p')
    .select('u.name as unit_name')
    .where('c.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
const toRow = (r: Row): PenetapanRow => ({
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

/** The unsigned penetapan this reader holds now, earliest deadline first. */
export async function penetapanOf(
  db: Kysely<Database>,
  orgId: string,
  reader: { nip: string; hr: boolean },
): Promise<PenetapanRow[]> {
  const rows = await base(db, orgId)
    .where('p.signed_by', 'is', null)
    .where((eb) =>
      reader.hr
        ? eb.or([eb('p.assignee_nip', '=', reader.nip), eb('p.stage', '=', 'hr')])
        : eb('p.assignee_nip', '=', reader.nip),
    )
    .orderBy('p.deadline')
    .orderBy('p.unit_code')
    .execute();
  return rows.map(toRow);
}

export interface PenetapanCase {
  penetapan: PenetapanRow;
  unitPredikat: UnitPredikat | null;
  curve: ReturnType<typeof curveSchema.parse> | null;
  people: Array<{
    nip: string;
    name: string;
    predikat: Predikat;
    periodic: Array<{ period: string; predikat: Predikat }>;
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
  const [calibrated, people, periods] = await Promise.all([
    sql<{ data: { unitPredikat?: unknown; curve?: unknown } }>`select data from events
      where stream_id = ${cycleStreamId(cycleId)} and type = 'cycle.unitCalibrated' and data->>'unitCode' = ${unitCode}
      order by stream_version desc limit 1`.execute(db),
    unitAppraisals(db, cycleId, unitCode),
    db
      .selectFrom('period_evaluations')
      .select(['nip', 'period', 'predikat'])
      .where('cycle_id', '=', cycleId)
      .where('unit_code', '=', unitCode)
      .where('predikat', 'is not', null)
      .orderBy('period')
      .execute(),
  ]);
  const data = calibrated.rows[0]?.data;
  const curve = curveSchema.safeParse(data?.curve);
  const unitPredikat = unitPredikatSchema.safeParse(data?.unitPredikat);
  return {
    penetapan: toRow(row),
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
            },
          ]
        : [],
    ),
  };
}
