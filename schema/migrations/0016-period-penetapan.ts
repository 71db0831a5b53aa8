// Each unit's penetapan per evaluation period (record/projections/cycle-projection.ts): who holds it until
// when, the period's capaian, counts and findings it is signed on, and the signature.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit_period_penetapan')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('assignee_nip', 'text')
    .addColumn('leader_nip', 'text')
    .addColumn('superior_nip', 'text')
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('capaian', 'text', (c) => c.notNull())
    .addColumn('counts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_as', 'text')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('conforming', 'boolean')
    .addColumn('justifications', 'jsonb')
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
