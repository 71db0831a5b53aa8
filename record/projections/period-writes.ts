// The periodic evaluations' read models, written with the appraisal projection (same transaction, same
// folded state): one row per employee and period (period_evaluations), counted per unit when read.
// Buffered like AppraisalWrites, so that one append of many streams costs one statement. A rated period
// stays counted when the appraisal is later cancelled: the period was evaluated (and paid on) while the
// employee was in the cycle.
import type { Insertable, Kysely } from 'kysely';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import type { Database } from '../../schema/database.ts';

type EvaluationRow = Insertable<Database['period_evaluations']>;

const chunkRows = 1_000;

export class PeriodWrites {
  private rows = new Map<string, EvaluationRow>();

  constructor(private readonly trx: Kysely<Database>) {}

  /** The periods these events touched, as `after` has them. */
  project(after: AppraisalState, periods: ReadonlySet<string>): void {
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
    }
  }

  async flush(): Promise<void> {
    const rows = [...this.rows.values()];
    this.rows = new Map();
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
  }
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += chunkRows) yield rows.slice(i, i + chunkRows);
}
