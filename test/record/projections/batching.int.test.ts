// The appraisal projection writes a whole append (a launch batch of many appraisals) in a few multi-row
// statements. Given the same events, the read models must come out exactly as when every event is
// appended, and projected, on its own.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../../domain/appraisal/decide.ts';
import type { AppraisalEvent } from '../../../domain/appraisal/events.ts';
import { openingEvents } from '../../../domain/appraisal/opening.ts';
import { type AppraisalState, evolve, initialState } from '../../../domain/appraisal/state.ts';
import * as transitions from '../../../domain/appraisal/transitions.ts';
import type { Actor } from '../../../domain/appraisal/types.ts';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../../domain/cycle/calendar.ts';
import { eventSchemas } from '../../../domain/event-registry.ts';
import { cycleStreamId } from '../../../domain/ids.ts';
import { projections } from '../../../record/projections/index.ts';
import { stepCounts } from '../../../record/projections/unit-counts.ts';
import { appendMany, appendToStream, type NewEvent } from '../../../record/store/index.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';

const at = '2027-01-04T00:00:00.000Z';
const later = '2027-01-10T00:00:00.000Z';
const calendar = toAppraisalCalendar(buildCalendar(2027, at));
const units = ['DINKES', 'DISDIK', 'BAPPEDA'];
const nipOf = (i: number) => `199001012015031${String(i).padStart(3, '0')}`;

/** Each appraisal's events, in order: opened, then one of five continuations. */
function scripts(count: number): Array<{ streamId: string; events: AppraisalEvent[] }> {
  return Array.from({ length: count }, (_, i) => {
    const nip = nipOf(i);
    const input = {
      appraisalId: `batch.2027.${nip}`,
      cycleId: 'batch.2027',
      orgId: 'batch',
      participants: {
        employee: { nip, name: `Pegawai ${i}`, unitCode: units[i % units.length]!, positionCode: 'STAF' },
        supervisorNip: nipOf(900 + (i % 3)),
        superiorNip: null,
        subordinateNips: [],
      },
      calendar,
    };
    const events = openingEvents(input, at);
    let state = events.reduce(evolve, initialState({ ...input, calendar: {}, at }));
    const then = (next: AppraisalEvent[]) => {
      events.push(...next);
      state = next.reduce(evolve, state);
    };
    const employee: Actor = { nip, roles: [] };
    switch (i % 7) {
      case 1: // reminded, then acknowledged
        then(transitions.remind(state, later));
        then(decide(state, { type: 'acknowledgeStandards' }, { actor: employee, now: later }));
        break;
      case 2: // missed: expired, escalated, and on to the agreement
        then(transitions.closeStep(state, later));
        then(transitions.enterStep(state, 'agreement', calendar.agreement.deadline, later));
        break;
      case 3: // cancelled (a leaver): out of the progress counts
        then(transitions.cancel(state, 'pindah instansi', nipOf(990), later));
        break;
      case 4: // the same task assigned again in the same append, to someone else
        then([reassigned(state, nipOf(950))]);
        break;
      case 5: // expired, then the same task assigned again: open again, in one append as apart
        then([expired(state), reassigned(state, nipOf(951))]);
        break;
      case 6: // assigned again, then completed in the same append: closed
        then([reassigned(state, nipOf(952)), completed(state, nipOf(952))]);
        break;
      default: // only opened
    }
    return { streamId: `appraisal-${input.appraisalId}`, events };
  });
}

function reassigned(state: AppraisalState, assigneeNip: string): AppraisalEvent {
  const task = Object.values(state.openTasks)[0]!;
  return {
    type: 'task.assigned',
    data: {
      taskId: task.taskId,
      kind: 'acknowledgeStandards',
      assigneeNip,
      assigneeRole: 'employee',
      step: 'socialisation',
      dueAt: later,
      at: later,
    },
  } as AppraisalEvent;
}

function expired(state: AppraisalState): AppraisalEvent {
  const task = Object.values(state.openTasks)[0]!;
  return { type: 'task.expired', data: { taskId: task.taskId, at: later } };
}

function completed(state: AppraisalState, by: string): AppraisalEvent {
  const task = Object.values(state.openTasks)[0]!;
  return { type: 'task.completed', data: { taskId: task.taskId, by, at: later } };
}

const envelopes = (_streamId: string, events: AppraisalEvent[]) =>
  events.map(
    (event) =>
      ({
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { actor: 'test' },
      }) as NewEvent<typeof eventSchemas>,
  );

/** Every projection table's rows, in a stable order, without generated keys. */
async function readModels(db: Kysely<Database>) {
  const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(db)).rows;
  return {
    appraisals: await rows('select * from appraisals order by appraisal_id'),
    tasks: await rows('select * from tasks order by task_id'),
    notifications: await rows(
      `select org_id, task_id, recipient_nip, recipient_role, kind, event_id, created_at
       from notifications order by event_id, task_id`,
    ),
  };
}

const databases: Array<{ drop(): Promise<void> }> = [];
const dbs: Array<Kysely<Database>> = [];
async function freshDb(name: string) {
  const database = await createTestDatabase(name);
  databases.push(database);
  const db = createDb(database.url);
  dbs.push(db);
  await migrateToLatest(db);
  return db;
}

afterAll(async () => {
  for (const db of dbs) await db.destroy();
  for (const database of databases) await database.drop();
});

describe('the appraisal projection over one append of many streams', () => {
  it('leaves the same read models as projecting every event on its own', async () => {
    const streams = scripts(42).map((s) => ({ ...s, envelopes: envelopes(s.streamId, s.events) }));
    const batched = await freshDb('projection_batched');
    const single = await freshDb('projection_single');

    const outcomes = await appendMany(
      batched,
      eventSchemas,
      streams.map(({ streamId, envelopes }) => ({
        streamId,
        expectedVersion: 0 as const,
        events: envelopes,
      })),
      { projections },
    );
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    for (const { streamId, envelopes } of streams) {
      for (const [index, event] of envelopes.entries()) {
        await appendToStream(single, eventSchemas, streamId, [event], {
          expectedVersion: index,
          projections,
        });
      }
    }

    const fromBatch = await readModels(batched);
    expect(fromBatch).toEqual(await readModels(single));
    // And what they hold is right: 42 appraisals, 6 cancelled, the rest counted by their step.
    expect(fromBatch.appraisals).toHaveLength(42);
    const progress: Record<string, number> = {};
    for (const r of await stepCounts(batched, 'batch.2027'))
      progress[r.bucket] = (progress[r.bucket] ?? 0) + r.count;
    expect(progress).toEqual({ socialisation: 30, agreement: 6 });
    const kinds = fromBatch.notifications.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'reminder')).toHaveLength(6);
    expect(kinds.filter((k) => k === 'escalation')).toHaveLength(6);
    const reassignedTask = fromBatch.tasks.find((t) => t.assignee_nip === nipOf(950));
    expect(reassignedTask).toMatchObject({ status: 'open', due_at: new Date(later) });
    const statuses = fromBatch.tasks.map((t) => t.status);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(6);
    expect(statuses.filter((s) => s === 'expired')).toHaveLength(6);
    expect(statuses.filter((s) => s === 'completed')).toHaveLength(12);
    // Expired, then assigned again: open again; assigned again, then completed: closed.
    const reopened = fromBatch.tasks.filter((t) => t.assignee_nip === nipOf(951));
    expect(reopened.map((t) => [t.status, t.closed_at])).toEqual(Array(6).fill(['open', null]));
    const closed = fromBatch.tasks.filter((t) => t.assignee_nip === nipOf(952));
    expect(closed.map((t) => t.status)).toEqual(Array(6).fill('completed'));
  });
});

describe('the cycle projection', () => {
  it("updates a cycle only from that cycle's own stream", async () => {
    const db = await freshDb('projection_cycle_streams');
    const setPredikat = (streamId: string) =>
      appendToStream(
        db,
        eventSchemas,
        streamId,
        [
          {
            eventId: randomUUID(),
            type: 'cycle.unitPredikatSet',
            data: { unitCode: 'DINKES', predikat: 'baik', by: nipOf(900), at },
            metadata: { actor: nipOf(900) },
          },
        ],
        { expectedVersion: 0, projections },
      );
    await setPredikat(cycleStreamId('batch.2027'));
    // Not a cycle's own stream: no cycle id can be read from it, so no cycle is touched.
    await setPredikat('cycle-batch');
    await setPredikat('appraisal-batch.2027.199001012015031001');
    const { rows } =
      await sql`select cycle_id, unit_predikat from unit_calibration order by cycle_id`.execute(db);
    expect(rows).toEqual([{ cycle_id: 'batch.2027', unit_predikat: 'baik' }]);
  });
});
