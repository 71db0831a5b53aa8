// The workflow histories siklus keeps itself (archived_histories, migration 0020): written once per run
// (workflow id + run id) by archiveCycleHistories, read back by the history replay when Temporal no
// longer has the workflow. Stored as Temporal's protobuf bytes, which the SDK decodes to the History
// that Worker.runReplayHistories takes.
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { type History, historyFromBytes, historyToBytes } from './history-json.ts';

export interface ArchivedRun {
  workflowId: string;
  runId: string;
  cycleId: string;
  workflowType: string;
  /** The run's status when archived, as Temporal named it (COMPLETED, RUNNING, ...). */
  status: string;
  history: History;
}

/** Stores a run's history unless that run is archived already; true when this call stored it. */
export async function archiveRun(
  db: Kysely<Database>,
  run: ArchivedRun,
): Promise<{ stored: boolean; bytes: number }> {
  const bytes = historyToBytes(run.history);
  const inserted = await db
    .insertInto('archived_histories')
    .values({
      workflow_id: run.workflowId,
      run_id: run.runId,
      cycle_id: run.cycleId,
      workflow_type: run.workflowType,
      status: run.status,
      events: run.history.events?.length ?? 0,
      history: bytes,
    })
    .onConflict((c) => c.columns(['workflow_id', 'run_id']).doNothing())
    .returning('workflow_id')
    .executeTakeFirst();
  return { stored: inserted !== undefined, bytes: bytes.length };
}

export interface ArchivedHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  archivedAt: Date;
  /** Undefined when the stored bytes are no history (`problem` says why). */
  history?: History;
  problem?: string;
}

/** The latest archived run of a workflow, or undefined when none is archived. */
export async function archivedHistoryOf(
  db: Kysely<Database>,
  workflowId: string,
): Promise<ArchivedHistory | undefined> {
  const row = await db
    .selectFrom('archived_histories')
    .select(['workflow_id', 'run_id', 'workflow_type', 'archived_at', 'history'])
    .where('workflow_id', '=', workflowId)
    .orderBy('archived_at', 'desc')
    .orderBy('run_id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const found = {
    workflowId: row.workflow_id,
    runId: row.run_id,
    workflowType: row.workflow_type,
    archivedAt: row.archived_at,
  };
  try {
    const history = historyFromBytes(row.history);
    if (!history.events?.length) return { ...found, problem: 'the archived history has no events' };
    return { ...found, history };
  } catch (error) {
    return { ...found, problem: `the archived history cannot be read: ${(error as Error).message}` };
  }
}

/** The ids of the workflows archived for a cycle. */
export async function archivedWorkflowIds(db: Kysely<Database>, cycleId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('archived_histories')
    .select('workflow_id')
    .distinct()
    .where('cycle_id', '=', cycleId)
    .orderBy('workflow_id')
    .execute();
  return rows.map((row) => row.workflow_id);
}
