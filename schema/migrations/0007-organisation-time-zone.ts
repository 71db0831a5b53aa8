// Each organisation's time zone: its people's deadlines end at 23:59:59 there and are shown there. One of
// Indonesia's three zones (WIB, WITA, WIT); organisations that exist already get WIB, where most are.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('time_zone', 'text', (c) =>
      c
        .notNull()
        .defaultTo('Asia/Jakarta')
        .check(sql`time_zone in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('time_zone').execute();
}
