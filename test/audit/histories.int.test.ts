// Without a database, a cycle's workflows are found through Temporal's visibility (workflow ids with the
// cycle's prefix), on a real dev server; their histories are exported as JSON and read back.
// (The simulated year in audit-simulation.test.ts exports and replays through cycle_members.)
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cycleWorkflowIds, exportCycleHistories, readCycleHistories } from '../../audit/histories.ts';
import { startDevEnv } from '../support/temporal.ts';

describe('exportCycleHistories from Temporal visibility', () => {
  let env: TestWorkflowEnvironment;
  const dir = mkdtempSync(join(tmpdir(), 'siklus-visibility-'));
  const cycleId = 'bungo.2027';
  const members = ['appraisal:bungo.2027.198505052010011002', 'appraisal:bungo.2027.199001012015031001'];

  beforeAll(async () => {
    env = await startDevEnv();
    // Nobody polls this task queue: the executions simply stay open, which is all visibility needs.
    const start = (workflowId: string, type: string) =>
      env.client.workflow.start(type, { workflowId, taskQueue: 'audit-nobody-polls', args: [] });
    await start(`cycle:${cycleId}`, 'CycleWorkflow');
    for (const id of members) await start(id, 'EmployeeAppraisalWorkflow');
    // Not of this cycle: another year that shares the prefix's digits, and another organisation.
    await start('appraisal:bungo.20271.199001012015031001', 'EmployeeAppraisalWorkflow');
    await start('appraisal:kota.2027.199001012015031001', 'EmployeeAppraisalWorkflow');
  }, 120_000);

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env?.teardown();
  });

  it('lists exactly the cycle and its appraisals, and exports their histories', async () => {
    // Visibility is eventually consistent: wait until both members are listed.
    const until = Date.now() + 30_000;
    let ids = await cycleWorkflowIds(env.client, cycleId);
    while (ids.length < 3 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      ids = await cycleWorkflowIds(env.client, cycleId);
    }
    expect(ids).toEqual([`cycle:${cycleId}`, ...members]);

    const histories = await exportCycleHistories(env.client, cycleId, dir);
    expect(histories.map((h) => [h.workflowId, h.workflowType])).toEqual([
      [`cycle:${cycleId}`, 'CycleWorkflow'],
      [members[0], 'EmployeeAppraisalWorkflow'],
      [members[1], 'EmployeeAppraisalWorkflow'],
    ]);
    expect(readdirSync(dir).sort()).toEqual([
      'appraisal_bungo.2027.198505052010011002.json',
      'appraisal_bungo.2027.199001012015031001.json',
      'cycle_bungo.2027.json',
      'index.json',
    ]);
    const reread = readCycleHistories(dir);
    expect(reread.map((h) => h.workflowId)).toEqual(ids);
    expect(reread.map((h) => h.history.events?.length)).toEqual(
      histories.map((h) => h.history.events?.length),
    );
    expect(reread[0]?.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(
      'CycleWorkflow',
    );
  }, 60_000);
});
