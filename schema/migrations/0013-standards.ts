// Read models of the standards rounds (domain/standards/): one row per round with its state folded by the
// domain's own evolve, and every published version of a position's standard with who proposed and who
// decided its changes. The round's tasks and their notifications go to the inbox's own tables.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('standard_rounds')
    .addColumn('round_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'windowClosed', 'closed')`))
    .addColumn('deadline', 'timestamptz', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('standard_rounds_org')
    .on('standard_rounds')
    .columns(['org_id', 'started_at'])
    .execute();
  await db.schema
    .createTable('standard_versions')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('position_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('standard', 'jsonb', (c) => c.notNull())
    .addColumn('decisions', 'jsonb', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_versions_pk', ['org_id', 'position_code', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['standard_versions', 'standard_rounds']) await db.schema.dropTable(table).execute();
}
