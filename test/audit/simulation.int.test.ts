// A whole simulated year (40 employees, production workflows and activities, time-skipping server),
// then the audit: the projections rebuilt from the log equal the live ones row for row, the cycle
// verifies with its seal, every appraisal replays from the log to its projected state, and the
// Temporal histories export and replay against the current workflow code.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CycleHistory,
  exportCycleHistories,
  readCycleHistories,
  replayCycleHistories,
} from '../../audit/histories.ts';
import { historyFromJSON, historyToJSON } from '../../audit/history-json.ts';
import { rebuildProjections } from '../../audit/rebuild-projections.ts';
import { stateAsOf } from '../../audit/state-as-of.ts';
import { verifyCycle } from '../../audit/verify-cycle.ts';
import type { Database } from '../../schema/database.ts';
import { createDb } from '../../schema/db.ts';
import { migrateToLatest } from '../../schema/migrate.ts';
import { runSimulation } from '../../simulation/run-simulation.ts';
import { preloadModules, workflowsPath } from '../../worker/create-worker.ts';
import { workflowBundle } from '../../worker/workflow-bundle.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

const bin = fileURLToPath(new URL('../../bin/siklus.mjs', import.meta.url));

describe('auditing a simulated year of 40 employees', () => {
  let env: TestWorkflowEnvironment;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let cycleId: string;
  let bundle: WorkflowBundle;
  let histories: CycleHistory[];
  const dir = mkdtempSync(join(tmpdir(), 'siklus-histories-'));

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    database = await createTestDatabase('audit_sim');
    db = createDb(database.url);
    await migrateToLatest(db);
    await runSimulation(env, db, { employees: 40, units: 3, seed: 11 });
    const cycle = await db.selectFrom('cycles').select('cycle_id').executeTakeFirstOrThrow();
    cycleId = cycle.cycle_id;
    bundle = await workflowBundle({ workflowsPath, preloadModules });
  }, 600_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db?.destroy();
    await database?.drop();
    await env?.teardown();
  });

  it('rebuilds every projection from the log with zero differences', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from events`.execute(db);
    const report = await rebuildProjections(db);
    expect(report.differences).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report).toMatchObject({ ok: true, cycleId: null, events: rows[0]?.n });
    expect(report.events).toBeGreaterThan(1_500);
  });

  it('names a projection row changed with plain SQL, then agrees again once it is put back', async () => {
    const task = await db
      .selectFrom('tasks')
      .select(['task_id', 'status'])
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`update tasks set status = 'open' where task_id = ${task.task_id}`.execute(db);
    try {
      const report = await rebuildProjections(db, { cycleId });
      expect(report.differences.map((d) => [d.table, d.onlyLive, d.onlyRebuilt])).toEqual([['tasks', 1, 1]]);
      expect(report.differences[0]?.liveRows[0]).toMatchObject({ task_id: task.task_id, status: 'open' });
      expect(report.differences[0]?.rebuiltRows[0]).toMatchObject({
        task_id: task.task_id,
        status: task.status,
      });
    } finally {
      await sql`update tasks set status = ${task.status} where task_id = ${task.task_id}`.execute(db);
    }
    expect((await rebuildProjections(db, { cycleId })).ok).toBe(true);
  });

  it('verifies the closed cycle: chains, schemas, projections and the seal made at its close', async () => {
    const report = await verifyCycle(db, cycleId);
    expect(report.findings).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.streamsChecked).toBe(41);
    expect(report.seal).toMatchObject({ status: 'intact', seal: { streams: 41 } });
    // Referrals lapse at the cycle's end, after the close: the log went on past the seal.
    const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from events
      where global_position > ${report.seal.status === 'intact' ? report.seal.seal.position : 0}`.execute(db);
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it('replays every appraisal from the log to exactly its projected state', async () => {
    const appraisals = await db
      .selectFrom('appraisals')
      .select(['appraisal_id', 'state', 'version'])
      .where('cycle_id', '=', cycleId)
      .execute();
    expect(appraisals).toHaveLength(40);
    const whole = await stateAsOf(db, { cycleId }, { time: new Date() });
    expect(whole.cycle?.status).toBe('closed');
    for (const row of appraisals) {
      const replayed = await stateAsOf(
        db,
        { appraisalId: row.appraisal_id },
        { position: Number.MAX_SAFE_INTEGER },
      );
      expect(replayed.version).toBe(row.version);
      expect(replayed.state).toEqual(row.state);
      expect(whole.appraisals[row.appraisal_id]).toEqual(row.state);
    }
  });

  it('exports the cycle and appraisal histories as JSON and replays them against the current code', async () => {
    histories = await exportCycleHistories(env.client, cycleId, dir, { db });
    expect(histories).toHaveLength(41);
    expect(histories[0]).toMatchObject({ workflowId: `cycle:${cycleId}`, workflowType: 'CycleWorkflow' });
    expect(new Set(histories.slice(1).map((h) => h.workflowType))).toEqual(
      new Set(['EmployeeAppraisalWorkflow']),
    );
    expect(readdirSync(dir)).toHaveLength(42);
    const reread = readCycleHistories(dir);
    expect(reread.map((h) => h.workflowId)).toEqual(histories.map((h) => h.workflowId));
    const outcomes = await replayCycleHistories(reread, { workflowBundle: bundle });
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes).toHaveLength(41);
  }, 300_000);

  it('reports the workflow whose history no longer replays', async () => {
    const [cycle, first] = histories;
    const json = historyToJSON(first!.history) as {
      events: Array<{ activityTaskScheduledEventAttributes?: { activityType: { name: string } } }>;
    };
    const scheduled = json.events.find((e) => e.activityTaskScheduledEventAttributes);
    scheduled!.activityTaskScheduledEventAttributes!.activityType.name = 'somethingElse';
    const outcomes = await replayCycleHistories([cycle!, { ...first!, history: historyFromJSON(json) }], {
      workflowBundle: bundle,
    });
    expect(outcomes[0]).toMatchObject({ workflowId: cycle!.workflowId, ok: true });
    expect(outcomes[1]).toMatchObject({ workflowId: first!.workflowId, ok: false });
    expect(outcomes[1]?.error).toMatch(/nondetermin/i);
  }, 120_000);

  it('siklus audit histories exports and replays through the CLI', async () => {
    const out = join(dir, 'cli');
    const { DATABASE_URL: _inherited, ...rest } = process.env;
    const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(
        process.execPath,
        [bin, 'audit', 'histories', '--cycle', cycleId, '--out', out],
        { env: { ...rest, DATABASE_URL: database.url, TEMPORAL_ADDRESS: env.address }, timeout: 300_000 },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ok    cycle:${cycleId} (CycleWorkflow)`);
    expect(run.stdout).toContain('41 workflow histories replayed against the current code: 41 ok, 0 failed');
    expect(readdirSync(out)).toHaveLength(42);
  }, 300_000);
});
