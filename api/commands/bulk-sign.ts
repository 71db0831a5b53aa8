// A supervisor signs several SKPs that are ready at once: each of my open signAgreement tasks named (the
// employee has signed its version) is signed through the task, as one form would (api/commands/appraisal.ts),
// with one Update id per task under the request's key. One outcome per task, never a half-thrown batch:
// a task that is not mine, not a signature, or no longer open keeps its refusal's code.
import type { Principal } from '../../auth/identity.ts';
import { parseVersionQualifier, qualifierOf } from '../../domain/ids.ts';
import { taskOf } from '../../record/read/inbox.ts';
import { actOnTask } from './appraisal.ts';
import { refusalOf } from './refusal.ts';
import type { Services } from './services.ts';

export interface SignOutcome {
  taskId: string;
  outcome: 'signed' | 'refused';
  /** Why it was refused (not_found, command_not_for_task, stale_version, already_done ...). */
  code?: string;
}

export async function signReadySkps(
  services: Services,
  me: Principal,
  taskIds: readonly string[],
  key: string | undefined,
): Promise<{ results: SignOutcome[]; signed: number; refused: number }> {
  const results: SignOutcome[] = [];
  // One after another: each is one appraisal's Update, and a supervisor's team is small.
  for (const taskId of [...new Set(taskIds)]) results.push(await signOne(services, me, taskId, key));
  const signed = results.filter((r) => r.outcome === 'signed').length;
  return { results, signed, refused: results.length - signed };
}

async function signOne(
  services: Services,
  me: Principal,
  taskId: string,
  key: string | undefined,
): Promise<SignOutcome> {
  try {
    const task = await taskOf(services.db, me, taskId);
    if (task?.status !== 'open') return { taskId, outcome: 'refused', code: 'not_found' };
    const version = parseVersionQualifier(qualifierOf(taskId));
    if (task.kind !== 'signAgreement' || version === undefined)
      return { taskId, outcome: 'refused', code: 'command_not_for_task' };
    const operation = key ? `${key}\u0000sign\u0000${taskId}` : undefined;
    await actOnTask(services, me, taskId, { type: 'signAgreement', version }, operation);
    return { taskId, outcome: 'signed' };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) console.error('bulk sign:', error);
    return { taskId, outcome: 'refused', code: refusal?.code ?? 'unavailable' };
  }
}
