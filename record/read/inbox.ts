// The inbox read model: a person's open tasks by due date, and one task. Both answer only what is the
// principal's (access.ts: their own tasks, and HR's when they hold the role); someone else's task is as
// absent as a missing one.
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import type { Database } from '../../schema/database.ts';
import { audienceOf, isForAudience } from './access.ts';

type Db = Kysely<Database>;

export interface Task {
  taskId: string;
  appraisalId: string;
  cycleId: string;
  kind: string;
  step: string;
  assigneeNip: string | null;
  assigneeRole: string;
  dueAt: string | null;
  status: string;
  createdAt: string;
}

export interface OpenTasksQuery {
  step?: string;
  /** ISO 8601 */
  dueBefore?: string;
  limit: number;
  /** The due time (ISO 8601) and id of the last task of the previous page. */
  after?: { dueAt: string; taskId: string };
}

type TaskRow = {
  task_id: string;
  appraisal_id: string;
  cycle_id: string;
  kind: string;
  step: string;
  assignee_nip: string | null;
  assignee_role: string;
  due_at: Date | null;
  status: string;
  created_at: Date;
};

const toTask = (t: TaskRow): Task => ({
  taskId: t.task_id,
  appraisalId: t.appraisal_id,
  cycleId: t.cycle_id,
  kind: t.kind,
  step: t.step,
  assigneeNip: t.assignee_nip,
  assigneeRole: t.assignee_role,
  dueAt: t.due_at?.toISOString() ?? null,
  status: t.status,
  createdAt: t.created_at.toISOString(),
});

/** One page of my open tasks, by due date; `more` when another page follows. */
export async function openTasks(
  db: Db,
  principal: Principal,
  q: OpenTasksQuery,
): Promise<{ tasks: Task[]; more: boolean }> {
  const me = audienceOf(principal);
  let query = db
    .selectFrom('tasks')
    .selectAll()
    .where('org_id', '=', me.org)
    .where('status', '=', 'open')
    .where((eb) =>
      me.hr
        ? eb.or([eb('assignee_nip', '=', me.nip), eb('assignee_role', '=', 'hr')])
        : eb('assignee_nip', '=', me.nip),
    )
    .orderBy('due_at')
    .orderBy('task_id')
    .limit(q.limit + 1);
  if (q.step) query = query.where('step', '=', q.step);
  if (q.dueBefore) query = query.where('due_at', '<', new Date(q.dueBefore));
  const { after } = q;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('due_at', '>', new Date(after.dueAt)),
        eb.and([eb('due_at', '=', new Date(after.dueAt)), eb('task_id', '>', after.taskId)]),
      ]),
    );
  }
  const rows = await query.execute();
  return { tasks: rows.slice(0, q.limit).map(toTask), more: rows.length > q.limit };
}

/** One of my tasks (open or not); undefined when there is none or it is not mine. */
export async function taskOf(db: Db, principal: Principal, taskId: string): Promise<Task | undefined> {
  const row = await db
    .selectFrom('tasks')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('org_id', '=', principal.org)
    .executeTakeFirst();
  if (!row) return undefined;
  const mine = isForAudience(audienceOf(principal), {
    orgId: row.org_id,
    assigneeNip: row.assignee_nip,
    assigneeRole: row.assignee_role,
  });
  return mine ? toTask(row) : undefined;
}
