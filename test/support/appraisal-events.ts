// Appends real appraisal and cycle events through the event store and the production projections, for
// tests that need tasks, notifications and documents without running workflows; and reads them back.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { eventSchemas } from '../../domain/event-registry.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import { projections } from '../../record/projections/index.ts';
import { appendToStream, type NewEvent } from '../../record/store/index.ts';
import type { Database } from '../../schema/database.ts';

export async function startAppraisal(
  db: Kysely<Database>,
  orgId: string,
  nip: string,
  supervisorNip: string | null,
) {
  const appraisalId = `${orgId}.2027.${nip}`;
  const at = new Date().toISOString();
  await appendAppraisalEvents(db, appraisalId, 0, [
    {
      type: 'appraisal.started',
      data: {
        appraisalId,
        cycleId: `${orgId}.2027`,
        orgId,
        participants: {
          employee: { nip, name: 'Pegawai', unitCode: 'U1', positionCode: 'STAF' },
          supervisorNip,
          superiorNip: null,
          subordinateNips: [],
        },
        calendar: {},
        at,
      },
    },
  ]);
  return appraisalId;
}

/** Assigns tasks (one notification each) to the appraisal's employee; returns the new stream version. */
export async function assignTasks(
  db: Kysely<Database>,
  appraisalId: string,
  version: number,
  assigneeNip: string,
  count: number,
) {
  const at = new Date().toISOString();
  const events = Array.from({ length: count }, (_, i) => ({
    type: 'task.assigned' as const,
    data: {
      taskId: `${appraisalId}:submitCheckIn:${version + i}`,
      kind: 'submitCheckIn' as const,
      assigneeNip,
      assigneeRole: 'employee' as const,
      step: 'checkIns' as const,
      dueAt: at,
      at,
    },
  }));
  await appendAppraisalEvents(db, appraisalId, version, events);
  return version + count;
}

/** Appends events to an appraisal's stream through the event store, with the production projections. */
export function appendAppraisalEvents(
  db: Kysely<Database>,
  appraisalId: string,
  expectedVersion: number,
  events: Array<{ type: string; data: unknown }>,
) {
  return appendStreamEvents(db, appraisalStreamId(appraisalId), expectedVersion, events);
}

/** Appends events to a stream (a cycle's, say) through the event store, with the production projections. */
export async function appendStreamEvents(
  db: Kysely<Database>,
  streamId: string,
  expectedVersion: number,
  events: Array<{ type: string; data: unknown }>,
) {
  const envelopes = events.map((e) => ({
    eventId: randomUUID(),
    type: e.type,
    data: e.data,
    metadata: { actor: 'test' },
  })) as NewEvent<typeof eventSchemas>[];
  await appendToStream(db, eventSchemas, streamId, envelopes, { expectedVersion, projections });
}

/** An appraisal's events as stored, in order. */
export function appraisalEventsOf(db: Kysely<Database>, appraisalId: string) {
  return streamEventsOf(db, appraisalStreamId(appraisalId));
}

/** A stream's events as stored, in order. */
export function streamEventsOf(db: Kysely<Database>, streamId: string) {
  return db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', streamId)
    .orderBy('stream_version')
    .execute();
}

/** The data of the events of one type, in order. */
export function dataOf(events: Array<{ type: string; data: unknown }>, type: string) {
  return events.filter((e) => e.type === type).map((e) => e.data as Record<string, unknown>);
}
