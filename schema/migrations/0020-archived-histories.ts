// Workflow histories archived in siklus's own record: a year run on a server that does not keep it (the
// demo's previous year, on the time-skipping test server that stops afterwards) keeps its Temporal
// histories here, so the audit's history replay still has them. One row per workflow run, the history as
// Temporal's protobuf bytes (temporal.api.history.v1.History). Append-only like the event log: a trigger
// refuses UPDATE, DELETE and TRUNCATE.
import { type Kysely, sql } from 'kysely';
import { appendOnlyTriggers } from './frozen-shapes.ts';

const statements = [
  sql`create table archived_histories (
    workflow_id text not null,
    run_id text not null,
    cycle_id text not null,
    workflow_type text not null,
    -- The run's status when archived (COMPLETED, RUNNING, ...), as Temporal named it.
    status text not null,
    events integer not null check (events > 0),
    history bytea not null,
    archived_at timestamptz not null default now(),
    primary key (workflow_id, run_id)
  )`,
  sql`create index archived_histories_cycle on archived_histories (cycle_id)`,
  sql`create function archived_histories_forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'archived histories are append-only: % on archived_histories is not allowed', tg_op
        using errcode = 'restrict_violation';
    end
  $$`,
  ...appendOnlyTriggers('archived_histories'),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table archived_histories`.execute(db);
  await sql`drop function archived_histories_forbid_change()`.execute(db);
}
