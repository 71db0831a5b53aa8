// The read trail: who opened whose evaluation file, objection file, 360 review identities or document
// (audit/read-trail.ts). UU 27/2022 (PDP) asks that access to personal data be accountable, and that the
// record of it hold no more than it must: who read, whose record, what kind of record, when, which
// request. Never the record itself. Append-only like the event log: a trigger refuses UPDATE, DELETE and
// TRUNCATE.
import { type Kysely, sql } from 'kysely';
import { appendOnlyTriggers } from './frozen-shapes.ts';

const statements = [
  sql`create table read_trail (
    id bigserial primary key,
    org_id text not null,
    cycle_id text not null,
    -- An appraisal id, or <cycleId>:<unitCode> for a unit's penetapan.
    subject text not null,
    reader_nip text not null,
    kind text not null check (kind in ('evaluationFile', 'objectionFile', 'reviewIdentities', 'document')),
    -- For a document, which one (skp, evaluasi TW2, keberatan, penetapan akhir); null otherwise.
    detail text check (length(detail) <= 60),
    via text not null check (via in ('api', 'web')),
    request_id text not null check (length(request_id) <= 100),
    read_at timestamptz not null default now()
  )`,
  sql`create index read_trail_cycle on read_trail (cycle_id, subject, read_at)`,
  sql`create function read_trail_forbid_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the read trail is append-only: % on read_trail is not allowed', tg_op
        using errcode = 'restrict_violation';
    end
  $$`,
  ...appendOnlyTriggers('read_trail'),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table read_trail`.execute(db);
  await sql`drop function read_trail_forbid_change()`.execute(db);
}
