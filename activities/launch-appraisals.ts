// Starts one EmployeeAppraisalWorkflow per employee of the cycle's population, in batches, from a
// heartbeating activity. Workflow ids are deterministic and closed ids are never reused, so a second
// launch or a retry starts nobody twice; the heartbeat carries the cursor, so a retry resumes.
import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { openingEvents } from '../domain/appraisal/opening.ts';
import { defaultSkpApproach } from '../domain/appraisal/skp.ts';
import type { Participants } from '../domain/appraisal/types.ts';
import type { Population } from '../domain/cycle/events.ts';
import { calendarFromReturn } from '../domain/cycle/return-calendar.ts';
import { eventSchemas } from '../domain/event-registry.ts';
import { appraisalIdFor, appraisalStreamId, appraisalWorkflowId, parseAppraisalId } from '../domain/ids.ts';
import { projections } from '../record/projections/index.ts';
import { type AppendOutcome, appendMany, readStream } from '../record/store/index.ts';
import type { Database } from '../schema/database.ts';
import type { AppraisalCalendar, AppraisalInput } from '../workflows/appraisal-input.ts';
import { startHeartbeats } from './heartbeats.ts';
import { createLimiter } from './limiter.ts';
import { loadParticipants } from './participants.ts';
import { loadSkpSettings } from './skp-settings.ts';

export interface LaunchInput {
  cycleId: string;
  orgId: string;
  calendar: AppraisalCalendar;
  population: Population;
  launchedBy: string;
  /** When the cycle decided this launch: the time of the opening events, the same on every retry. */
  launchedAt?: string;
  /** Only these employees (late joiners); the whole population when omitted. */
  nips?: string[];
  /**
   * These employees left (their appraisal was cancelled) and came back: each gets a new appraisal in the
   * cycle, its calendar from the return (domain/cycle/return-calendar.ts), the cancelled one staying.
   */
  rejoin?: { reason: string; effectiveDate: string };
}

export interface LaunchResult {
  launched: number;
  alreadyRunning: number;
  /** Members of the cycle after this launch (every launch so far). */
  total: number;
}

const batchSize = 200;
/** The first batch is one round of starts: the first workflows start while the next batch is prepared. */
const firstBatchSize = 25;
const concurrentStarts = 25;

export function createLaunchAppraisals(deps: {
  db: Kysely<Database>;
  temporal: () => Client;
  taskQueue: string;
}) {
  return async function launchAppraisals(input: LaunchInput): Promise<LaunchResult> {
    const context = Context.current();
    const resumed = context.info.heartbeatDetails as (LaunchResult & { cursor: string }) | undefined;
    const heartbeats = startHeartbeats<LaunchResult & { cursor: string }>(context);
    let cursor = resumed?.cursor ?? '';
    const totals: LaunchResult = {
      launched: resumed?.launched ?? 0,
      alreadyRunning: resumed?.alreadyRunning ?? 0,
      total: 0,
    };
    // Starts flow through one window of `concurrentStarts` across batch boundaries: the next batch
    // (members, opening events) is prepared while this one's workflows start, and queued behind them.
    const startWindow = createLimiter(concurrentStarts);
    let failure: { error: unknown } | undefined;
    // Batches are marked started in order; the heartbeat's cursor and totals are those of the last
    // marked batch, so a retry redoes any later batch (starting nobody twice: ids are deterministic)
    // without counting it twice.
    let marked: Promise<void> = Promise.resolve();
    let done = 0;
    let next = prepareBatch(deps.db, input, cursor, firstBatchSize);
    try {
      for (;;) {
        const batch = await next;
        if (!batch || failure) break;
        next = prepareBatch(deps.db, input, batch.lastNip, batchSize);
        next.catch(() => {}); // awaited next round; a failure there fails the activity then
        const counts: Omit<LaunchResult, 'total'> = { launched: 0, alreadyRunning: 0 };
        const starts = batch.inputs.map((a) =>
          startWindow.run(async () => {
            if (failure) throw failure.error;
            const outcome = await start(deps, a);
            counts[outcome]++;
            if (++done % concurrentStarts === 0) heartbeats.beat({ ...totals, cursor });
          }),
        );
        // Handled at once: a failed start stops the window from starting anyone else.
        const batchStarted = Promise.all(starts);
        batchStarted.catch((error) => {
          failure ??= { error };
        });
        marked = marked.then(async () => {
          await batchStarted;
          await markStarted(deps.db, input.cycleId, batch.nips);
          totals.launched += counts.launched;
          totals.alreadyRunning += counts.alreadyRunning;
          cursor = batch.lastNip;
          heartbeats.beat({ ...totals, cursor });
        });
        marked.catch((error) => {
          failure ??= { error };
        });
        await startWindow.allStarted();
      }
    } catch (error) {
      // A batch that could not be prepared: nobody else starts, and the starts in flight settle (and
      // their batches are marked) before the activity fails, so its retry resumes from a true cursor.
      failure ??= { error };
      await marked.catch(() => {});
      heartbeats.stop();
      throw error;
    }
    try {
      await marked;
      const members = await deps.db
        .selectFrom('cycle_members')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('cycle_id', '=', input.cycleId)
        .where('started_at', 'is not', null)
        .executeTakeFirst();
      totals.total = Number(members?.n ?? 0);
      return totals;
    } finally {
      heartbeats.stop();
    }
  };
}

/**
 * Stores the opening events of a batch of appraisals (their first task and its notification with
 * them) in one transaction, and hands them to each workflow so that it folds them instead of recording
 * them again. Event ids are derived from the appraisal, so a retried launch writes nothing twice.
 */
async function openAppraisals(
  db: Kysely<Database>,
  launch: LaunchInput,
  inputs: AppraisalInput[],
): Promise<AppraisalInput[]> {
  if (!launch.launchedAt) return inputs;
  const at = launch.launchedAt;
  const cycle = Context.current().info.workflowExecution;
  const appends = inputs.map((a) => ({
    streamId: appraisalStreamId(a.appraisalId),
    expectedVersion: 0 as const,
    events: openingEvents(a, at).map((event, index) => ({
      ...event,
      eventId: derivedUuid(`${a.appraisalId}/opening/${index}`),
      metadata: {
        actor: launch.launchedBy,
        tenant: launch.orgId,
        ...(cycle ? { workflowId: cycle.workflowId, runId: cycle.runId } : {}),
        correlationId: appraisalWorkflowId(a.appraisalId),
      },
    })),
  }));
  const outcomes = await appendMany(db, eventSchemas, appends, { projections });
  return Promise.all(
    inputs.map(async (input, i) => {
      const { streamId, events } = appends[i]!;
      const outcome = outcomes[i]!;
      const stored =
        outcome.ok && !outcome.result.alreadyAppended
          ? events.map(({ type, data }) => ({ type, data }) as AppraisalEvent)
          : await storedOpening(db, streamId, events.length, outcome);
      return { ...input, opened: { events: stored } };
    }),
  );
}

/**
 * The opening events already in a stream (a retried launch, or an employee launched before): the
 * workflow must fold what the record holds, whatever this launch would have written.
 */
async function storedOpening(
  db: Kysely<Database>,
  streamId: string,
  count: number,
  outcome: AppendOutcome,
): Promise<AppraisalEvent[]> {
  const stored = await readStream(db, eventSchemas, streamId);
  if (stored.version === 0 && !outcome.ok) throw outcome.error;
  return stored.events.slice(0, count).map(({ type, data }) => ({ type, data }) as AppraisalEvent);
}

/** A name-based uuid (sha-256, version 8 layout): the same name always gives the same id. */
function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Records a batch's members as started: the cycle's progress, and where a retried launch resumes. */
async function markStarted(db: Kysely<Database>, cycleId: string, nips: string[]) {
  await db
    .updateTable('cycle_members')
    .set({ started_at: new Date() })
    .where('cycle_id', '=', cycleId)
    .where('nip', 'in', nips)
    .where('started_at', 'is', null)
    .execute();
}

/** The next page of the population: members recorded and opening events stored, ready to start. */
async function prepareBatch(db: Kysely<Database>, input: LaunchInput, after: string, size: number) {
  const nips = await populationPage(db, input, after, size);
  if (nips.length === 0) return null;
  const participants = await loadParticipants(db, input.orgId, nips);
  const approach = input.calendar.skpApproach ?? defaultSkpApproach;
  const skp = await loadSkpSettings(db, input.orgId, nips, approach);
  // Membership first: progress lives in Postgres, and a member whose start failed is retried.
  await db
    .insertInto('cycle_members')
    .values(
      participants.map((p) => {
        const appraisalId = appraisalIdFor(input.cycleId, p.employee.nip);
        return {
          cycle_id: input.cycleId,
          nip: p.employee.nip,
          appraisal_id: appraisalId,
          workflow_id: appraisalWorkflowId(appraisalId),
          unit_code: p.employee.unitCode,
        };
      }),
    )
    .onConflict((oc) => oc.columns(['cycle_id', 'nip']).doNothing())
    .execute();
  const returns = input.rejoin ? await reopenForReturn(db, input.cycleId, participants) : new Map();
  const inputs = await openAppraisals(
    db,
    input,
    participants.map((p): AppraisalInput => {
      const base = {
        cycleId: input.cycleId,
        orgId: input.orgId,
        participants: p,
        ...(skp.has(p.employee.nip) ? { skp: skp.get(p.employee.nip) } : {}),
        launchedBy: input.launchedBy,
      };
      const back = returns.get(p.employee.nip);
      if (!back || !input.rejoin || !input.launchedAt)
        return {
          ...base,
          appraisalId: appraisalIdFor(input.cycleId, p.employee.nip),
          calendar: input.calendar,
        };
      return {
        ...base,
        appraisalId: back.appraisalId,
        calendar: calendarFromReturn(input.calendar, input.launchedAt),
        rejoined: { previousAppraisalId: back.previousAppraisalId, ...input.rejoin },
      };
    }),
  );
  return { nips, inputs, lastNip: nips[nips.length - 1]! };
}

/**
 * The new appraisal of each member who came back: a member whose appraisal was cancelled gets the next id
 * of theirs in the cycle (`<cycle>.<nip>-2` ...), and the cycle's signals go to it from now on. A retried
 * launch finds the member pointing at that new id already and takes it again, so it opens one appraisal.
 */
async function reopenForReturn(
  db: Kysely<Database>,
  cycleId: string,
  participants: Participants[],
): Promise<Map<string, { appraisalId: string; previousAppraisalId: string }>> {
  const returns = new Map<string, { appraisalId: string; previousAppraisalId: string }>();
  for (const p of participants) {
    const nip = p.employee.nip;
    const member = await db
      .selectFrom('cycle_members as m')
      .leftJoin('appraisals as a', 'a.appraisal_id', 'm.appraisal_id')
      .select(['m.appraisal_id', 'a.step'])
      .where('m.cycle_id', '=', cycleId)
      .where('m.nip', '=', nip)
      .executeTakeFirst();
    if (!member) continue;
    const sequence = parseAppraisalId(member.appraisal_id)?.sequence ?? 1;
    if (member.step === 'cancelled') {
      const appraisalId = appraisalIdFor(cycleId, nip, sequence + 1);
      await db
        .updateTable('cycle_members')
        .set({
          appraisal_id: appraisalId,
          workflow_id: appraisalWorkflowId(appraisalId),
          unit_code: p.employee.unitCode,
          started_at: null,
        })
        .where('cycle_id', '=', cycleId)
        .where('nip', '=', nip)
        .where('appraisal_id', '=', member.appraisal_id)
        .execute();
      returns.set(nip, { appraisalId, previousAppraisalId: member.appraisal_id });
    } else if (sequence > 1) {
      // Reopened by an earlier attempt of this launch.
      returns.set(nip, {
        appraisalId: member.appraisal_id,
        previousAppraisalId: appraisalIdFor(cycleId, nip, sequence - 1),
      });
    }
  }
  return returns;
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
      // Not started eagerly: the first workflow tasks then go to every worker polling the queue instead
      // of all to the one running this launch, and the starts do not wait behind them (measured with
      // `npm run bench -- launch`: eager starts made the launch 20-25% slower on 2 cores).
    });
    return 'launched';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'alreadyRunning';
    throw error;
  }
}

async function populationPage(
  db: Kysely<Database>,
  input: LaunchInput,
  after: string,
  size: number,
): Promise<string[]> {
  let query = db
    .selectFrom('employees')
    .select('nip')
    .where('org_id', '=', input.orgId)
    .where('active', '=', true)
    .where('nip', '>', after)
    .orderBy('nip')
    .limit(size);
  const { unitCodes, positionCodes } = input.population;
  if (unitCodes?.length) query = query.where('unit_code', 'in', unitCodes);
  if (positionCodes?.length) query = query.where('position_code', 'in', positionCodes);
  if (input.nips) query = query.where('nip', 'in', input.nips.length ? input.nips : ['']);
  return (await query.execute()).map((row) => row.nip);
}
