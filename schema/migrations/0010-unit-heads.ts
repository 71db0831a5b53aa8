// Who leads each unit, and whether it is an independent unit (unit kerja mandiri): a unit leader's rating
// hasil kerja is the unit's capaian kinerja organisasi, and whoever leads an independent unit writes the
// JPT form of the SKP. Existing units get no head (HR sets them) and are not independent.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('units')
    .addColumn('head_nip', 'text')
    .addColumn('independent', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('units_head').on('units').columns(['org_id', 'head_nip']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('units_head').execute();
  await db.schema.alterTable('units').dropColumn('head_nip').dropColumn('independent').execute();
}
