// Rebuilds the read models from the event log alone and compares them with the live ones, row for row.
// In one repeatable-read transaction (one snapshot: the live tables and the log agree, since projections
// commit with their events), a scratch schema gets empty copies of the projection tables, the
// production projections run over the events in log order, append (transaction) by append as they ran
// live (consecutive appraisal appends in one call, see AppendBatch), and each table is compared with the
// live one by EXCEPT both ways.
// The transaction is rolled back, scratch schema and all. While it runs, its open transaction holds
// back log readers that wait for older transactions (record/store/read-all.ts): run it off-peak on big logs.
import { randomBytes } from 'node:crypto';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { eventSchemas } from '../domain/event-registry.ts';
import { cycleStreamIds } from '../record/projections/cycle-streams.ts';
import { appraisalProjection, projections } from '../record/projections/index.ts';
import { EventStoreError } from '../record/store/errors.ts';
import { runProjections } from '../record/store/projection.ts';
import { type EventRecord, toRecordedEvent } from '../record/store/recorded-event.ts';
import type { RecordedEvent } from '../record/store/types.ts';
import type { Database } from '../schema/database.ts';

import { projectionTables } from './projection-tables.ts';

export interface TableDifference {
  table: string;
  /** Rows (over the compared columns) found only in the live table, and only in the rebuild. */
  onlyLive: number;
  onlyRebuilt: number;
  /** The first few of each, as JSON objects. */
  liveRows: unknown[];
  rebuiltRows: unknown[];
}

export interface RebuildReport {
  ok: boolean;
  cycleId: string | null;
  events: number;
  /** Events that fail their schema: not applied (the verifier names them). */
  skipped: Array<{ streamId: string; version: number; detail: string }>;
  tables: string[];
  /** Only the tables that differ. */
  differences: TableDifference[];
}

export interface RebuildOptions {
  /** Only this cycle's streams and rows (its `streamIds` when the caller has them); else everything. */
  cycleId?: string;
  streamIds?: readonly string[];
  /** Differing rows listed per table and side (default 5). */
  sample?: number;
  onProgress?: (done: number, total: number) => void;
}

const pageSize = 5_000;

export async function rebuildProjections(
  db: Kysely<Database>,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const trx = await db.startTransaction().setIsolationLevel('repeatable read').execute();
  try {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(trx);
    const live = rows[0]?.schema ?? 'public';
    const scratch = `rebuild_${randomBytes(6).toString('hex')}`;
    await createScratchTables(trx, live, scratch);
    const scope = await scopeOf(trx, options);
    const total = await countEvents(trx, scope);
    await sql`set local search_path to ${sql.id(scratch)}, ${sql.id(live)}`.execute(trx);
    const skipped: RebuildReport['skipped'] = [];
    const batch = new AppendBatch(trx);
    let applied = 0;
    for await (const groups of appendsInLogOrder(trx, scope)) {
      for (const group of groups) {
        const events: Array<RecordedEvent<typeof eventSchemas>> = [];
        for (const row of group) {
          try {
            events.push(toRecordedEvent(eventSchemas, row));
          } catch (error) {
            if (!(error instanceof EventStoreError)) throw error;
            skipped.push({ streamId: row.stream_id, version: row.stream_version, detail: error.message });
          }
        }
        await batch.add(events);
        applied += group.length;
      }
      await batch.flush();
      options.onProgress?.(applied, total);
    }
    const differences: TableDifference[] = [];
    for (const table of projectionTables) {
      const where = options.cycleId ? table.ofCycle(options.cycleId) : sql`true`;
      const difference = await compareTable(
        trx,
        table.name,
        table.ignored,
        live,
        scratch,
        where,
        options.sample ?? 5,
      );
      if (difference.onlyLive + difference.onlyRebuilt > 0) differences.push(difference);
    }
    return {
      ok: differences.length === 0 && skipped.length === 0,
      cycleId: options.cycleId ?? null,
      events: applied,
      skipped,
      tables: projectionTables.map((table) => table.name),
      differences,
    };
  } finally {
    await trx.rollback().execute();
  }
}

/**
 * Appends replayed together where that cannot change the result. Replaying one append at a time costs a
 * few queries each (a year of 1000 employees took minutes); consecutive appends whose events only the
 * appraisal projection handles, each on streams no other append of the batch touches, are projected in
 * one call, exactly as the launch projects its batch of appraisals live. Any other append is projected
 * alone, in its place in the log.
 */
class AppendBatch {
  private events: Array<RecordedEvent<typeof eventSchemas>> = [];
  private readonly streams = new Set<string>();

  constructor(private readonly trx: Transaction<Database>) {}

  async add(events: Array<RecordedEvent<typeof eventSchemas>>): Promise<void> {
    const batchable = events.length > 0 && events.every((e) => appraisalOnly.has(e.type));
    const streams = new Set(events.map((e) => e.streamId));
    if (!batchable || [...streams].some((id) => this.streams.has(id))) await this.flush();
    if (!batchable) {
      await runProjections<typeof eventSchemas>(this.trx, projections, events);
      return;
    }
    this.events.push(...events);
    for (const id of streams) this.streams.add(id);
    if (this.events.length >= pageSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.events.length === 0) return;
    await runProjections<typeof eventSchemas>(this.trx, projections, this.events);
    this.events = [];
    this.streams.clear();
  }
}

/** Event types the appraisal projection handles and no other projection does. */
const appraisalOnly = new Set<string>(
  appraisalProjection.handles.filter((type) =>
    projections.every((p) => p === appraisalProjection || !p.handles.includes(type)),
  ),
);

/** The events to replay: all, or the cycle's streams' (found within the same snapshot). */
async function scopeOf(trx: Transaction<Database>, options: RebuildOptions): Promise<RawBuilder<unknown>> {
  if (!options.cycleId) return sql`true`;
  const streamIds = options.streamIds ?? (await cycleStreamIds(trx, options.cycleId, { withEvents: true }));
  return sql`stream_id = any(${[...streamIds]}::text[])`;
}

/** Empty copies (columns, defaults, constraints, indexes; no triggers) with their own sequences. */
async function createScratchTables(trx: Transaction<Database>, live: string, scratch: string): Promise<void> {
  await sql`create schema ${sql.id(scratch)}`.execute(trx);
  for (const table of projectionTables) {
    await sql`create table ${sql.id(scratch, table.name)} (like ${sql.id(live, table.name)} including all)`.execute(
      trx,
    );
  }
  // Copied serial defaults still draw from the live sequences; the rebuild must not advance them.
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = ${scratch} and column_default like 'nextval(%'`.execute(trx);
  for (const { table_name: table, column_name: column } of rows) {
    const sequence = `${table}_${column}_seq`;
    await sql`create sequence ${sql.id(scratch, sequence)}`.execute(trx);
    await sql`alter table ${sql.id(scratch, table)} alter column ${sql.id(column)}
      set default nextval(${sql.lit(`${scratch}.${sequence}`)}::regclass)`.execute(trx);
  }
}

async function countEvents(trx: Transaction<Database>, scope: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from events where ${scope}`.execute(
    trx,
  );
  return rows[0]?.n ?? 0;
}

/**
 * The events in log order (transaction, position), grouped by the append (transaction) that wrote
 * them, a page of groups at a time; a group is never split across pages.
 */
async function* appendsInLogOrder(
  trx: Transaction<Database>,
  scope: RawBuilder<unknown>,
): AsyncGenerator<EventRecord[][]> {
  const select = sql`select global_position, transaction_id::text, stream_id, stream_version, event_id::text,
    type, data, metadata, recorded_at, prev_hash, hash from events`;
  let after = { transactionId: '0', position: 0 };
  for (;;) {
    const { rows } = await sql<EventRecord>`${select}
      where ${scope} and (transaction_id, global_position) > (${after.transactionId}::xid8, ${after.position}::int8)
      order by events.transaction_id, events.global_position limit ${pageSize}`.execute(trx);
    if (rows.length === 0) return;
    let groups = groupByTransaction(rows);
    if (rows.length === pageSize) {
      const last = groups.pop() ?? [];
      if (groups.length === 0) {
        // One append larger than a page: read the rest of it.
        const rest = await sql<EventRecord>`${select}
          where ${scope} and transaction_id = ${last[0]?.transaction_id}::xid8
          order by events.global_position`.execute(trx);
        groups = [rest.rows];
      }
    }
    const tail = groups.at(-1)?.at(-1);
    if (!tail) return;
    yield groups;
    after = { transactionId: tail.transaction_id, position: tail.global_position };
  }
}

function groupByTransaction(rows: EventRecord[]): EventRecord[][] {
  const groups: EventRecord[][] = [];
  for (const row of rows) {
    const group = groups.at(-1);
    if (group && group[0]?.transaction_id === row.transaction_id) group.push(row);
    else groups.push([row]);
  }
  return groups;
}

async function compareTable(
  trx: Transaction<Database>,
  table: string,
  ignored: readonly string[],
  live: string,
  scratch: string,
  where: RawBuilder<unknown>,
  sample: number,
): Promise<TableDifference> {
  const { rows } = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = ${live} and table_name = ${table} order by ordinal_position`.execute(trx);
  const columns = sql.join(
    rows.filter((row) => !ignored.includes(row.column_name)).map((row) => sql.id(row.column_name)),
  );
  const side = (schema: string) => sql`select ${columns} from ${sql.id(schema, table)} where ${where}`;
  const onlyIn = async (first: string, second: string) => {
    const { rows: found } = await sql<{ row: unknown; n: number }>`
      select to_jsonb(d) as row, count(*) over ()::int8 as n
      from (${side(first)} except ${side(second)}) d
      order by to_jsonb(d)::text limit ${sample}`.execute(trx);
    return { count: found[0]?.n ?? 0, rows: found.map((r) => r.row) };
  };
  const onlyLive = await onlyIn(live, scratch);
  const onlyRebuilt = await onlyIn(scratch, live);
  return {
    table,
    onlyLive: onlyLive.count,
    onlyRebuilt: onlyRebuilt.count,
    liveRows: onlyLive.rows,
    rebuiltRows: onlyRebuilt.rows,
  };
}
