// Shapes that more than one applied migration builds. Applied migrations depend on this file: never change
// it (a new shape or a changed one goes in a new function, or in the new migration itself).
import { type CreateTableBuilder, type RawBuilder, sql } from 'kysely';

/**
 * The triggers that keep a table append-only through its `<table>_forbid_change()`: per row on UPDATE and
 * DELETE, per statement on TRUNCATE.
 */
export function appendOnlyTriggers(table: string): RawBuilder<unknown>[] {
  const forbid = sql.raw(`${table}_forbid_change()`);
  return [
    sql`create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.raw(table)}
    for each row execute function ${forbid}`,
    sql`create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.raw(table)}
    for each statement execute function ${forbid}`,
  ];
}

/** A penetapan's holding: its stage, who holds it (with the unit's leader and their superior), until when. */
export function penetapanHolding<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('assignee_nip', 'text')
    .addColumn('leader_nip', 'text')
    .addColumn('superior_nip', 'text')
    .addColumn('deadline', 'timestamptz', (c) => c.notNull());
}

/** A penetapan's findings under the pack it was opened with, and its signature. */
export function penetapanSigning<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_as', 'text')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('conforming', 'boolean')
    .addColumn('justifications', 'jsonb');
}
