// HR reminds the holders of tasks, from the monitoring list (the API and the web page alike): the named
// tasks, or every open task of the people behind (in a unit or step, when asked). Each reminder is the appraisal's own
// `remindTask` command (the workflow records `task.reminded`; the projection marks the task and notifies
// its holder, record/projections/appraisal-writes.ts). One outcome per task, never a half-thrown batch:
// a task reminded within the day is `alreadyReminded` (the rule is the domain's), a refusal keeps its code.
import type { Principal } from '../../auth/identity.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import { cycleOf } from '../../record/read/cycles.ts';
import { cycleMonitoring, cycleTasks, type MonitoringFilter } from '../../record/read/monitoring.ts';
import { actOnAppraisal } from './appraisal.ts';
import { Refusal, refusalOf } from './refusal.ts';
import type { Services } from './services.ts';

export interface ReminderOutcome {
  taskId: string;
  outcome: 'reminded' | 'alreadyReminded' | 'refused';
  /** Why it was refused: the rule's code (not_late, wrong_step, not_found ...). */
  code?: string;
}

export interface ReminderResults {
  results: ReminderOutcome[];
  reminded: number;
  alreadyReminded: number;
  refused: number;
}

/** Reminders sent together: enough to be quick, few enough to leave the worker to everyone else. */
const parallel = 4;

export async function remindLateTasks(
  services: Services,
  me: Principal,
  cycleId: string,
  which: { taskIds: readonly string[] } | { allLate: Pick<MonitoringFilter, 'unit' | 'step'> },
  key: string | undefined,
  now = new Date(),
): Promise<ReminderResults> {
  if (!mayManageCycles(me)) throw new Refusal(403, 'forbidden_role', 'This needs the hr role');
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  const found =
    'taskIds' in which
      ? await cycleTasks(services.db, me.org, cycleId, which.taskIds)
      : (
          await cycleMonitoring(services.db, me.org, cycle, { ...which.allLate, lateOnly: true }, now)
        ).people.flatMap((p) => p.tasks.map((t) => ({ taskId: t.taskId, appraisalId: p.appraisalId })));
  const byId = new Map(found.map((t) => [t.taskId, t]));
  const asked = 'taskIds' in which ? [...new Set(which.taskIds)] : found.map((t) => t.taskId);
  const results: ReminderOutcome[] = new Array(asked.length);
  let next = 0;
  const work = async () => {
    for (let i = next++; i < asked.length; i = next++) {
      const taskId = asked[i] as string;
      results[i] = await remindOne(services, me, byId.get(taskId), taskId, key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, asked.length) }, work));
  const count = (o: ReminderOutcome['outcome']) => results.filter((r) => r.outcome === o).length;
  return {
    results,
    reminded: count('reminded'),
    alreadyReminded: count('alreadyReminded'),
    refused: count('refused'),
  };
}

async function remindOne(
  services: Services,
  me: Principal,
  task: { taskId: string; appraisalId: string } | undefined,
  taskId: string,
  key: string | undefined,
): Promise<ReminderOutcome> {
  if (!task) return { taskId, outcome: 'refused', code: 'not_found' };
  try {
    // One Update id per task under the request's key: a retried request reminds nobody twice.
    const answer = await actOnAppraisal(
      services,
      me,
      task.appraisalId,
      { type: 'remindTask', taskId },
      key ? `${key}\u0000remind\u0000${taskId}` : undefined,
    );
    return { taskId, outcome: answer.eventTypes.includes('task.reminded') ? 'reminded' : 'alreadyReminded' };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) console.error('reminder:', error);
    return { taskId, outcome: 'refused', code: refusal?.code ?? 'unavailable' };
  }
}
