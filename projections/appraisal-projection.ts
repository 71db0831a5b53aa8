// Read models of the appraisal streams, kept in the same transaction as the append: the appraisal row
// (state folded by the domain's own `evolve`), the inbox (tasks) with one notification per task and
// reminder, progress per unit and step, and predikat counts per unit.
import { type Kysely, sql } from 'kysely';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { type AppraisalState, evolve, initialState } from '../domain/appraisal/state.ts';
import type { Database } from '../schema/database.ts';

export interface ProjectedEvent {
  eventId: string;
  streamId: string;
  streamVersion: number;
  type: string;
  data: unknown;
}

const counted = (s: AppraisalState | null) => (s && s.step !== 'cancelled' ? s : null);

export async function projectAppraisalEvents(
  trx: Kysely<Database>,
  events: readonly ProjectedEvent[],
): Promise<void> {
  const byStream = new Map<string, ProjectedEvent[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  for (const streamEvents of byStream.values()) await projectStream(trx, streamEvents);
}

async function projectStream(trx: Kysely<Database>, events: ProjectedEvent[]): Promise<void> {
  const first = events[0];
  if (!first) return;
  const started = first.type === 'appraisal.started' ? (first.data as AppraisalState & { at: string }) : null;
  const appraisalId = started ? started.appraisalId : await appraisalIdOf(trx, first.streamId);
  const row = appraisalId
    ? await trx
        .selectFrom('appraisals')
        .select(['state'])
        .where('appraisal_id', '=', appraisalId)
        .executeTakeFirst()
    : undefined;
  const before = (row?.state as AppraisalState | undefined) ?? null;
  let state = before;
  for (const event of events) {
    const typed = { type: event.type, data: event.data } as AppraisalEvent;
    state =
      typed.type === 'appraisal.started' ? initialState(typed.data) : state ? evolve(state, typed) : null;
    if (state) await projectTask(trx, state, typed, event.eventId);
  }
  if (!state) return;
  await upsertAppraisal(trx, state, events);
  await moveCount(
    trx,
    'cycle_progress',
    'step',
    before && counted(before)?.step,
    counted(state)?.step,
    state,
  );
  await moveCount(
    trx,
    'unit_distribution',
    'predikat',
    counted(before)?.rating?.predikat,
    counted(state)?.rating?.predikat,
    state,
  );
}

async function appraisalIdOf(_trx: Kysely<Database>, streamId: string): Promise<string | undefined> {
  // Stream ids are `appraisal-<appraisalId>` (workflows/appraisal-input.ts).
  return streamId.startsWith('appraisal-') ? streamId.slice('appraisal-'.length) : undefined;
}

async function upsertAppraisal(
  trx: Kysely<Database>,
  state: AppraisalState,
  events: ProjectedEvent[],
): Promise<void> {
  const last = events[events.length - 1];
  const at = (last?.data as { at?: string } | undefined)?.at ?? new Date().toISOString();
  const values = {
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
  await trx
    .insertInto('appraisals')
    .values(values)
    .onConflict((oc) => oc.column('appraisal_id').doUpdateSet(values))
    .execute();
}

async function projectTask(
  trx: Kysely<Database>,
  state: AppraisalState,
  event: AppraisalEvent,
  eventId: string,
): Promise<void> {
  switch (event.type) {
    case 'task.assigned': {
      const t = event.data;
      await trx
        .insertInto('tasks')
        .values({
          task_id: t.taskId,
          appraisal_id: state.appraisalId,
          cycle_id: state.cycleId,
          org_id: state.orgId,
          kind: t.kind,
          step: t.step,
          assignee_nip: t.assigneeNip,
          assignee_role: t.assigneeRole,
          due_at: t.dueAt,
          status: 'open',
          created_at: t.at,
        })
        .onConflict((oc) =>
          oc
            .column('task_id')
            .doUpdateSet({ status: 'open', due_at: t.dueAt, closed_at: null, assignee_nip: t.assigneeNip }),
        )
        .execute();
      await notify(
        trx,
        state,
        t.taskId,
        t.assigneeNip,
        t.assigneeRole,
        t.kind === 'escalateSocialisation' ? 'escalation' : 'assigned',
        eventId,
        t.at,
      );
      return;
    }
    case 'task.completed':
    case 'task.expired':
    case 'task.cancelled': {
      const status =
        event.type === 'task.completed'
          ? 'completed'
          : event.type === 'task.expired'
            ? 'expired'
            : 'cancelled';
      await trx
        .updateTable('tasks')
        .set({ status, closed_at: event.data.at })
        .where('task_id', '=', event.data.taskId)
        .execute();
      return;
    }
    case 'task.reminded': {
      const task = await trx
        .updateTable('tasks')
        .set({ reminded_at: event.data.at })
        .where('task_id', '=', event.data.taskId)
        .returning(['assignee_nip', 'assignee_role'])
        .executeTakeFirst();
      if (task)
        await notify(
          trx,
          state,
          event.data.taskId,
          task.assignee_nip,
          task.assignee_role,
          'reminder',
          eventId,
          event.data.at,
        );
      return;
    }
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

async function notify(
  trx: Kysely<Database>,
  state: AppraisalState,
  taskId: string,
  recipientNip: string | null,
  recipientRole: string,
  kind: 'assigned' | 'reminder' | 'escalation',
  eventId: string,
  at: string,
): Promise<void> {
  await trx
    .insertInto('notifications')
    .values({
      org_id: state.orgId,
      task_id: taskId,
      recipient_nip: recipientNip,
      recipient_role: recipientRole,
      kind,
      event_id: eventId,
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['event_id', 'task_id']).doNothing())
    .execute();
}

/** Moves one appraisal from one bucket (step or predikat) to another in a per-unit count table. */
async function moveCount(
  trx: Kysely<Database>,
  table: 'cycle_progress' | 'unit_distribution',
  column: 'step' | 'predikat',
  from: string | null | undefined,
  to: string | null | undefined,
  state: AppraisalState,
): Promise<void> {
  if (from === to) return;
  const key = { cycle_id: state.cycleId, unit_code: state.participants.employee.unitCode };
  if (from) {
    await sql`update ${sql.table(table)} set count = count - 1 where cycle_id = ${key.cycle_id} and unit_code = ${key.unit_code} and ${sql.ref(column)} = ${from}`.execute(
      trx,
    );
  }
  if (to) {
    await sql`insert into ${sql.table(table)} (cycle_id, unit_code, ${sql.ref(column)}, count) values (${key.cycle_id}, ${key.unit_code}, ${to}, 1)
      on conflict (cycle_id, unit_code, ${sql.ref(column)}) do update set count = ${sql.table(table)}.count + 1`.execute(
      trx,
    );
  }
}
