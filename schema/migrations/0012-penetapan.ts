// Who set a unit's capaian and on what basis (the leader of the unit above, or HR as a named delegate
// with the delegation's document; a note and links), beside the capaian itself: the year's in
// unit_calibration, a period's in unit_period_predikat. Rows from before have none of it. And each unit's
// penetapan: who holds it until when, the findings it is signed on, and the signature. And the
// calibration groups HR names: a unit belongs to at most one.
import type { Kysely } from 'kysely';
import { penetapanHolding, penetapanSigning } from './frozen-shapes.ts';

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
  await db.schema
    .createTable('unit_penetapan')
    .addColumn('cycle_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .$call(penetapanHolding)
    .$call(penetapanSigning)
    .addPrimaryKeyConstraint('unit_penetapan_pk', ['cycle_id', 'unit_code'])
    .execute();
  await db.schema
    .createIndex('unit_penetapan_assignee')
    .on('unit_penetapan')
    .column('assignee_nip')
    .execute();
  await db.schema
    .createTable('calibration_groups')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calibration_groups_pk', ['org_id', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calibration_groups').execute();
  await db.schema.dropTable('unit_penetapan').execute();
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
