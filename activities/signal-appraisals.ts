// Sends one signal to many running appraisals (a unit's release, a deadline extension, a leaver's
// cancellation) in batches from a heartbeating activity, so the cycle's own history stays small.
import { Context } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Step } from '../domain/appraisal/types.ts';
import type { Database } from '../schema/database.ts';
import { cancelSignal, extendDeadlineSignal, releaseSignal } from '../workflows/messages.ts';
import { startHeartbeats } from './heartbeats.ts';
import { type InjectedFaults, noFaults, parksRelease, parkUntilKilled } from './injected-faults.ts';

export type AppraisalSignal =
  | { name: 'release' }
  | { name: 'cancel'; reason: string; by: string }
  | { name: 'extendDeadline'; step: Step; deadline: string; by: string };

export interface SignalInput {
  cycleId: string;
  unitCode?: string;
  nips?: string[];
  signal: AppraisalSignal;
}

const batchSize = 500;
const concurrentSignals = 25;

export function createSignalAppraisals(deps: {
  db: Kysely<Database>;
  temporal: () => Client;
  faults?: InjectedFaults;
}) {
  const faults = deps.faults ?? noFaults;
  return async function signalAppraisals(
    input: SignalInput,
  ): Promise<{ signalled: number; notRunning: number }> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as
      | { cursor: string; signalled: number; notRunning: number }
      | undefined;
    let cursor = resumed?.cursor ?? '';
    let signalled = resumed?.signalled ?? 0;
    let notRunning = resumed?.notRunning ?? 0;
    const heartbeats = startHeartbeats<{ cursor: string; signalled: number; notRunning: number }>(context);
    // Only in a chaos run (activities/injected-faults.ts): this release stops half done until killed.
    let park = parksRelease(faults, input, context.info.attempt);
    try {
      for (;;) {
        let query = deps.db
          .selectFrom('cycle_members')
          .select(['nip', 'workflow_id', 'unit_code'])
          .where('cycle_id', '=', input.cycleId)
          .where('nip', '>', cursor)
          .orderBy('nip')
          .limit(batchSize);
        if (input.unitCode) query = query.where('unit_code', '=', input.unitCode);
        if (input.nips) query = query.where('nip', 'in', input.nips.length ? input.nips : ['']);
        const members = await query.execute();
        if (members.length === 0) break;
        for (let i = 0; i < members.length; i += concurrentSignals) {
          const outcomes = await Promise.all(
            members
              .slice(i, i + concurrentSignals)
              .map((m) => send(deps.temporal(), m.workflow_id, m.unit_code, input.signal)),
          );
          for (const ok of outcomes) ok ? signalled++ : notRunning++;
          if (park) {
            park = false;
            await parkUntilKilled(
              faults,
              `releasing unit ${input.unitCode} of ${input.cycleId}, ${signalled} of its appraisals signalled`,
              context,
            );
          }
        }
        cursor = members[members.length - 1]?.nip ?? cursor;
        heartbeats.beat({ cursor, signalled, notRunning });
      }
    } finally {
      heartbeats.stop();
    }
    return { signalled, notRunning };
  };
}

async function send(
  client: Client,
  workflowId: string,
  unitCode: string,
  signal: AppraisalSignal,
): Promise<boolean> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    if (signal.name === 'release') await handle.signal(releaseSignal, { unitCode });
    else if (signal.name === 'cancel')
      await handle.signal(cancelSignal, { reason: signal.reason, by: signal.by });
    else
      await handle.signal(extendDeadlineSignal, {
        step: signal.step,
        deadline: signal.deadline,
        by: signal.by,
      });
    return true;
  } catch (error) {
    // A finished appraisal cannot take signals; that is not an error for a batch.
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
