// Measures of units (domain/measures/): HR's definitions per organisation (satuan, direction, targets),
// and their values per unit, year and period with where each came from and when. Organisation data like
// units and positions: written in place (a re-import replaces a value), while the realisation an
// employee records keeps the value it was pre-filled with in its own event.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('measures')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('satuan', 'text', (c) => c.notNull())
    .addColumn('lower_is_better', 'boolean', (c) => c.notNull())
    .addColumn('target', 'double precision')
    .addColumn('targets', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measures_pk', ['org_id', 'code'])
    .execute();
  await db.schema
    .createTable('measure_values')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('measure_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull().check(sql`value >= 0`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('measure_values_pk', ['org_id', 'measure_code', 'unit_code', 'year', 'period'])
    .addForeignKeyConstraint('measure_values_measure', ['org_id', 'measure_code'], 'measures', [
      'org_id',
      'code',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['measure_values', 'measures']) await db.schema.dropTable(table).execute();
}
