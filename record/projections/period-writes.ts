// The periodic evaluations' read models, written with the appraisal projection (same transaction, same
// folded state): one row per employee and period (period_evaluations) and the predikat counts per unit
// and period (period_distribution). Buffered like AppraisalWrites, so that one append of many streams
// costs a statement per table. A rated period stays counted when the appraisal is later cancelled: the
// period was evaluated (and paid on) while the employee was in the cycle.
import { type Insertable, type Kysely, sql } from 'kysely';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import type { Database } from '../../schema/database.ts';

type EvaluationRow = Insertable<Database['period_evaluations']>;

const chunkRows = 1_000;

export class PeriodWrites {
  private rows = new Map<string, EvaluationRow>();
  /** Net moves per count row: `cycle|period|unit|predikat` to +n or -n. */
  private counts = new Map<string, { key: [string, string, string, string]; delta: number }>();

  constructor(private readonly trx: Kysely<Database>) {}

  /** The periods these events touched, as `after` has them; counts move from `before`'s predikat. */
  project(before: AppraisalState | null, after: AppraisalState, periods: ReadonlySet<string>): void {
    const unit = after.participants.employee.unitCode;
    for (const period of periods) {
      const p = after.periods[period];
      if (!p) continue;
      this.rows.set(`${after.appraisalId}|${period}`, {
        appraisal_id: after.appraisalId,
        period,
        cycle_id: after.cycleId,
        org_id: after.orgId,
        nip: after.participants.employee.nip,
        unit_code: unit,
        deadline: p.deadline,
        realisation_at: p.realisationAt,
        results: p.rating?.results ?? null,
        behaviour: p.rating?.behaviour ?? null,
        predikat: p.rating?.predikat ?? null,
        rated_as: p.rating?.as ?? null,
        rated_by: p.rating?.by ?? null,
        rated_at: p.rating?.at ?? null,
        escalated_to: p.escalatedTo,
        acknowledged_at: p.acknowledgedAt,
        missed: p.missed,
      });
      const from = before?.periods[period]?.rating?.predikat;
      const to = p.rating?.predikat;
      if (from === to) continue;
      for (const [predikat, delta] of [
        [from, -1],
        [to, 1],
      ] as const) {
        if (!predikat) continue;
        const id = `${after.cycleId}|${period}|${unit}|${predikat}`;
        const entry = this.counts.get(id) ?? { key: [after.cycleId, period, unit, predikat], delta: 0 };
        entry.delta += delta;
        this.counts.set(id, entry);
      }
    }
  }

  async flush(): Promise<void> {
    const rows = [...this.rows.values()];
    const counts = [...this.counts.values()].filter((c) => c.delta !== 0);
    this.rows = new Map();
    this.counts = new Map();
    for (const chunk of chunks(rows)) {
      await this.trx
        .insertInto('period_evaluations')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['appraisal_id', 'period']).doUpdateSet((eb) => ({
            unit_code: eb.ref('excluded.unit_code'),
            deadline: eb.ref('excluded.deadline'),
            realisation_at: eb.ref('excluded.realisation_at'),
            results: eb.ref('excluded.results'),
            behaviour: eb.ref('excluded.behaviour'),
            predikat: eb.ref('excluded.predikat'),
            rated_as: eb.ref('excluded.rated_as'),
            rated_by: eb.ref('excluded.rated_by'),
            rated_at: eb.ref('excluded.rated_at'),
            escalated_to: eb.ref('excluded.escalated_to'),
            acknowledged_at: eb.ref('excluded.acknowledged_at'),
            missed: eb.ref('excluded.missed'),
          })),
        )
        .execute();
    }
    const values = (list: typeof counts) =>
      sql.join(
        list.map(
          ({ key: [cycle, period, unit, predikat], delta }) =>
            sql`(${cycle}, ${period}, ${unit}, ${predikat}, ${delta}::int)`,
        ),
      );
    for (const chunk of chunks(counts.filter((c) => c.delta > 0))) {
      await sql`insert into period_distribution (cycle_id, period, unit_code, predikat, count)
        values ${values(chunk)}
        on conflict (cycle_id, period, unit_code, predikat)
        do update set count = period_distribution.count + excluded.count`.execute(this.trx);
    }
    for (const chunk of chunks(counts.filter((c) => c.delta < 0))) {
      await sql`update period_distribution as t set count = t.count + v.delta
        from (values ${values(chunk)}) as v (cycle_id, period, unit_code, predikat, delta)
        where t.cycle_id = v.cycle_id and t.period = v.period and t.unit_code = v.unit_code
          and t.predikat = v.predikat`.execute(this.trx);
    }
  }
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += chunkRows) yield rows.slice(i, i + chunkRows);
}
