// Appends validated batches (at most one per stream) optimistically, in as few round trips as possible:
//   1. read the streams' heads (no lock; not needed for streams expected not to exist yet);
//   2. settle appends whose expected version is already stale: a retry of an append that went through
//      gets its original result, anything else a ConcurrencyError;
//   3. hash the rest from the heads read and write them in one statement that moves each head only if
//      it is still where it was read (write-events.ts); with projections that handle any of the
//      events, that statement and the projections share one transaction;
//   4. settle the appends that lost a race meanwhile like in 2 ('any' appends are simply retried).
// Each append gets its own outcome; only a failure that wrote nothing at all (a projection, the
// database) is thrown.
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { ConcurrencyError, type EventStoreError } from './errors.ts';
import { planWrite, recordedEvents, type WritePlan } from './plan-write.ts';
import type { PreparedAppend } from './prepare-append.ts';
import { type Projection, runProjections } from './projection.ts';
import { findStoredEvents, matchStoredAppend } from './stored-appends.ts';
import { readHeads } from './stream-heads.ts';
import type { AppendResult } from './types.ts';
import { type InsertedEvent, writeEvents } from './write-events.ts';

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: EventStoreError };

const uniqueViolation = '23505';
const deadlockDetected = '40P01';
/** 'any' appends that keep losing races give up with a ConcurrencyError after this many tries. */
const maxAnyAttempts = 10;

export async function appendPrepared(
  db: Kysely<Database>,
  appends: PreparedAppend[],
  projections: ReadonlyArray<Projection>,
  attempt = 1,
): Promise<AppendOutcome[]> {
  const outcomes = new Array<AppendOutcome | undefined>(appends.length);
  // A stream expected not to exist needs no read: its events chain from the genesis hash, and if it
  // exists after all, the write loses and settles below.
  const heads = await readHeads(
    db,
    appends.filter((append) => append.expectedVersion !== 0).map((append) => append.streamId),
  );
  const stale = appends.flatMap((append, index) =>
    append.expectedVersion !== 'any' && append.expectedVersion !== (heads.get(append.streamId)?.version ?? 0)
      ? [index]
      : [],
  );
  await settle(db, appends, stale, outcomes);

  const writing = appends.flatMap((append, index) => (outcomes[index] ? [] : [{ append, index }]));
  if (writing.length === 0) return outcomes as AppendOutcome[];
  const plan = planWrite(
    writing.map(({ append }) => append),
    heads,
  );
  let inserted: Map<string, InsertedEvent>;
  try {
    inserted = await write(db, plan, projections);
  } catch (error) {
    await settleFailedWrite(db, writing, projections, outcomes, error);
    return outcomes as AppendOutcome[];
  }

  const lost: number[] = [];
  for (const { append, index } of writing) {
    const result = resultOf(append, plan, inserted);
    if (result) outcomes[index] = { ok: true, result };
    else lost.push(index);
  }
  const retryAny = lost.filter(
    (index) => appends[index]!.expectedVersion === 'any' && attempt < maxAnyAttempts,
  );
  await settle(
    db,
    appends,
    lost.filter((index) => !retryAny.includes(index)),
    outcomes,
  );
  if (retryAny.length > 0) {
    const retried = await appendPrepared(
      db,
      retryAny.map((index) => appends[index]!),
      projections,
      attempt + 1,
    );
    retryAny.forEach((index, i) => {
      outcomes[index] = retried[i];
    });
  }
  return outcomes as AppendOutcome[];
}

/** The append's result, or undefined when its stream was lost to a concurrent writer. */
function resultOf(
  append: PreparedAppend,
  plan: WritePlan,
  inserted: Map<string, InsertedEvent>,
): AppendResult | undefined {
  const events = [];
  for (const event of append.events) {
    const at = inserted.get(event.eventId);
    if (!at) return undefined;
    const { streamVersion } = plan.rowsByEventId.get(event.eventId)!;
    events.push({ eventId: event.eventId, streamVersion, globalPosition: at.globalPosition });
  }
  const nextExpectedVersion = events.at(-1)!.streamVersion;
  return { streamId: append.streamId, nextExpectedVersion, events, alreadyAppended: false };
}

/**
 * The write statement failed and wrote nothing. A unique violation means stored event ids (a racing
 * retry, or reuse), a deadlock means batches crossed: settle each append on its own so that the others
 * still land. Anything else is rethrown.
 */
async function settleFailedWrite(
  db: Kysely<Database>,
  writing: Array<{ append: PreparedAppend; index: number }>,
  projections: ReadonlyArray<Projection>,
  outcomes: Array<AppendOutcome | undefined>,
  error: unknown,
): Promise<void> {
  const code = (error as { code?: unknown }).code;
  if (code !== uniqueViolation && code !== deadlockDetected) throw error;
  if (writing.length > 1) {
    for (const { append, index } of writing)
      outcomes[index] = (await appendPrepared(db, [append], projections))[0];
    return;
  }
  const { append, index } = writing[0]!;
  const match = matchStoredAppend(append, await findStoredEvents(db, eventIds(append)));
  if (match === undefined) throw error;
  outcomes[index] = toOutcome(match);
}

/** The write, in a transaction with the projections when any of them handles one of the events. */
async function write(
  db: Kysely<Database>,
  plan: WritePlan,
  projections: ReadonlyArray<Projection>,
): Promise<Map<string, InsertedEvent>> {
  const types = new Set(plan.rows.map((row) => row.type));
  const relevant = projections.filter((projection) => projection.handles.some((type) => types.has(type)));
  if (relevant.length === 0) return writeEvents(db, plan.recordedAt, plan.rows, plan.moves);
  return db.transaction().execute(async (trx) => {
    const inserted = await writeEvents(trx, plan.recordedAt, plan.rows, plan.moves);
    await runProjections(trx, relevant, recordedEvents(plan, inserted));
    return inserted;
  });
}

/**
 * The appends at `indexes` could not be written at the version they expected: a retry of an append
 * that went through gets its original result, reused event ids an EventIdConflictError, the rest a
 * ConcurrencyError with the stream's version now.
 */
async function settle(
  db: Kysely<Database>,
  appends: PreparedAppend[],
  indexes: number[],
  outcomes: Array<AppendOutcome | undefined>,
): Promise<void> {
  if (indexes.length === 0) return;
  const settling = indexes.map((index) => appends[index]!);
  const [stored, heads] = await Promise.all([
    findStoredEvents(db, settling.flatMap(eventIds)),
    readHeads(
      db,
      settling.map((append) => append.streamId),
    ),
  ]);
  indexes.forEach((index, i) => {
    const append = settling[i]!;
    const match = matchStoredAppend(append, stored);
    const actual = heads.get(append.streamId)?.version ?? 0;
    outcomes[index] =
      match !== undefined
        ? toOutcome(match)
        : { ok: false, error: new ConcurrencyError(append.streamId, append.expectedVersion, actual) };
  });
}

function eventIds(append: PreparedAppend): string[] {
  return append.events.map((event) => event.eventId);
}

function toOutcome(match: AppendResult | EventStoreError): AppendOutcome {
  return match instanceof Error ? { ok: false, error: match } : { ok: true, result: match };
}
