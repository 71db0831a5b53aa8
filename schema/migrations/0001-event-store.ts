// The event store: an append-only, hash-chained `events` log and a `streams` table holding each
// stream's version and head hash (the row appends lock for optimistic concurrency).
// Migrations take Kysely<any> on purpose: they must keep compiling as schema/database.ts evolves.
import { type Kysely, sql } from 'kysely';
import { appendOnlyTriggers } from './frozen-shapes.ts';

const up = [
  sql`create table streams (
    stream_id text primary key,
    -- Created with a stream's first events, so never 0: an append expecting 0 can skip reading it.
    version integer not null check (version >= 1),
    head_hash text not null,
    updated_at timestamptz not null default now()
  )`,
  sql`create table events (
    global_position bigserial primary key,
    transaction_id xid8 not null default pg_current_xact_id(),
    stream_id text not null,
    stream_version integer not null check (stream_version >= 1),
    event_id uuid not null unique,
    type text not null,
    data jsonb not null,
    metadata jsonb not null,
    recorded_at timestamptz not null,
    prev_hash text not null,
    hash text not null,
    unique (stream_id, stream_version)
  )`,
  // readAll pages in (transaction_id, global_position) order.
  sql`create index events_transaction_order on events (transaction_id, global_position)`,
  sql`create function events_forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only: % on events is not allowed', tg_op
        using errcode = 'restrict_violation',
              hint = 'correct a fact by appending a compensating event';
    end
  $$`,
  // Ordinary (origin) triggers: an audit test can still tamper as a superuser with
  // `set session_replication_role = replica`, which is exactly what the hash chain must then catch.
  ...appendOnlyTriggers('events'),
];

const down = [sql`drop table events`, sql`drop function events_forbid_change()`, sql`drop table streams`];

export const eventStoreMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of up) await statement.execute(db);
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const statement of down) await statement.execute(db);
  },
};
