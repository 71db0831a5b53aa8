// What a launch recorded in Postgres, read by the launch benchmark: its progress, its counts, and when
// it wrote last (the benchmark's clock).
import type pg from 'pg';
import { appraisalStreamId, cycleStreamId } from '../domain/ids.ts';

/** Members of the cycle whose workflow the launch activity has started (its progress in Postgres). */
export async function startedCount(poller: pg.Client, cycleId: string): Promise<number> {
  const { rows } = await poller.query<{ n: string }>(
    'select count(*) as n from cycle_members where cycle_id = $1 and started_at is not null',
    [cycleId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** Members started, first tasks (acknowledgeStandards) of the cycle, and their notifications. */
export async function launchCounts(poller: pg.Client, cycleId: string) {
  const { rows } = await poller.query<{ started: string; tasks: string; notifications: string }>(
    `select
       (select count(*) from cycle_members where cycle_id = $1 and started_at is not null) as started,
       (select count(*) from tasks where cycle_id = $1 and kind = 'acknowledgeStandards') as tasks,
       (select count(*) from notifications n join tasks t on t.task_id = n.task_id
         where t.cycle_id = $1 and t.kind = 'acknowledgeStandards') as notifications`,
    [cycleId],
  );
  const row = rows[0];
  return {
    started: Number(row?.started ?? 0),
    tasks: Number(row?.tasks ?? 0),
    notifications: Number(row?.notifications ?? 0),
  };
}

/** When the launch wrote last: the last batch marked started, the last opening event stored (ms). */
export async function launchWrites(poller: pg.Client, cycleId: string) {
  const { rows } = await poller.query<{ started: Date; stored: Date }>(
    `select
       (select max(started_at) from cycle_members where cycle_id = $1) as started,
       (select max(e.recorded_at) from events e
         join cycle_members m on e.stream_id = $2 || m.appraisal_id
         where m.cycle_id = $1) as stored`,
    [cycleId, appraisalStreamId('')],
  );
  const row = rows[0];
  return { lastStartedAt: row?.started.getTime() ?? 0, lastStoredAt: row?.stored.getTime() ?? 0 };
}

/** When the cycle stored its `cycle.launched` event, once it has. */
export async function cycleLaunchedAt(
  poller: pg.Client,
  cycleId: string,
  deadline: number,
  pollMs: number,
): Promise<number> {
  for (;;) {
    const { rows } = await poller.query<{ at: Date }>(
      `select recorded_at as at from events where stream_id = $1 and type = 'cycle.launched'`,
      [cycleStreamId(cycleId)],
    );
    const at = rows[0]?.at;
    if (at) return at.getTime();
    if (Date.now() > deadline) throw new Error(`cycle ${cycleId} never recorded its launch`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
