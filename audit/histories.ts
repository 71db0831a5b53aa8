// The Temporal side of an audit: fetch the workflow histories of a cycle (the CycleWorkflow and every
// EmployeeAppraisalWorkflow), keep them as Temporal's standard JSON, and replay them against the
// current workflow code, so a change that would break (or has rewritten) a run is found per workflow.
// A workflow Temporal no longer has (its server did not keep it) is replayed from siklus's own archive
// (audit/archived-histories.ts), and its outcome says so.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { appraisalWorkflowsOfCyclePrefix, cycleWorkflowId } from '../domain/ids.ts';
import type { Database } from '../schema/database.ts';
import { preloadModules, workflowsPath } from '../worker/create-worker.ts';
import { workflowBundle as productionBundle } from '../worker/workflow-bundle.ts';
import { archivedHistoryOf, archivedWorkflowIds, archiveRun } from './archived-histories.ts';
import { AuditError } from './errors.ts';
import { type History, historyFromJSON, historyToJSON } from './history-json.ts';

export interface CycleHistory {
  workflowId: string;
  workflowType: string;
  history: History;
  /** The JSON file it was written to, relative to the export folder. */
  file?: string;
  /** Set when the history came from siklus's archive (Temporal no longer had the workflow). */
  archived?: { runId: string; at: Date };
  /** Why an archived history could not be used (then `history` is empty and the replay fails). */
  problem?: string;
}

export interface ReplayOutcome {
  workflowId: string;
  workflowType: string;
  ok: boolean;
  error?: string;
  /** Where the history replayed came from. */
  source: 'temporal' | 'archive';
  /** ISO 8601, when the source is the archive. */
  archivedAt?: string;
}

const manifestFile = 'index.json';
const concurrentFetches = 8;

/**
 * The ids of the cycle's workflows: the cycle's own, then its members' from `cycle_members` when a
 * database is given, else from Temporal's visibility (workflow ids starting with `appraisal:<cycleId>.`).
 */
export async function cycleWorkflowIds(
  client: Client,
  cycleId: string,
  db?: Kysely<Database>,
): Promise<string[]> {
  let members: string[];
  if (db) {
    const rows = await db
      .selectFrom('cycle_members')
      .select('workflow_id')
      .where('cycle_id', '=', cycleId)
      .orderBy('nip')
      .execute();
    members = rows.map((row) => row.workflow_id);
  } else {
    const found = new Set<string>();
    const prefix = appraisalWorkflowsOfCyclePrefix(cycleId).replace(/["\\]/g, '');
    const query = `WorkflowId STARTS_WITH "${prefix}"`;
    for await (const execution of client.workflow.list({ query })) found.add(execution.workflowId);
    members = [...found].sort();
  }
  return [cycleWorkflowId(cycleId), ...members];
}

/** Fetches every history of the cycle; with `dir`, writes each as JSON plus an index.json manifest. */
export async function exportCycleHistories(
  client: Client,
  cycleId: string,
  dir?: string,
  options: {
    db?: Kysely<Database>;
    workflowIds?: string[];
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<CycleHistory[]> {
  const { db } = options;
  let ids = options.workflowIds ?? (await cycleWorkflowIds(client, cycleId, db));
  if (db && !options.workflowIds) {
    // Workflows of the cycle that only the archive still knows (the cycle's own and its members' are listed).
    const listed = new Set(ids);
    ids = [...ids, ...(await archivedWorkflowIds(db, cycleId)).filter((id) => !listed.has(id))];
  }
  const histories: CycleHistory[] = new Array(ids.length);
  let done = 0;
  for (let i = 0; i < ids.length; i += concurrentFetches) {
    await Promise.all(
      ids.slice(i, i + concurrentFetches).map(async (workflowId, j) => {
        histories[i + j] = await historyOf(client, workflowId, db);
        options.onProgress?.(++done, ids.length);
      }),
    );
  }
  if (dir) writeHistories(histories, dir);
  return histories;
}

/** From Temporal; when Temporal has no such workflow and a database is given, from the archive. */
async function historyOf(client: Client, workflowId: string, db?: Kysely<Database>): Promise<CycleHistory> {
  try {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    return { workflowId, workflowType: workflowTypeOf(history), history };
  } catch (error) {
    if (!db || !isNotFound(error)) throw error;
    const kept = await archivedHistoryOf(db, workflowId);
    if (!kept) throw error;
    const { runId, archivedAt, workflowType, history, problem } = kept;
    return {
      workflowId,
      workflowType,
      history: history ?? { events: [] },
      archived: { runId, at: archivedAt },
      ...(problem ? { problem } : {}),
    };
  }
}

function isNotFound(error: unknown): boolean {
  // fetchHistory passes the service's NOT_FOUND (gRPC status 5) through; describe wraps it.
  return error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === 5);
}

export interface ArchiveSummary {
  /** Workflow runs whose histories the archive holds for the cycle after this call. */
  runs: number;
  /** Of them, stored by this call (0 when the cycle was archived before). */
  stored: number;
  /** The protobuf bytes of those histories. */
  bytes: number;
}

/**
 * Keeps the histories of a closed cycle's workflows (the cycle's own, every appraisal's, and any other
 * `workflowIds` given) in siklus's own record, for when their server will not keep them: the latest
 * run of each, once per workflow id and run id, so archiving again stores nothing twice.
 */
export async function archiveCycleHistories(
  client: Client,
  db: Kysely<Database>,
  cycleId: string,
  options: { workflowIds?: string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<ArchiveSummary> {
  const cycle = await db
    .selectFrom('cycles')
    .select('status')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
  if (!cycle) throw new AuditError('not_found', `no cycle ${cycleId}`);
  if (cycle.status !== 'closed')
    throw new AuditError(
      'bad_request',
      `cycle ${cycleId} is ${cycle.status}: only a closed cycle is archived`,
    );
  const ids = [
    ...new Set([...(await cycleWorkflowIds(client, cycleId, db)), ...(options.workflowIds ?? [])]),
  ];
  const summary: ArchiveSummary = { runs: 0, stored: 0, bytes: 0 };
  for (let i = 0; i < ids.length; i += concurrentFetches) {
    await Promise.all(
      ids.slice(i, i + concurrentFetches).map(async (workflowId) => {
        const described = await client.workflow.getHandle(workflowId).describe();
        const history = await client.workflow.getHandle(workflowId, described.runId).fetchHistory();
        const { stored, bytes } = await archiveRun(db, {
          workflowId,
          runId: described.runId,
          cycleId,
          workflowType: described.type,
          status: described.status.name,
          history,
        });
        summary.runs++;
        if (stored) summary.stored++;
        summary.bytes += bytes;
        options.onProgress?.(summary.runs, ids.length);
      }),
    );
  }
  return summary;
}

function workflowTypeOf(history: History): string {
  return history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? 'unknown';
}

function fileNameOf(workflowId: string): string {
  return `${workflowId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

function writeHistories(histories: CycleHistory[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const h of histories) {
    h.file = fileNameOf(h.workflowId);
    writeFileSync(join(dir, h.file), `${JSON.stringify(historyToJSON(h.history))}\n`);
  }
  const manifest = histories.map(({ file, workflowId, workflowType, archived }) => ({
    file,
    workflowId,
    workflowType,
    ...(archived ? { archivedAt: archived.at.toISOString(), runId: archived.runId } : {}),
  }));
  writeFileSync(join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Histories written by exportCycleHistories. */
export function readCycleHistories(dir: string): CycleHistory[] {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as Array<{
    file: string;
    workflowId: string;
    workflowType: string;
    archivedAt?: string;
    runId?: string;
  }>;
  return manifest.map(({ archivedAt, runId, ...entry }) => ({
    ...entry,
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, entry.file), 'utf8'))),
    ...(archivedAt ? { archived: { runId: runId ?? '', at: new Date(archivedAt) } } : {}),
  }));
}

/**
 * Replays each history against the current workflow code (the production worker's bundle, or the
 * bundle given) and reports per workflow, in the order given: ok, or the error message, and whether
 * the history came from Temporal or the archive. An archived history that cannot be read fails
 * without replaying.
 */
export async function replayCycleHistories(
  histories: ReadonlyArray<
    Pick<CycleHistory, 'workflowId' | 'workflowType' | 'history' | 'archived' | 'problem'>
  >,
  options: { workflowBundle?: WorkflowBundle; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReplayOutcome[]> {
  // The production worker's bundle (worker/workflow-bundle.ts), built once per content.
  const workflowBundle =
    options.workflowBundle ?? (await productionBundle({ workflowsPath, preloadModules }));
  // Each workflow's result: undefined when it replayed, else why not.
  const results = new Map<string, string | undefined>();
  for (const h of histories) if (h.problem) results.set(h.workflowId, h.problem);
  const input = histories
    .filter((h) => !h.problem)
    .map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle }, input)) {
    results.set(result.workflowId, result.error?.message);
    options.onProgress?.(results.size, histories.length);
  }
  return histories.map(({ workflowId, workflowType, archived }): ReplayOutcome => {
    const error = results.has(workflowId) ? results.get(workflowId) : 'not replayed';
    const source = archived
      ? { source: 'archive' as const, archivedAt: archived.at.toISOString() }
      : { source: 'temporal' as const };
    return {
      workflowId,
      workflowType,
      ok: error === undefined,
      ...(error === undefined ? {} : { error }),
      ...source,
    };
  });
}
