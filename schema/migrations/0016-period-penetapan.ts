// Each unit's penetapan per evaluation period (record/projections/cycle-projection.ts): who holds it until
// when, the period's capaian, counts and findings it is signed on, and the signature.
import { type Kysely, sql } from 'kysely';
import { penetapanHolding, penetapanSigning } from './frozen-shapes.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_period_penetapan')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .$call(penetapanHolding)
    .addColumn('capaian', 'text', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .$call(penetapanSigning)
    .addPrimaryKeyConstraint('unit_period_penetapan_pk', ['cycle_id', 'unit_code', 'period'])
    .execute();
  await db.schema
    .createIndex('unit_period_penetapan_assignee')
    .on('unit_period_penetapan')
    .column('assignee_nip')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unit_period_penetapan').execute();
}
