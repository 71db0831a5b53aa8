// The holder of a unit's penetapan signs it (a Workflow Update on the CycleWorkflow): the unit's leader,
// once it passed on their superior, then any HR officer. The workflow's rules decide who may sign and
// whether each finding has its justification; their refusals come back as problems with the rule's code.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Principal } from '../../auth/identity.ts';
import { cycleWorkflowId } from '../../domain/ids.ts';
import { holdsRole } from '../../record/read/access.ts';
import { cycleOf } from '../../record/read/cycles.ts';
import { type CycleChangeResult, signPenetapanUpdate } from '../../workflows/messages.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, statusForCode } from './refusal.ts';
import type { Services } from './services.ts';
import { executeUpdate } from './temporal-calls.ts';

export interface PenetapanSignature {
  conforming: boolean;
  /** One per finding of the unit's curve: the rule's code and the leader's written justification. */
  justifications: Array<{ rule: string; text: string }>;
}

export async function signPenetapan(
  services: Services,
  me: Principal,
  cycleId: string,
  unitCode: string,
  signature: PenetapanSignature,
  key: string | undefined,
): Promise<CycleChangeResult> {
  const cycle = await cycleOf(services.db, me.org, cycleId);
  if (!cycle) throw new Refusal(404, 'not_found', 'No such cycle');
  if (cycle.status !== 'running') throw new Refusal(409, 'cycle_closed', 'The cycle is closed');
  const handle = services.temporal.workflow.getHandle(cycleWorkflowId(cycle.cycleId));
  const request = { unitCode, by: me.nip, hr: holdsRole(me, 'hr'), ...signature };
  try {
    return await executeUpdate(services, handle, signPenetapanUpdate, [request], updateIdFor(me, key));
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const code = error.cause.type ?? 'rule_violation';
      const details = error.cause.details?.[0];
      const extra =
        typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {};
      throw new Refusal(statusForCode(code), code, error.cause.message, extra);
    }
    throw error;
  }
}
