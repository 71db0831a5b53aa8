// Who set a unit's capaian and on what basis (the leader of the unit above, or HR as a named delegate
// with the delegation's document; a note and links), beside the capaian itself: the year's in
// unit_calibration, a period's in unit_period_predikat. Rows from before have none of it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('unit_calibration')
    .addColumn('capaian_by', 'text')
    .addColumn('capaian_as', 'text')
    .addColumn('capaian_document', 'text')
    .addColumn('capaian_note', 'text')
    .addColumn('capaian_links', 'jsonb')
    .addColumn('capaian_at', 'timestamptz')
    .execute();
  await db.schema
    .alterTable('unit_period_predikat')
    .addColumn('set_as', 'text')
    .addColumn('document', 'text')
    .addColumn('note', 'text')
    .addColumn('links', 'jsonb')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('unit_period_predikat')
    .dropColumn('set_as')
    .dropColumn('document')
    .dropColumn('note')
    .dropColumn('links')
    .execute();
  await db.schema
    .alterTable('unit_calibration')
    .dropColumn('capaian_by')
    .dropColumn('capaian_as')
    .dropColumn('capaian_document')
    .dropColumn('capaian_note')
    .dropColumn('capaian_links')
    .dropColumn('capaian_at')
    .execute();
}
