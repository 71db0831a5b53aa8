// Starts one EmployeeAppraisalWorkflow per employee of the cycle's population, in batches, from a
// heartbeating activity. Workflow ids are deterministic and closed ids are never reused, so a second
// launch or a retry starts nobody twice; the heartbeat carries the cursor, so a retry resumes.
import { Context } from '@temporalio/activity';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Population } from '../domain/cycle/events.ts';
import type { Database } from '../schema/database.ts';
import type { AppraisalCalendar, AppraisalInput } from '../workflows/appraisal-input.ts';
import { appraisalIdFor, appraisalWorkflowId } from '../workflows/appraisal-input.ts';
import { loadParticipants } from './participants.ts';

export interface LaunchInput {
  cycleId: string;
  orgId: string;
  calendar: AppraisalCalendar;
  population: Population;
  launchedBy: string;
  /** Only these employees (late joiners); the whole population when omitted. */
  nips?: string[];
}

export interface LaunchResult {
  launched: number;
  alreadyRunning: number;
  /** Members of the cycle after this launch (every launch so far). */
  total: number;
}

const batchSize = 200;
const concurrentStarts = 25;

export function createLaunchAppraisals(deps: {
  db: Kysely<Database>;
  temporal: () => Client;
  taskQueue: string;
}) {
  return async function launchAppraisals(input: LaunchInput): Promise<LaunchResult> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as (LaunchResult & { cursor: string }) | undefined;
    let cursor = resumed?.cursor ?? '';
    const totals: LaunchResult = {
      launched: resumed?.launched ?? 0,
      alreadyRunning: resumed?.alreadyRunning ?? 0,
      total: 0,
    };
    for (;;) {
      const nips = await populationPage(deps.db, input, cursor);
      if (nips.length === 0) break;
      const participants = await loadParticipants(deps.db, input.orgId, nips);
      const inputs = participants.map(
        (p): AppraisalInput => ({
          appraisalId: appraisalIdFor(input.cycleId, p.employee.nip),
          cycleId: input.cycleId,
          orgId: input.orgId,
          participants: p,
          calendar: input.calendar,
          launchedBy: input.launchedBy,
        }),
      );
      // Membership first: progress lives in Postgres, and a member whose start failed is retried.
      await deps.db
        .insertInto('cycle_members')
        .values(
          inputs.map((a) => ({
            cycle_id: a.cycleId,
            nip: a.participants.employee.nip,
            appraisal_id: a.appraisalId,
            workflow_id: appraisalWorkflowId(a.appraisalId),
            unit_code: a.participants.employee.unitCode,
          })),
        )
        .onConflict((oc) => oc.columns(['cycle_id', 'nip']).doNothing())
        .execute();
      // Mid-batch heartbeats keep the batch's starting cursor and totals, so a retry redoes the batch
      // (starting nobody twice: ids are deterministic) without counting it twice.
      const before = { ...totals };
      for (let i = 0; i < inputs.length; i += concurrentStarts) {
        const outcomes = await Promise.all(inputs.slice(i, i + concurrentStarts).map((a) => start(deps, a)));
        for (const outcome of outcomes) totals[outcome]++;
        context.heartbeat({ ...before, cursor });
      }
      await deps.db
        .updateTable('cycle_members')
        .set({ started_at: new Date() })
        .where('cycle_id', '=', input.cycleId)
        .where('nip', 'in', nips)
        .where('started_at', 'is', null)
        .execute();
      cursor = nips[nips.length - 1] ?? cursor;
      context.heartbeat({ ...totals, cursor });
    }
    const members = await deps.db
      .selectFrom('cycle_members')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cycle_id', '=', input.cycleId)
      .where('started_at', 'is not', null)
      .executeTakeFirst();
    totals.total = Number(members?.n ?? 0);
    return totals;
  };
}

async function start(
  deps: { temporal: () => Client; taskQueue: string },
  input: AppraisalInput,
): Promise<'launched' | 'alreadyRunning'> {
  try {
    await deps.temporal().workflow.start('EmployeeAppraisalWorkflow', {
      workflowId: appraisalWorkflowId(input.appraisalId),
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return 'launched';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'alreadyRunning';
    throw error;
  }
}

async function populationPage(db: Kysely<Database>, input: LaunchInput, after: string): Promise<string[]> {
  let query = db
    .selectFrom('employees')
    .select('nip')
    .where('org_id', '=', input.orgId)
    .where('active', '=', true)
    .where('nip', '>', after)
    .orderBy('nip')
    .limit(batchSize);
  const { unitCodes, positionCodes } = input.population;
  if (unitCodes?.length) query = query.where('unit_code', 'in', unitCodes);
  if (positionCodes?.length) query = query.where('position_code', 'in', positionCodes);
  if (input.nips) query = query.where('nip', 'in', input.nips.length ? input.nips : ['']);
  return (await query.execute()).map((row) => row.nip);
}
