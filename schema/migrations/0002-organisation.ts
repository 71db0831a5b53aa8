// Organisation data: instansi (tenant), unit kerja (a tree), positions with their standards (tupoksi),
// employees with NIP, unit and direct supervisor. Re-importing updates people in place (keyed by NIP).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('units')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addPrimaryKeyConstraint('units_pk', ['org_id', 'code'])
    .execute();
  await db.schema
    .createTable('positions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('JPT', 'JA', 'JF')`))
    .addColumn('duties', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('default_indicators', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addPrimaryKeyConstraint('positions_pk', ['org_id', 'code'])
    .execute();
  await db.schema
    .createTable('employees')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('nip', 'text', (c) => c.notNull().check(sql`nip ~ '^[0-9]{18}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('position_code', 'text', (c) => c.notNull())
    .addColumn('supervisor_nip', 'text')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('id').check(sql`language in ('id', 'en')`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('employees_pk', ['org_id', 'nip'])
    .execute();
  await db.schema
    .createIndex('employees_supervisor')
    .on('employees')
    .columns(['org_id', 'supervisor_nip'])
    .execute();
  await db.schema.createIndex('employees_unit').on('employees').columns(['org_id', 'unit_code']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['employees', 'positions', 'units', 'organisations'])
    await db.schema.dropTable(table).execute();
}
