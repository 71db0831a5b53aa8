// Master data edited by hand (not event-sourced, like the rest of the organisation tables): who changed
// which unit, position, employee or setting and when, with the record before and after; the organisation's
// region and logo for the page header and the documents; and evidence files (a photo or a PDF) attached
// to an appraisal, kept in PostgreSQL itself so a backup of the database holds them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisation_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('unit', 'position', 'employee', 'organisation')`),
    )
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('by_nip', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organisation_changes_key')
    .on('organisation_changes')
    .columns(['org_id', 'kind', 'key', 'id'])
    .execute();
  await db.schema
    .alterTable('organisations')
    .addColumn('region', 'text')
    .addColumn('logo', 'bytea')
    .addColumn('logo_type', 'text', (c) => c.check(sql`logo_type in ('image/png', 'image/jpeg')`))
    .execute();
  await db.schema
    .createTable('evidence_files')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('appraisal_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) =>
      c.notNull().check(sql`content_type in ('image/png', 'image/jpeg', 'application/pdf')`),
    )
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('evidence_files_pk', ['org_id', 'appraisal_id', 'sha256'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('evidence_files').execute();
  await db.schema
    .alterTable('organisations')
    .dropColumn('logo_type')
    .dropColumn('logo')
    .dropColumn('region')
    .execute();
  await db.schema.dropTable('organisation_changes').execute();
}
