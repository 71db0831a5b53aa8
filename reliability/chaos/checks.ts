// What must hold after the faults, read from the stored rows and from Temporal:
//  - every employee of the cycle is a member with exactly one `appraisal.started` (none twice, none lost);
//  - every accepted acknowledgement produced exactly its events (one `socialisation.acknowledged` and one
//    `task.completed` of its task), and nothing was recorded that the client was not told was accepted;
//  - event ids are unique and every stream's versions run 1..n without a gap;
//  - the projections equal their rebuild from the log, and `audit verify` passes;
//  - no workflow is stuck: each appraisal's workflow runs, and each appraisal is in the step the calendar
//    says now, with its acknowledgement task closed once acknowledged.
import type { Client } from '@temporalio/client';
import { type Kysely, sql } from 'kysely';
import { rebuildProjections } from '../../audit/rebuild-projections.ts';
import { verifyCycle } from '../../audit/verify-cycle.ts';
import { appraisalStreamsOfCycleLike, cycleStreamId, taskIdFor } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';

export interface CheckFigures {
  lostEvents: number;
  duplicatedEvents: number;
  projectionMismatches: number;
  stuckWorkflows: number;
  verify: boolean;
  /** What each non-zero figure is made of, to find the cause. */
  findings: string[];
}

export async function checkCycle(
  db: Kysely<Database>,
  temporal: Client,
  cycleId: string,
  employeeNips: readonly string[],
  acknowledged: ReadonlySet<string>,
): Promise<CheckFigures> {
  const findings: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let stuck = 0;
  const note = (what: string) => {
    if (findings.length < 40) findings.push(what);
  };

  const members = await db
    .selectFrom('cycle_members')
    .select(['nip', 'appraisal_id', 'workflow_id'])
    .where('cycle_id', '=', cycleId)
    .execute();
  const memberOf = new Map(members.map((m) => [m.nip, m]));
  for (const nip of employeeNips)
    if (!memberOf.has(nip)) {
      lost++;
      note(`${nip}: not a member of the cycle`);
    }

  const like = appraisalStreamsOfCycleLike(cycleId);
  const perStream = await sql<{ stream_id: string; type: string; task: string | null; n: number }>`
    select stream_id, type, data->>'taskId' as task, count(*)::int as n from events
    where stream_id like ${like} and type in ('appraisal.started', 'socialisation.acknowledged', 'task.completed')
    group by stream_id, type, data->>'taskId'`.execute(db);
  const count = (streamId: string, type: string, task?: string) =>
    perStream.rows
      .filter((r) => r.stream_id === streamId && r.type === type && (task === undefined || r.task === task))
      .reduce((sum, r) => sum + r.n, 0);

  for (const member of members) {
    const stream = `appraisal-${member.appraisal_id}`;
    const started = count(stream, 'appraisal.started');
    if (started !== 1) note(`${member.nip}: ${started} appraisal.started events`);
    if (started === 0) lost++;
    if (started > 1) duplicated += started - 1;
    const acks = count(stream, 'socialisation.acknowledged');
    const completed = count(stream, 'task.completed', taskIdFor(member.appraisal_id, 'acknowledgeStandards'));
    const expected = acknowledged.has(member.nip) ? 1 : 0;
    for (const [what, n] of [
      ['socialisation.acknowledged', acks],
      ['task.completed (acknowledgeStandards)', completed],
    ] as const) {
      if (n === expected) continue;
      note(`${member.nip}: ${n} ${what} events, ${expected} accepted`);
      if (n < expected) lost += expected - n;
      else duplicated += n - expected;
    }
  }
  const otherStreams = await sql<{ n: number }>`
    select count(distinct stream_id)::int as n from events
    where stream_id like ${like} and type = 'appraisal.started'
      and stream_id not in (select 'appraisal-' || appraisal_id from cycle_members where cycle_id = ${cycleId})`.execute(
    db,
  );
  const strays = otherStreams.rows[0]?.n ?? 0;
  if (strays > 0) {
    duplicated += strays;
    note(`${strays} appraisal streams started that are no member's`);
  }

  const ids = await sql<{ dup: number }>`
    select (count(*) - count(distinct event_id))::int as dup from events
    where stream_id like ${like} or stream_id = ${cycleStreamId(cycleId)}`.execute(db);
  const dupIds = ids.rows[0]?.dup ?? 0;
  if (dupIds > 0) {
    duplicated += dupIds;
    note(`${dupIds} event ids recorded twice`);
  }
  const gaps = await sql<{ stream_id: string; missing: number }>`
    select stream_id, (max(stream_version) - count(distinct stream_version))::int as missing from events
    where stream_id like ${like} or stream_id = ${cycleStreamId(cycleId)}
    group by stream_id having max(stream_version) <> count(distinct stream_version)`.execute(db);
  for (const gap of gaps.rows) {
    lost += gap.missing;
    note(`${gap.stream_id}: ${gap.missing} versions missing`);
  }

  const rebuild = await rebuildProjections(db, { cycleId });
  const projectionMismatches = rebuild.differences.reduce((sum, d) => sum + d.onlyLive + d.onlyRebuilt, 0);
  for (const d of rebuild.differences)
    note(`${d.table}: ${d.onlyLive} rows only live, ${d.onlyRebuilt} only rebuilt`);
  const verification = await verifyCycle(db, cycleId);
  for (const f of verification.findings.slice(0, 10)) note(`verify: ${f.problem} ${f.detail}`);

  const cycle = await db
    .selectFrom('cycles')
    .select('calendar')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const stepNow = calendarStep(cycle.calendar as CalendarSteps, new Date());
  const appraisals = await db
    .selectFrom('appraisals')
    .select(['nip', 'step'])
    .where('cycle_id', '=', cycleId)
    .execute();
  const stepOf = new Map(appraisals.map((a) => [a.nip, a.step]));
  const openAcks = new Set(
    (
      await db
        .selectFrom('tasks')
        .select('assignee_nip')
        .where('cycle_id', '=', cycleId)
        .where('kind', '=', 'acknowledgeStandards')
        .where('status', '=', 'open')
        .execute()
    ).map((t) => t.assignee_nip),
  );
  for (const member of members) {
    const step = stepOf.get(member.nip);
    const running = await workflowRunning(temporal, member.workflow_id);
    const ackOpen = acknowledged.has(member.nip) && openAcks.has(member.nip);
    if (step === stepNow && running && !ackOpen) continue;
    stuck++;
    note(
      `${member.nip}: step ${step ?? 'none'} (calendar: ${stepNow}), workflow ${running ? 'running' : 'not running'}${ackOpen ? ', acknowledged but its task is open' : ''}`,
    );
  }

  return {
    lostEvents: lost,
    duplicatedEvents: duplicated,
    projectionMismatches,
    stuckWorkflows: stuck,
    verify: verification.ok,
    findings,
  };
}

type CalendarSteps = Record<string, { start?: string } | undefined>;

/** The step whose window has opened last by `now` (the run lasts minutes, the steps weeks). */
function calendarStep(calendar: CalendarSteps, now: Date): string {
  const order = ['socialisation', 'agreement'] as const;
  let step: string = order[0];
  for (const name of order) {
    const start = calendar[name]?.start;
    if (start && Date.parse(start) <= now.getTime()) step = name;
  }
  return step;
}

async function workflowRunning(temporal: Client, workflowId: string): Promise<boolean> {
  try {
    const description = await temporal.workflow.getHandle(workflowId).describe();
    return description.status.name === 'RUNNING';
  } catch {
    return false;
  }
}
