// Read models of the appraisal streams, kept in the same transaction as the append: the appraisal row
// (state folded by the domain's own `evolve`), the inbox (tasks) with one notification per task and
// reminder; and the periodic evaluations (period-writes.ts) from the same folded state. Counts per unit
// (progress per step, predikat) are counted from these rows when read (unit-counts.ts).
import type { Kysely } from 'kysely';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../../domain/appraisal/state.ts';
import { appraisalIdOfStream } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { AppraisalWrites } from './appraisal-writes.ts';
import { PeriodWrites } from './period-writes.ts';

export interface ProjectedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
}

export async function projectAppraisalEvents(
  trx: Kysely<Database>,
  events: readonly ProjectedEvent[],
): Promise<void> {
  const byStream = new Map<string, ProjectedEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId);
    if (list) list.push(e);
    else byStream.set(e.streamId, [e]);
  }
  const before = await storedStates(trx, [...byStream.keys()]);
  const writes = new AppraisalWrites(trx);
  const periodWrites = new PeriodWrites(trx);
  for (const [streamId, streamEvents] of byStream) {
    const state = await projectStream(writes, trx, before.get(streamId) ?? null, streamEvents);
    const periods = periodsOf(streamEvents);
    if (state && periods.size > 0) periodWrites.project(state, periods);
  }
  await writes.flush();
  await periodWrites.flush();
}

/** The periods a stream's events speak of (period.opened, period.rated, ...). */
function periodsOf(events: readonly ProjectedEvent[]): Set<string> {
  const periods = new Set<string>();
  for (const e of events) {
    if (e.type.startsWith('period.')) periods.add((e.data as { period: string }).period);
  }
  return periods;
}

/** The projected state of each stream's appraisal, in one query for all of them. */
async function storedStates(
  trx: Kysely<Database>,
  streamIds: string[],
): Promise<Map<string, AppraisalState>> {
  const ids = new Map<string, string>();
  for (const streamId of streamIds) {
    const appraisalId = appraisalIdOfStream(streamId);
    if (appraisalId) ids.set(appraisalId, streamId);
  }
  const states = new Map<string, AppraisalState>();
  if (ids.size === 0) return states;
  const rows = await trx
    .selectFrom('appraisals')
    .select(['appraisal_id', 'state'])
    .where('appraisal_id', 'in', [...ids.keys()])
    .execute();
  for (const row of rows) states.set(ids.get(row.appraisal_id)!, row.state as AppraisalState);
  return states;
}

async function projectStream(
  writes: AppraisalWrites,
  trx: Kysely<Database>,
  before: AppraisalState | null,
  events: ProjectedEvent[],
): Promise<AppraisalState | null> {
  let state = before;
  for (const event of events) {
    const typed = { type: event.type, data: event.data } as AppraisalEvent;
    state =
      typed.type === 'appraisal.started' ? initialState(typed.data) : state ? evolve(state, typed) : null;
    if (state) await projectTask(writes, trx, state, typed, event.eventId);
  }
  if (!state) return null;
  writes.upsertAppraisal(appraisalRow(state, events));
  return state;
}

function appraisalRow(state: AppraisalState, events: ProjectedEvent[]) {
  const last = events[events.length - 1];
  const at = (last?.data as { at?: string } | undefined)?.at ?? new Date().toISOString();
  return {
    appraisal_id: state.appraisalId,
    cycle_id: state.cycleId,
    org_id: state.orgId,
    nip: state.participants.employee.nip,
    unit_code: state.participants.employee.unitCode,
    supervisor_nip: state.participants.supervisorNip,
    superior_nip: state.participants.superiorNip,
    step: state.step,
    deadline: state.deadline,
    predikat: state.rating?.predikat ?? null,
    released_at: state.release?.at ?? null,
    version: last?.streamVersion ?? state.version,
    state: JSON.stringify(state),
    updated_at: at,
  };
}

async function projectTask(
  writes: AppraisalWrites,
  trx: Kysely<Database>,
  state: AppraisalState,
  event: AppraisalEvent,
  eventId: string,
): Promise<void> {
  if (await writes.followTask(state.orgId, eventId, event)) return;
  switch (event.type) {
    case 'task.assigned': {
      const t = event.data;
      writes.giveTask(
        {
          task_id: t.taskId,
          appraisal_id: state.appraisalId,
          cycle_id: state.cycleId,
          org_id: state.orgId,
          kind: t.kind,
          step: t.step,
          assignee_nip: t.assigneeNip,
          assignee_role: t.assigneeRole,
          due_at: t.dueAt,
          created_at: t.at,
        },
        eventId,
        t.kind === 'escalateSocialisation' ? 'escalation' : 'assigned',
      );
      return;
    }
    case 'task.reassigned': {
      // The task moves to its new holder's inbox, with a notification as for any task they are given.
      const t = event.data;
      await writes.flushTasks();
      await trx
        .updateTable('tasks')
        .set({ assignee_nip: t.assigneeNip, assignee_role: t.assigneeRole })
        .where('task_id', '=', t.taskId)
        .execute();
      writes.notify({
        org_id: state.orgId,
        task_id: t.taskId,
        recipient_nip: t.assigneeNip,
        recipient_role: t.assigneeRole,
        kind: 'assigned',
        event_id: eventId,
        created_at: t.at,
      });
      return;
    }
    case 'participants.changed':
      // The new rater reads the year's activity reports, those written before the change too.
      await trx
        .updateTable('activity_reports')
        .set({ supervisor_nip: event.data.supervisorNip })
        .where('appraisal_id', '=', state.appraisalId)
        .execute();
      return;
    case 'activityReport.added': {
      const r = event.data;
      await trx
        .insertInto('activity_reports')
        .values({
          appraisal_id: state.appraisalId,
          report_id: r.reportId,
          org_id: state.orgId,
          nip: r.by,
          supervisor_nip: state.participants.supervisorNip,
          date: r.date,
          description: r.description,
          created_at: r.at,
        })
        .onConflict((oc) => oc.columns(['appraisal_id', 'report_id']).doNothing())
        .execute();
      return;
    }
    default:
      return;
  }
}
