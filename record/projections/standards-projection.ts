// Read models of the standards rounds, in the append's transaction: the round row (its state folded by
// the domain's own evolve), each published version of a position's standard, and the round's tasks in
// the inbox with a notification per task and reminder (the same tables the appraisals' tasks use).
import type { Kysely } from 'kysely';
import { roundIdOfStream } from '../../domain/ids.ts';
import type { StandardsEvent } from '../../domain/standards/events.ts';
import { evolveRound, initialRoundState, type RoundState } from '../../domain/standards/state.ts';
import type { Database } from '../../schema/database.ts';
import type { ProjectedEvent } from './appraisal-projection.ts';
import { AppraisalWrites } from './appraisal-writes.ts';

/** The inbox's step of a round's tasks (tasks.step). */
export const standardsStep = 'standards';

export async function projectStandardsEvents(
  trx: Kysely<Database>,
  events: readonly ProjectedEvent[],
): Promise<void> {
  const byRound = new Map<string, ProjectedEvent[]>();
  for (const event of events) {
    const roundId = roundIdOfStream(event.streamId);
    if (!roundId) continue; // a standards event on another kind of stream: no round to update
    byRound.set(roundId, [...(byRound.get(roundId) ?? []), event]);
  }
  const writes = new AppraisalWrites(trx);
  for (const [roundId, roundEvents] of byRound) {
    const stored = await trx
      .selectFrom('standard_rounds')
      .select('state')
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    let state = (stored?.state as RoundState | undefined) ?? null;
    for (const event of roundEvents) {
      const typed = { type: event.type, data: event.data } as StandardsEvent;
      state =
        typed.type === 'standards.roundStarted'
          ? initialRoundState(typed.data)
          : state && evolveRound(state, typed);
      if (state) await projectEvent(trx, writes, state, typed, event.eventId);
    }
    if (!state) continue;
    const last = roundEvents.at(-1);
    const row = {
      org_id: state.orgId,
      status: state.status,
      deadline: state.deadline,
      started_by: state.startedBy,
      started_at: state.startedAt,
      closed_at: state.closed?.at ?? null,
      version: last?.streamVersion ?? state.version,
      state: JSON.stringify(state),
    };
    await trx
      .insertInto('standard_rounds')
      .values({ round_id: roundId, ...row })
      .onConflict((oc) => oc.column('round_id').doUpdateSet(row))
      .execute();
  }
  await writes.flushTasks();
}

async function projectEvent(
  trx: Kysely<Database>,
  writes: AppraisalWrites,
  state: RoundState,
  event: StandardsEvent,
  eventId: string,
): Promise<void> {
  if (await writes.followTask(state.orgId, eventId, event)) return;
  switch (event.type) {
    case 'standards.taskAssigned': {
      const t = event.data;
      const role = t.role === 'holder' ? 'employee' : 'supervisor';
      writes.giveTask(
        {
          task_id: t.taskId,
          appraisal_id: state.roundId,
          cycle_id: state.roundId,
          org_id: state.orgId,
          kind: 'reviewStandard',
          step: standardsStep,
          assignee_nip: t.assigneeNip,
          assignee_role: role,
          due_at: t.dueAt,
          created_at: t.at,
        },
        eventId,
      );
      return;
    }
    case 'standards.published': {
      const p = event.data;
      await trx
        .insertInto('standard_versions')
        .values({
          org_id: state.orgId,
          position_code: p.positionCode,
          version: p.version,
          round_id: state.roundId,
          standard: JSON.stringify(p.standard),
          decisions: JSON.stringify(p.decisions),
          published_by: p.by,
          published_at: p.at,
        })
        .execute();
      return;
    }
    default:
      return;
  }
}
