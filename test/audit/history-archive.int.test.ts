// A short real year (6 employees, production workflows, time-skipping server) whose histories are archived
// in the database before that server is torn down; then, on a fresh server that never had them, the audit's
// history replay takes them from the archive and says so. Archiving twice stores once, the archive is
// append-only, and a tampered archived history fails its replay as a finding.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundle } from '@temporalio/worker';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditError } from '../../audit/errors.ts';
import {
  type ArchiveSummary,
  archiveCycleHistories,
  type CycleHistory,
  exportCycleHistories,
  replayCycleHistories,
} from '../../audit/histories.ts';
import { historyFromJSON, historyToBytes, historyToJSON } from '../../audit/history-json.ts';
import { runSimulation } from '../../simulation/run-simulation.ts';
import { preloadModules, workflowsPath } from '../../worker/create-worker.ts';
import { workflowBundle } from '../../worker/workflow-bundle.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';
import { runSiklus } from '../support/siklus-cli.ts';
import { tamper } from '../support/tamper.ts';
import { startDevEnv, startTimeSkippingEnv } from '../support/temporal.ts';

describe('archived workflow histories of a closed cycle', () => {
  const live = {} as MigratedDatabase;
  let pastServer: TestWorkflowEnvironment | undefined;
  let freshServer: TestWorkflowEnvironment;
  let cycleId: string;
  let bundle: WorkflowBundle;
  let first: ArchiveSummary;
  let fromTemporal: CycleHistory[];
  const archivedRows = () => live.db.selectFrom('archived_histories').selectAll().execute();

  beforeAll(async () => {
    Object.assign(live, await createMigratedDatabase('history_archive'));
    pastServer = await startTimeSkippingEnv();
    ({ cycleId } = await runSimulation(pastServer, live.db, { employees: 6, units: 2, seed: 5 }));
    bundle = await workflowBundle({ workflowsPath, preloadModules });
  }, 600_000);

  afterAll(async () => {
    await pastServer?.teardown();
    await freshServer?.teardown();
    await live.close?.();
  });

  it('archives the cycle and every appraisal, once: archiving again stores nothing', async () => {
    const server = pastServer!;
    first = await archiveCycleHistories(server.client, live.db, cycleId);
    expect(first).toMatchObject({ runs: 7, stored: 7 });
    expect(first.bytes).toBeGreaterThan(10_000);
    const rows = await archivedRows();
    expect(rows.map((r) => r.workflow_type).sort()).toEqual([
      'CycleWorkflow',
      ...Array(6).fill('EmployeeAppraisalWorkflow'),
    ]);
    expect(new Set(rows.map((r) => r.cycle_id))).toEqual(new Set([cycleId]));
    expect(rows.reduce((n, r) => n + r.history.length, 0)).toBe(first.bytes);

    const again = await archiveCycleHistories(server.client, live.db, cycleId);
    expect(again).toEqual({ ...first, stored: 0 });
    expect(await archivedRows()).toEqual(rows);
    const cli = await runSiklus(['audit', 'archive-histories', '--cycle', cycleId], {
      DATABASE_URL: live.url,
      TEMPORAL_ADDRESS: server.address,
    });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe(
      `7 workflow histories of ${cycleId} in the archive (${first.bytes} bytes): 0 stored now, 7 archived before\n`,
    );
    expect(await archivedRows()).toEqual(rows);
    // What Temporal still has is replayed from Temporal, not the archive.
    fromTemporal = await exportCycleHistories(server.client, cycleId, undefined, { db: live.db });
    const outcomes = await replayCycleHistories(fromTemporal, { workflowBundle: bundle });
    expect(outcomes.map((o) => [o.ok, o.source])).toEqual(Array(7).fill([true, 'temporal']));
  }, 180_000);

  it('refuses a cycle that is not there or not closed, and keeps the archive append-only', async () => {
    const server = pastServer!;
    await expect(archiveCycleHistories(server.client, live.db, 'nowhere.2025')).rejects.toThrow(AuditError);
    // The same cycle's projection row under another id, still open: a year not over is not archived.
    const next = cycleId.replace(/\.\d{4}$/, '.2099');
    const changes = JSON.stringify({ cycle_id: next, year: 2099, status: 'active' });
    await sql`insert into cycles select (jsonb_populate_record(null::cycles, to_jsonb(c) || ${changes}::jsonb)).*
      from cycles c where cycle_id = ${cycleId}`.execute(live.db);
    const cli = await runSiklus(['audit', 'archive-histories', '--cycle', next], {
      DATABASE_URL: live.url,
      TEMPORAL_ADDRESS: server.address,
    });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`cycle ${next} is active: only a closed cycle is archived`);
    await expect(sql`update archived_histories set status = 'X'`.execute(live.db)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(live.db.deleteFrom('archived_histories').execute()).rejects.toThrow(/append-only: DELETE/);
    expect(await archivedRows()).toHaveLength(7);
  });

  it("replays from the archive when the year's server is gone, and names the archive", async () => {
    await pastServer?.teardown();
    pastServer = undefined;
    freshServer = await startDevEnv();
    const histories = await exportCycleHistories(freshServer.client, cycleId, undefined, { db: live.db });
    expect(histories.map((h) => h.workflowId)).toEqual(fromTemporal.map((h) => h.workflowId));
    expect(histories.map((h) => h.history.events?.length)).toEqual(
      fromTemporal.map((h) => h.history.events?.length),
    );
    const outcomes = await replayCycleHistories(histories, { workflowBundle: bundle });
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.map((o) => o.source)).toEqual(Array(7).fill('archive'));
    const rows = await archivedRows();
    const archivedAt = new Map(rows.map((r) => [r.workflow_id, r.archived_at.toISOString()]));
    for (const o of outcomes) expect(o.archivedAt).toBe(archivedAt.get(o.workflowId));

    const run = await runSiklus(['audit', 'histories', '--cycle', cycleId], {
      DATABASE_URL: live.url,
      TEMPORAL_ADDRESS: freshServer.address,
    });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^ok {4}cycle:${cycleId.replace('.', '\\.')} \\(CycleWorkflow, archived at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d WIB\\)$`,
        'm',
      ),
    );
    expect(run.stdout).toContain(
      "7 workflow histories replayed against the current code: 7 ok, 0 failed; 7 from siklus's archive",
    );
  }, 300_000);

  it('fails the replay of a tampered archived history as a finding, the others still ok', async () => {
    const [cycle, changed, garbled] = fromTemporal;
    const json = historyToJSON(changed!.history) as {
      events: Array<{ activityTaskScheduledEventAttributes?: { activityType: { name: string } } }>;
    };
    const scheduled = json.events.find((e) => e.activityTaskScheduledEventAttributes);
    scheduled!.activityTaskScheduledEventAttributes!.activityType.name = 'somethingElse';
    const hex = historyToBytes(historyFromJSON(json)).toString('hex');
    await tamper(
      live.url,
      `update archived_histories set history = '\\x${hex}' where workflow_id = '${changed!.workflowId}'`,
      `update archived_histories set history = substring(history from 1 for 40) where workflow_id = '${garbled!.workflowId}'`,
    );
    const histories = await exportCycleHistories(freshServer.client, cycleId, undefined, { db: live.db });
    const outcomes = await replayCycleHistories(histories, { workflowBundle: bundle });
    const byId = new Map(outcomes.map((o) => [o.workflowId, o]));
    expect(byId.get(cycle!.workflowId)).toMatchObject({ ok: true, source: 'archive' });
    expect(byId.get(changed!.workflowId)).toMatchObject({ ok: false, source: 'archive' });
    expect(byId.get(changed!.workflowId)?.error).toMatch(/nondetermin/i);
    expect(byId.get(garbled!.workflowId)).toMatchObject({ ok: false, source: 'archive' });
    expect(byId.get(garbled!.workflowId)?.error).toMatch(/archived history (cannot be read|has no events)/);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(5);

    const run = await runSiklus(['audit', 'histories', '--cycle', cycleId], {
      DATABASE_URL: live.url,
      TEMPORAL_ADDRESS: freshServer.address,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FAIL  ${changed!.workflowId} (EmployeeAppraisalWorkflow, archived at `);
    expect(run.stdout).toContain('7 workflow histories replayed against the current code: 5 ok, 2 failed');
  }, 300_000);
});
