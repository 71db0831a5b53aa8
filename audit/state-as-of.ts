// Replay from the event log alone (no workflow queries): an appraisal's state, or a whole cycle's (its
// own fold and every appraisal's), as of a moment of the log: a recorded time or a global position.
// Each stream is read in version order and every event is validated against its schema on the way.
//   { position: p }  the events at global positions <= p;
//   { time: t }      each stream's events up to the first one recorded after t (recorded_at is the
//                    appending process's clock, so a stream's prefix is taken, never a gapped subset).
import { type Kysely, sql } from 'kysely';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../domain/appraisal/state.ts';
import type { CycleEvent } from '../domain/cycle/events.ts';
import { type CycleState, evolveCycle, initialCycleState } from '../domain/cycle/state.ts';
import { appraisalStreamId, cycleStreamId } from '../domain/ids.ts';
import { cycleStreamIds } from '../record/projections/cycle-streams.ts';
import type { Database } from '../schema/database.ts';
import { AuditError } from './errors.ts';
import { type AuditEvent, readStreamRows, validateRow } from './event-rows.ts';

export type AsOf = { time: Date } | { position: number };

export interface AppraisalAsOf {
  appraisalId: string;
  /** Null before the appraisal's first event. */
  state: AppraisalState | null;
  /** Stream version folded (0: none). */
  version: number;
  lastPosition: number | null;
}

export interface CycleAsOf {
  cycleId: string;
  cycle: CycleState | null;
  /** By appraisal id; appraisals without events at that moment are absent. */
  appraisals: Record<string, AppraisalState>;
  streams: number;
  events: number;
  lastPosition: number | null;
}

export function stateAsOf(
  db: Kysely<Database>,
  target: { appraisalId: string },
  asOf: AsOf,
): Promise<AppraisalAsOf>;
export function stateAsOf(db: Kysely<Database>, target: { cycleId: string }, asOf: AsOf): Promise<CycleAsOf>;
export async function stateAsOf(
  db: Kysely<Database>,
  target: { appraisalId: string } | { cycleId: string },
  asOf: AsOf,
): Promise<AppraisalAsOf | CycleAsOf> {
  if ('appraisalId' in target) return appraisalAsOf(db, target.appraisalId, asOf);
  return cycleAsOf(db, target.cycleId, asOf);
}

async function appraisalAsOf(db: Kysely<Database>, appraisalId: string, asOf: AsOf): Promise<AppraisalAsOf> {
  const streamId = appraisalStreamId(appraisalId);
  let result: AppraisalAsOf = { appraisalId, state: null, version: 0, lastPosition: null };
  const folded = await foldStreams(db, [streamId], asOf, (_stream, state, event) => {
    const next = foldAppraisal(state as AppraisalState | null, event);
    result = { appraisalId, state: next, version: event.streamVersion, lastPosition: event.globalPosition };
    return next;
  });
  if (folded.events === 0 && !(await streamExists(db, streamId)))
    throw new AuditError('not_found', `no appraisal ${appraisalId} in the event log`);
  return result;
}

async function cycleAsOf(db: Kysely<Database>, cycleId: string, asOf: AsOf): Promise<CycleAsOf> {
  const streamIds = await cycleStreamIds(db, cycleId);
  if (streamIds.length === 0) throw new AuditError('not_found', `no cycle ${cycleId} in the event log`);
  const cycleStream = cycleStreamId(cycleId);
  let cycle: CycleState | null = null;
  const appraisals: Record<string, AppraisalState> = {};
  const folded = await foldStreams(db, streamIds, asOf, (streamId, state, event) => {
    if (streamId === cycleStream) {
      cycle = foldCycle(state as CycleState | null, event);
      return cycle;
    }
    const next = foldAppraisal(state as AppraisalState | null, event);
    appraisals[next.appraisalId] = next;
    return next;
  });
  return { cycleId, cycle, appraisals, ...folded };
}

type Step = (streamId: string, state: unknown, event: AuditEvent) => unknown;

/** Folds each stream from its first event on; throws on a gap or an event that fails its schema. */
async function foldStreams(
  db: Kysely<Database>,
  streamIds: readonly string[],
  asOf: AsOf,
  step: Step,
): Promise<{ streams: number; events: number; lastPosition: number | null }> {
  const time = 'time' in asOf ? asOf.time.getTime() : undefined;
  const throughPosition = 'position' in asOf ? asOf.position : undefined;
  let current = '';
  let state: unknown = null;
  let next = 1;
  let stopped = false;
  let streams = 0;
  let events = 0;
  let lastPosition: number | null = null;
  for await (const rows of readStreamRows(db, streamIds, { throughPosition })) {
    for (const row of rows) {
      if (row.stream_id !== current) {
        current = row.stream_id;
        state = null;
        next = 1;
        stopped = false;
      }
      if (stopped) continue;
      if (time !== undefined && row.recorded_ms > time) {
        stopped = true;
        continue;
      }
      const where = { streamId: row.stream_id, version: row.stream_version };
      if (row.stream_version !== next) {
        throw new AuditError(
          'version_gap',
          `stream ${row.stream_id} jumps from version ${next - 1} to ${row.stream_version}: the log has a gap, or numbers this stream out of order (run siklus audit verify)`,
          where,
        );
      }
      const validated = validateRow(row);
      if (!validated.ok) throw new AuditError('invalid_event', validated.detail, where);
      if (next === 1) streams += 1;
      state = step(row.stream_id, state, validated.event);
      next += 1;
      events += 1;
      if (lastPosition === null || row.global_position > lastPosition) lastPosition = row.global_position;
    }
  }
  return { streams, events, lastPosition };
}

function foldAppraisal(state: AppraisalState | null, event: AuditEvent): AppraisalState {
  if (event.type === 'appraisal.started') return initialState(event.data);
  if (!state || event.type.startsWith('cycle.'))
    throw unexpected(event, state ? 'a cycle event in an appraisal stream' : 'before appraisal.started');
  return evolve(state, { type: event.type, data: event.data } as AppraisalEvent);
}

function foldCycle(state: CycleState | null, event: AuditEvent): CycleState {
  if (event.type === 'cycle.started') return initialCycleState(event.data);
  if (!state || !event.type.startsWith('cycle.'))
    throw unexpected(event, state ? 'not a cycle event' : 'before cycle.started');
  return evolveCycle(state, { type: event.type, data: event.data } as CycleEvent);
}

function unexpected(event: AuditEvent, why: string): AuditError {
  return new AuditError(
    'invalid_event',
    `${event.type} at version ${event.streamVersion} of ${event.streamId}: ${why}`,
    { streamId: event.streamId, version: event.streamVersion },
  );
}

async function streamExists(db: Kysely<Database>, streamId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from streams where stream_id = ${streamId})
        or exists (select 1 from events where stream_id = ${streamId}) as found`.execute(db);
  return rows[0]?.found === true;
}
