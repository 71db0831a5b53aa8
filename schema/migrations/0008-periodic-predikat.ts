// Read models of the periodic evaluation (PermenPANRB 6/2022): one row per employee and period with its
// ratings and predikat periodik, the predikat counts per unit and period, and each unit's capaian kinerja
// organisasi per period, which selects the pattern the period's counts are shown against. The akhir
// (annual) predikat stays where it is: appraisals and unit_distribution.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('period_evaluations')
    .addColumn('appraisal_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('nip', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    // The deadline of whoever holds the rating now: the rater's, or once escalated the superior's or HR's.
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('realisation_at', 'timestamptz')
    .addColumn('results', 'text')
    .addColumn('behaviour', 'text')
    .addColumn('predikat', 'text')
    .addColumn('rated_as', 'text', (c) => c.check(sql`rated_as in ('rater', 'superior', 'hr')`))
    .addColumn('rated_by', 'text')
    .addColumn('rated_at', 'timestamptz')
    .addColumn('escalated_to', 'text', (c) => c.check(sql`escalated_to in ('superior', 'hr')`))
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('missed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('period_evaluations_pk', ['appraisal_id', 'period'])
    .execute();
  // The recap of one period, by unit and NIP, a page at a time.
  await db.schema
    .createIndex('period_evaluations_recap')
    .on('period_evaluations')
    .columns(['cycle_id', 'period', 'unit_code', 'nip'])
    .execute();
  await db.schema
    .createTable('period_distribution')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('predikat', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('period_distribution_pk', ['cycle_id', 'period', 'unit_code', 'predikat'])
    .execute();
  await db.schema
    .createTable('unit_period_predikat')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_predikat', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_period_predikat_pk', ['cycle_id', 'unit_code', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['unit_period_predikat', 'period_distribution', 'period_evaluations']) {
    await db.schema.dropTable(table).execute();
  }
}
