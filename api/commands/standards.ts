// The standards rounds, the one way in for the API and the web: HR starts a round (the workflow's start,
// its positions and people read from the org chart); HR, leaders and participants act on it through the
// round's Workflow Update, whose validator and rules decide (their codes become refusals); everyone reads
// the positions they take part in. With a key the Update id (and the start's memo) derive from it, so a
// repeat gets the first outcome.
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '../../auth/identity.ts';
import { standardsRoundIdFor, standardsWorkflowId } from '../../domain/ids.ts';
import type { StandardsCommand } from '../../domain/standards/commands.ts';
import type { PositionState, RoundState } from '../../domain/standards/state.ts';
import { endOfLocalDayAfter } from '../../domain/time/fixed-offsets.ts';
import { formatInstant, parseInstant } from '../../domain/time/instant.ts';
import { maySeeRoundPosition } from '../../record/read/access.ts';
import { timeZoneOf } from '../../record/read/organisation.ts';
import { nextRoundNumber, roundOf, roundPositions, roundsOf } from '../../record/read/standards.ts';
import { type ActResult, actOnStandardsUpdate } from '../../workflows/messages.ts';
import type { StandardsRoundInput } from '../../workflows/standards-round.ts';
import { checkMeasureBindings } from './measure-binding.ts';
import { updateIdFor } from './operation-id.ts';
import { Refusal, updateRefusal } from './refusal.ts';
import { requireHr } from './require.ts';
import type { Services } from './services.ts';
import { defaultUpdateTimeoutMs, executeUpdate, startedBy, startWorkflowOnce } from './temporal-calls.ts';

export interface StartRoundRequest {
  /** The window's last day (YYYY-MM-DD): comments are taken until 23:59:59 there, in the organisation's zone. */
  until: string;
  /** The positions to draft; every position someone holds when absent. */
  positionCodes?: string[] | undefined;
}

/**
 * Starts a standards round: 409 round_open while another is not closed, 422 window_in_past for a last
 * day already over, 422 unknown_position for a code the organisation lacks, 422 no_positions when
 * nobody holds any of them.
 */
export async function startStandardsRound(
  services: Services,
  me: Principal,
  request: StartRoundRequest,
  key: string | undefined,
): Promise<{ roundId: string; workflowId: string; deadline: string }> {
  requireHr(me);
  const { db, taskQueue } = services;
  const timeZone = await timeZoneOf(db, me.org);
  const day = parseInstant(request.until, timeZone);
  const deadline =
    day && /^\d{4}-\d{2}-\d{2}$/.test(request.until)
      ? endOfLocalDayAfter(formatInstant(day), 0, timeZone)
      : null;
  if (!deadline)
    throw new Refusal(422, 'invalid_until', `until must be a date (YYYY-MM-DD); got '${request.until}'`, {
      field: 'until',
    });
  if (Date.parse(deadline) <= Date.now())
    throw new Refusal(422, 'window_in_past', 'The window must end in the future', {
      field: 'until',
      deadline,
    });
  const positions = await roundPositions(db, me.org, request.positionCodes);
  const unknown = (request.positionCodes ?? []).filter(
    (code) => !positions.some((p) => p.positionCode === code),
  );
  if (unknown.length > 0)
    throw new Refusal(422, 'unknown_position', `No such position: ${unknown.join(', ')}`, {
      field: 'positionCodes',
      positionCodes: unknown,
    });
  if (positions.length === 0) throw new Refusal(422, 'no_positions', 'Nobody holds any of these positions');
  const operationId = updateIdFor(me, key);
  const open = (await roundsOf(db, me.org)).find((r) => r.status !== 'closed');
  if (open) {
    // A retry whose first attempt started this round gets that answer; anyone else is told it is open.
    const workflowId = standardsWorkflowId(open.roundId);
    if (operationId && (await startedBy(services, workflowId)) === operationId)
      return { roundId: open.roundId, workflowId, deadline: open.deadline };
    throw new Refusal(409, 'round_open', `Round ${open.roundId} is still open; close it first`, {
      roundId: open.roundId,
    });
  }
  const roundId = standardsRoundIdFor(me.org, await nextRoundNumber(db, me.org));
  const workflowId = standardsWorkflowId(roundId);
  const input: StandardsRoundInput = {
    roundId,
    orgId: me.org,
    timeZone,
    deadline,
    positions,
    startedBy: me.nip,
  };
  const outcome = await startWorkflowOnce(
    services,
    { workflowType: 'StandardsRoundWorkflow', workflowId, taskQueue, args: [input] },
    operationId,
  );
  if (outcome === 'theirs')
    throw new Refusal(409, 'round_open', `Round ${roundId} was started by another request`, { roundId });
  // Answered once the round is on record (its first workflow task), so the next read sees it.
  const until = Date.now() + (services.updateTimeoutMs ?? defaultUpdateTimeoutMs);
  while (!(await roundOf(db, me.org, roundId)) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  return { roundId, workflowId, deadline };
}

/** Acts on a round of my organisation: 404 for none, 409 round_closed once its workflow has ended. */
export async function actOnStandardsRound(
  services: Services,
  me: Principal,
  roundId: string,
  command: StandardsCommand,
  key: string | undefined,
): Promise<ActResult> {
  const round = await roundOf(services.db, me.org, roundId);
  if (!round) throw new Refusal(404, 'not_found', 'No such standards round');
  // A default indicator may be bound only to a measure the organisation has, in its direction.
  const standard =
    'standard' in command ? command.standard : 'proposal' in command ? command.proposal : undefined;
  if (standard) await checkMeasureBindings(services, me.org, standard.rhk);
  const handle = services.temporal.workflow.getHandle(standardsWorkflowId(roundId));
  try {
    return await executeUpdate(
      services,
      handle,
      actOnStandardsUpdate,
      [{ actor: { nip: me.nip, roles: me.roles }, command }],
      updateIdFor(me, key),
    );
  } catch (error) {
    const refusal = updateRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof WorkflowNotFoundError)
      throw new Refusal(409, 'round_closed', 'The standards round is closed');
    throw error;
  }
}

/** A round as I may read it: only the positions I take part in (all of them for HR and auditors). */
export interface RoundView extends Omit<RoundState, 'positions' | 'tasks'> {
  positions: PositionState[];
  /** My own tasks in it. */
  myTasks: Array<RoundState['tasks'][string]>;
}

export async function readStandardsRound(
  services: Services,
  me: Principal,
  roundId: string,
): Promise<RoundView> {
  const round = await roundOf(services.db, me.org, roundId);
  if (!round) throw new Refusal(404, 'not_found', 'No such standards round');
  const { positions, tasks, ...rest } = round;
  return {
    ...rest,
    positions: positions.filter((p) => maySeeRoundPosition(me, p)),
    myTasks: Object.values(tasks).filter((t) => t.assigneeNip === me.nip),
  };
}
