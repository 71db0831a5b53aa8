// Acting on an appraisal, the one way in for the API and the web: through one of my tasks (only the
// commands the task takes, domain/appraisal/task-commands.ts) or on my own appraisal without a task.
// The act is a Workflow Update; the workflow's validator and rules decide, and their codes become
// refusals (403 wrong actor, 409 wrong step or stale version, 422 rule violation). With a key (the API's
// Idempotency-Key, the web form's key) the Update id is derived from it, so a repeat gets the first
// outcome. The answer comes only after the resulting events are stored, so the next read sees them.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '../../auth/identity.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { taskTakes } from '../../domain/appraisal/task-commands.ts';
import { appraisalWorkflowId } from '../../domain/ids.ts';
import { appraisalState, myAppraisal } from '../../record/read/appraisal.ts';
import { taskOf } from '../../record/read/inbox.ts';
import { publishedStandard } from '../../record/read/standards.ts';
import { type ActResult, actUpdate } from '../../workflows/messages.ts';
import { notFoundRefusal } from './appraisal-ended.ts';
import { withEvidenceFiles } from './evidence.ts';
import { checkMeasureBindings, withMeasures } from './measure-binding.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, updateRefusal } from './refusal.ts';
import type { Services } from './services.ts';
import { executeUpdate } from './temporal-calls.ts';

/** Acts on one of my tasks: 404 when it is not mine, 422 when the task does not take this command. */
export async function actOnTask(
  services: Services,
  me: Principal,
  taskId: string,
  command: AppraisalCommand,
  key: string | undefined,
): Promise<ActResult> {
  const task = await taskOf(services.db, me, taskId);
  // Someone else's task is as absent as a missing one.
  if (!task) throw new Refusal(404, 'not_found', 'No such task');
  if (!taskTakes(task.kind, command.type))
    throw new Refusal(
      422,
      'command_not_for_task',
      `A ${task.kind} task does not take ${command.type}; send it to my appraisal if it needs no task`,
    );
  return actOnAppraisal(services, me, task.appraisalId, command, key);
}

/** Acts on my own appraisal in the latest (or the given) cycle, without a task. */
export async function actOnMyAppraisal(
  services: Services,
  me: Principal,
  cycleId: string | undefined,
  command: AppraisalCommand,
  key: string | undefined,
): Promise<ActResult> {
  const mine = await myAppraisal(services.db, me, cycleId);
  if (!mine) throw new Refusal(404, 'not_found', 'You have no appraisal in this cycle');
  return actOnAppraisal(services, me, mine.appraisalId, command, key);
}

/** Acts on an appraisal by its id: the workflow decides whether this person may (HR's reminders). */
export async function actOnAppraisal(
  services: Services,
  me: Principal,
  appraisalId: string,
  command: AppraisalCommand,
  key: string | undefined,
): Promise<ActResult> {
  const sent = await prepared(services, me, appraisalId, command);
  const handle = services.temporal.workflow.getHandle(appraisalWorkflowId(appraisalId));
  try {
    return await executeUpdate(
      services,
      handle,
      actUpdate,
      [{ actor: { nip: me.nip, roles: me.roles }, command: sent }],
      updateIdFor(me, key),
    );
  } catch (error) {
    const refusal = updateRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof WorkflowNotFoundError) throw await notFoundRefusal(services.db, appraisalId);
    throw error;
  }
}

/** The command as the record completes it: the published standard, the measures of bound indicators, evidence files as kept. */
async function prepared(
  services: Services,
  me: Principal,
  appraisalId: string,
  command: AppraisalCommand,
): Promise<AppraisalCommand> {
  if (command.type === 'acknowledgeStandards')
    return withPublishedVersion(services, me, appraisalId, command);
  if (command.type === 'proposeIndicators') await checkMeasureBindings(services, me.org, command.rhk);
  if (command.type === 'submitCheckIn') return withEvidenceFiles(services, me.org, appraisalId, command);
  if (command.type === 'recordRealisation') {
    const withFiles = await withEvidenceFiles(services, me.org, appraisalId, command);
    const state = await appraisalState(services.db, me.org, appraisalId);
    return state ? withMeasures(services, state, withFiles) : withFiles;
  }
  return command;
}

type Acknowledge = Extract<AppraisalCommand, { type: 'acknowledgeStandards' }>;

/**
 * Socialisation acknowledges the latest published version of the standard of the appraisal's position:
 * the command carries it to the workflow, which records it with the acknowledgement. A version named
 * by the caller that is not that one (published since the page was read) is 409 stale_standard.
 */
async function withPublishedVersion(
  services: Services,
  me: Principal,
  appraisalId: string,
  command: Acknowledge,
): Promise<Acknowledge> {
  const state = await appraisalState(services.db, me.org, appraisalId);
  const positionCode = state?.participants.employee.positionCode;
  const published = positionCode ? await publishedStandard(services.db, me.org, positionCode) : undefined;
  const current = published && positionCode ? { positionCode, version: published.version } : undefined;
  const asked = command.standard;
  if (asked && (asked.positionCode !== current?.positionCode || asked.version !== current.version))
    throw new Refusal(
      409,
      'stale_standard',
      current
        ? `The standard of ${current.positionCode} stands at version ${current.version}; read it again`
        : 'No version of this standard is published',
      { current: current ?? null },
    );
  return current ? { ...command, standard: current } : command;
}
