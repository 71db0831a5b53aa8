// A cycle's row straight into the table, for tests and benchmarks of what reads it without a workflow.
import type { Kysely } from 'kysely';
import { cycleIdFor } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';

/** A running cycle of `orgId`'s `year` (no calendar, no population), started by `startedBy` at `startedAt`. */
export async function insertRunningCycle(
  db: Kysely<Database>,
  cycle: { orgId: string; year: number; startedBy: string; startedAt: Date | string },
): Promise<void> {
  await db
    .insertInto('cycles')
    .values({
      cycle_id: cycleIdFor(cycle.orgId, cycle.year),
      org_id: cycle.orgId,
      year: cycle.year,
      status: 'running',
      calendar: JSON.stringify({}),
      population: JSON.stringify({}),
      started_by: cycle.startedBy,
      started_at: cycle.startedAt,
    })
    .execute();
}
