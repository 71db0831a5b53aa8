// The per-unit counts (appraisals per step, predikat per unit for the year and per period) are counted
// from the projection rows when read, no longer kept as counter rows. A counter row is one row for a
// whole unit: every append of that unit's people waited on it (in a year of 300, 1,924 increments waited
// 7.5 ms each), and a grouped count over the unit's rows is a millisecond at these sizes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cycle_progress', 'unit_distribution', 'period_distribution']) {
    await db.schema.dropTable(table).execute();
  }
}

/** The counter tables again, filled from the rows they counted. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const counts = [
    { table: 'cycle_progress', bucket: 'step', from: 'appraisals', where: sql`step <> 'cancelled'` },
    {
      table: 'unit_distribution',
      bucket: 'predikat',
      from: 'appraisals',
      where: sql`step <> 'cancelled' and predikat is not null`,
    },
  ];
  for (const { table, bucket, from, where } of counts) {
    await db.schema
      .createTable(table)
      .addColumn('cycle_id', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull())
      .addColumn(bucket, 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
      .addPrimaryKeyConstraint(`${table}_pk`, ['cycle_id', 'unit_code', bucket])
      .execute();
    await sql`insert into ${sql.table(table)} (cycle_id, unit_code, ${sql.ref(bucket)}, count)
      select cycle_id, unit_code, ${sql.ref(bucket)}, count(*) from ${sql.table(from)} where ${where}
      group by 1, 2, 3`.execute(db);
  }
  await db.schema
    .createTable('period_distribution')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('predikat', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint('period_distribution_pk', ['cycle_id', 'period', 'unit_code', 'predikat'])
    .execute();
  await sql`insert into period_distribution (cycle_id, period, unit_code, predikat, count)
    select cycle_id, period, unit_code, predikat, count(*) from period_evaluations
    where predikat is not null group by 1, 2, 3, 4`.execute(db);
}
