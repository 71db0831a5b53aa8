// The appraisal projection's writes, buffered so that one append of many streams (a launch batch of
// 200 appraisals) costs a handful of multi-row statements instead of several round trips per appraisal.
// Order is kept where it matters: buffered task rows, then closings, then notifications are written before
// any statement that reads or updates tasks; appraisal rows touch a table nothing else here reads.
import { type Insertable, type Kysely, sql } from 'kysely';
import type { AppraisalEvent } from '../../domain/appraisal/events.ts';
import type { StandardsEvent } from '../../domain/standards/events.ts';
import type { Database } from '../../schema/database.ts';

type TaskRow = Pick<
  Insertable<Database['tasks']>,
  | 'task_id'
  | 'appraisal_id'
  | 'cycle_id'
  | 'org_id'
  | 'kind'
  | 'step'
  | 'assignee_nip'
  | 'assignee_role'
  | 'due_at'
  | 'status'
  | 'created_at'
>;
type NotificationRow = Pick<
  Insertable<Database['notifications']>,
  'org_id' | 'task_id' | 'recipient_nip' | 'recipient_role' | 'kind' | 'event_id' | 'created_at'
>;
type AppraisalRow = Insertable<Database['appraisals']>;

/** Rows per statement: far below Postgres' 65,535 parameters for the widest table (14 columns). */
const chunkRows = 1_000;

type TaskClosing = 'completed' | 'expired' | 'cancelled';

/** What each task event after the assignment does to its inbox task, for both streams that give tasks. */
const taskFollowUps = {
  'task.completed': 'completed',
  'standards.taskCompleted': 'completed',
  'task.expired': 'expired',
  'standards.taskExpired': 'expired',
  'task.cancelled': 'cancelled',
  'standards.taskCancelled': 'cancelled',
  'task.reminded': 'reminded',
  'standards.taskReminded': 'reminded',
} as const;
type TaskFollowUpEvent = Extract<AppraisalEvent | StandardsEvent, { type: keyof typeof taskFollowUps }>;

function isTaskFollowUp(event: AppraisalEvent | StandardsEvent): event is TaskFollowUpEvent {
  return Object.hasOwn(taskFollowUps, event.type);
}

export class AppraisalWrites {
  private tasks = new Map<string, TaskRow>();
  /** Tasks closed since the last flush, written after the buffered task rows (a task is assigned first). */
  private closes = new Map<string, { status: TaskClosing; at: string }>();
  private notifications: NotificationRow[] = [];
  private appraisals = new Map<string, AppraisalRow>();

  constructor(private readonly trx: Kysely<Database>) {}

  /** A task assigned (again): created open, or reopened with its new due date and assignee. */
  assignTask(row: TaskRow): void {
    // Closed and assigned again since the last flush: the reopening (an upsert) is the outcome.
    this.closes.delete(row.task_id);
    const earlier = this.tasks.get(row.task_id);
    // Assigned twice in one append: one row, created as first assigned, with the last assignment.
    this.tasks.set(
      row.task_id,
      earlier ? { ...earlier, due_at: row.due_at, assignee_nip: row.assignee_nip } : row,
    );
  }

  /** A task given to someone: its row, open, and the notification that tells them. */
  giveTask(row: Omit<TaskRow, 'status'>, eventId: string, kind: NotificationRow['kind'] = 'assigned'): void {
    this.assignTask({ ...row, status: 'open' });
    this.notify({
      org_id: row.org_id,
      task_id: row.task_id,
      recipient_nip: row.assignee_nip,
      recipient_role: row.assignee_role,
      kind,
      event_id: eventId,
      created_at: row.created_at,
    });
  }

  /** A task completed, expired or cancelled. */
  closeTask(taskId: string, status: TaskClosing, at: string): void {
    this.closes.set(taskId, { status, at });
  }

  /** A task event after the assignment: its task closed, or its holder reminded; false for any other event. */
  async followTask(orgId: string, eventId: string, event: AppraisalEvent | StandardsEvent): Promise<boolean> {
    if (!isTaskFollowUp(event)) return false;
    const followUp = taskFollowUps[event.type];
    const { taskId, at } = event.data;
    if (followUp === 'reminded') await this.remind({ orgId, taskId, eventId, at });
    else this.closeTask(taskId, followUp, at);
    return true;
  }

  notify(row: NotificationRow): void {
    this.notifications.push(row);
  }

  upsertAppraisal(row: AppraisalRow): void {
    this.appraisals.set(row.appraisal_id, row);
  }

  /** A reminder of an open task: marked on the task, and a notification to whoever holds it now. */
  async remind(reminder: { orgId: string; taskId: string; eventId: string; at: string }): Promise<void> {
    await this.flushTasks();
    const task = await this.trx
      .updateTable('tasks')
      .set({ reminded_at: reminder.at })
      .where('task_id', '=', reminder.taskId)
      .returning(['assignee_nip', 'assignee_role'])
      .executeTakeFirst();
    if (!task) return;
    this.notify({
      org_id: reminder.orgId,
      task_id: reminder.taskId,
      recipient_nip: task.assignee_nip,
      recipient_role: task.assignee_role,
      kind: 'reminder',
      event_id: reminder.eventId,
      created_at: reminder.at,
    });
  }

  /** Writes buffered tasks, closings and notifications: call before any other statement on tasks. */
  async flushTasks(): Promise<void> {
    const tasks = [...this.tasks.values()];
    const closes = [...this.closes.entries()];
    const notifications = this.notifications;
    this.tasks = new Map();
    this.closes = new Map();
    this.notifications = [];
    for (const rows of chunks(tasks)) {
      await this.trx
        .insertInto('tasks')
        .values(rows)
        .onConflict((oc) =>
          oc.column('task_id').doUpdateSet((eb) => ({
            status: 'open',
            due_at: eb.ref('excluded.due_at'),
            closed_at: null,
            assignee_nip: eb.ref('excluded.assignee_nip'),
          })),
        )
        .execute();
    }
    for (const rows of chunks(closes)) {
      const values = sql.join(rows.map(([id, c]) => sql`(${id}, ${c.status}, ${c.at}::timestamptz)`));
      await sql`update tasks as t set status = v.status, closed_at = v.closed_at
        from (values ${values}) as v (task_id, status, closed_at)
        where t.task_id = v.task_id`.execute(this.trx);
    }
    for (const rows of chunks(notifications)) {
      await this.trx
        .insertInto('notifications')
        .values(rows)
        .onConflict((oc) => oc.columns(['event_id', 'task_id']).doNothing())
        .execute();
    }
  }

  async flush(): Promise<void> {
    await this.flushTasks();
    const appraisals = [...this.appraisals.values()];
    this.appraisals = new Map();
    for (const rows of chunks(appraisals)) {
      await this.trx
        .insertInto('appraisals')
        .values(rows)
        .onConflict((oc) =>
          oc.column('appraisal_id').doUpdateSet((eb) => ({
            cycle_id: eb.ref('excluded.cycle_id'),
            org_id: eb.ref('excluded.org_id'),
            nip: eb.ref('excluded.nip'),
            unit_code: eb.ref('excluded.unit_code'),
            supervisor_nip: eb.ref('excluded.supervisor_nip'),
            superior_nip: eb.ref('excluded.superior_nip'),
            step: eb.ref('excluded.step'),
            deadline: eb.ref('excluded.deadline'),
            predikat: eb.ref('excluded.predikat'),
            released_at: eb.ref('excluded.released_at'),
            version: eb.ref('excluded.version'),
            state: eb.ref('excluded.state'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += chunkRows) yield rows.slice(i, i + chunkRows);
}
