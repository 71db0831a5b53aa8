// Task events: every task an appraisal gives a person is opened and closed by events, so the inbox
// projection and the audit trail see the same thing.
import { taskIdFor } from '../ids.ts';
import type { AppraisalEvent } from './events.ts';
import { partyOf } from './parties.ts';
import type { AppraisalState, OpenTask } from './state.ts';
import type { Step, TaskKind } from './types.ts';

type AssigneeRole = OpenTask['assigneeRole'];

export function taskId(state: AppraisalState, kind: TaskKind, qualifier?: string): string {
  return taskIdFor(state.appraisalId, kind, qualifier);
}

export function assignTask(
  state: AppraisalState,
  now: string,
  task: {
    kind: TaskKind;
    assigneeNip: string | null;
    assigneeRole: AssigneeRole;
    step: Step;
    dueAt: string | null;
    qualifier?: string;
  },
): AppraisalEvent[] {
  // While an acting rater stands in, the rater's part goes to them (parties.ts).
  const acting = state.acting && partyOf(task.kind, task.qualifier) === 'rater' ? state.acting.nip : null;
  const assigneeNip = acting ?? task.assigneeNip;
  // A supervisor-side task with nobody in the role (top of the org chart) falls to HR.
  const toHr = assigneeNip === null && task.assigneeRole !== 'hr';
  return [
    {
      type: 'task.assigned',
      data: {
        taskId: taskId(state, task.kind, task.qualifier),
        kind: task.kind,
        assigneeNip,
        assigneeRole: toHr ? 'hr' : acting ? 'supervisor' : task.assigneeRole,
        step: task.step,
        dueAt: task.dueAt,
        at: now,
      },
    },
  ];
}

export function completeTask(state: AppraisalState, now: string, by: string, id: string): AppraisalEvent[] {
  return state.openTasks[id] ? [{ type: 'task.completed', data: { taskId: id, by, at: now } }] : [];
}

/** Expires the open tasks that match (all when no filter), e.g. at a step's deadline. */
export function expireTasks(
  state: AppraisalState,
  now: string,
  match: (task: OpenTask) => boolean = () => true,
): AppraisalEvent[] {
  return Object.values(state.openTasks)
    .filter(match)
    .map((task) => ({ type: 'task.expired', data: { taskId: task.taskId, at: now } }) as const);
}

export function tasksOfKind(state: AppraisalState, kind: TaskKind): OpenTask[] {
  return Object.values(state.openTasks).filter((task) => task.kind === kind);
}
