// The per-unit counts (appraisals per step, predikat per unit for the year and per period) are counted
// from the projection rows when read, no longer kept as counter rows. A counter row is one row for a
// whole unit: every append of that unit's people waited on it (in a year of 300, 1,924 increments waited
// 7.5 ms each), and a grouped count over the unit's rows is a millisecond at these sizes.
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cycle_progress', 'unit_distribution', 'period_distribution']) {
    await db.schema.dropTable(table).execute();
  }
}

/** The counter tables again, filled from the rows they counted. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const year = sql`step <> 'cancelled'`;
  const counts = [
    { table: 'cycle_progress', keys: ['unit_code', 'step'], from: 'appraisals', where: year },
    {
      table: 'unit_distribution',
      keys: ['unit_code', 'predikat'],
      from: 'appraisals',
      where: sql`${year} and predikat is not null`,
    },
    {
      table: 'period_distribution',
      keys: ['period', 'unit_code', 'predikat'],
      from: 'period_evaluations',
      where: sql`predikat is not null`,
    },
  ];
  for (const { table, keys, from, where } of counts) {
    let create: CreateTableBuilder<string, string> = db.schema
      .createTable(table)
      .addColumn('cycle_id', 'text', (c) => c.notNull());
    for (const key of keys) create = create.addColumn(key, 'text', (c) => c.notNull());
    await create
      .addColumn('count', 'integer', (c) => c.notNull().check(sql`count >= 0`))
      .addPrimaryKeyConstraint(`${table}_pk`, ['cycle_id', ...keys])
      .execute();
    const columns = sql.join(['cycle_id', ...keys].map((k) => sql.ref(k)));
    await sql`insert into ${sql.table(table)} (${columns}, count)
      select ${columns}, count(*) from ${sql.table(from)} where ${where}
      group by ${columns}`.execute(db);
  }
}
