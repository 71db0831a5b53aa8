// The seal of a closed cycle (audit/seal.ts): one digest over the heads of all the cycle's streams at
// its close, with the close's position and time, so later rewrites of the log can be detected.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cycles')
    .addColumn('seal_digest', 'text')
    .addColumn('sealed_at', 'timestamptz')
    .addColumn('sealed_position', 'bigint')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('cycles')
    .dropColumn('seal_digest')
    .dropColumn('sealed_at')
    .dropColumn('sealed_position')
    .execute();
}
