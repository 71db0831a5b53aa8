// The Temporal side of an audit: fetch the workflow histories of a cycle (the CycleWorkflow and every
// EmployeeAppraisalWorkflow), keep them as Temporal's standard JSON, and replay them against the
// current workflow code, so a change that would break (or has rewritten) a run is found per workflow.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { appraisalWorkflowsOfCyclePrefix, cycleWorkflowId } from '../domain/ids.ts';
import type { Database } from '../schema/database.ts';
import { preloadModules, workflowsPath } from '../worker/create-worker.ts';
import { workflowBundle as productionBundle } from '../worker/workflow-bundle.ts';
import { type History, historyFromJSON, historyToJSON } from './history-json.ts';

export interface CycleHistory {
  workflowId: string;
  workflowType: string;
  history: History;
  /** The JSON file it was written to, relative to the export folder. */
  file?: string;
}

export interface ReplayOutcome {
  workflowId: string;
  workflowType: string;
  ok: boolean;
  error?: string;
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
  const ids = options.workflowIds ?? (await cycleWorkflowIds(client, cycleId, options.db));
  const histories: CycleHistory[] = new Array(ids.length);
  let done = 0;
  for (let i = 0; i < ids.length; i += concurrentFetches) {
    await Promise.all(
      ids.slice(i, i + concurrentFetches).map(async (workflowId, j) => {
        const history = await client.workflow.getHandle(workflowId).fetchHistory();
        histories[i + j] = { workflowId, workflowType: workflowTypeOf(history), history };
        options.onProgress?.(++done, ids.length);
      }),
    );
  }
  if (dir) writeHistories(histories, dir);
  return histories;
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
  const manifest = histories.map(({ file, workflowId, workflowType }) => ({
    file,
    workflowId,
    workflowType,
  }));
  writeFileSync(join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Histories written by exportCycleHistories. */
export function readCycleHistories(dir: string): CycleHistory[] {
  const manifest = JSON.parse(readFileSync(join(dir, manifestFile), 'utf8')) as Array<{
    file: string;
    workflowId: string;
    workflowType: string;
  }>;
  return manifest.map((entry) => ({
    ...entry,
    history: historyFromJSON(JSON.parse(readFileSync(join(dir, entry.file), 'utf8'))),
  }));
}

/**
 * Replays each history against the current workflow code (the production worker's bundle, or the
 * bundle given) and reports per workflow: ok, or the error message.
 */
export async function replayCycleHistories(
  histories: ReadonlyArray<Pick<CycleHistory, 'workflowId' | 'workflowType' | 'history'>>,
  options: { workflowBundle?: WorkflowBundle; onProgress?: (done: number, total: number) => void } = {},
): Promise<ReplayOutcome[]> {
  // The production worker's bundle (worker/workflow-bundle.ts), built once per content.
  const workflowBundle =
    options.workflowBundle ?? (await productionBundle({ workflowsPath, preloadModules }));
  const typeOf = new Map(histories.map((h) => [h.workflowId, h.workflowType]));
  const outcomes: ReplayOutcome[] = [];
  const input = histories.map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle }, input)) {
    const workflowType = typeOf.get(result.workflowId) ?? 'unknown';
    outcomes.push(
      result.error
        ? { workflowId: result.workflowId, workflowType, ok: false, error: result.error.message }
        : { workflowId: result.workflowId, workflowType, ok: true },
    );
    options.onProgress?.(outcomes.length, histories.length);
  }
  return outcomes;
}
