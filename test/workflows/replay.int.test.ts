// Replays histories recorded from real runs (test/fixtures/histories/, made by
// scripts/record-histories.ts) against today's workflow code: a change that would break running
// workflows on deploy fails here first. The negative cases prove the check can fail.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { bundleWorkflowCode, type ReplayResult, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { beforeAll, describe, expect, it } from 'vitest';
import { preloadModules, workflowsPath } from '../../worker/create-worker.ts';
import { workflowBundle } from '../../worker/workflow-bundle.ts';
import {
  historyFromJSON,
  historyToJSON,
  type RecordedHistory,
  readHistoryFixtures,
} from '../support/record-histories.ts';

const nodeModules = fileURLToPath(new URL('../../node_modules', import.meta.url));

async function replay(workflowBundle: WorkflowBundle, fixtures: RecordedHistory[]): Promise<ReplayResult[]> {
  const results: ReplayResult[] = [];
  const histories = fixtures.map(({ workflowId, history }) => ({ workflowId, history }));
  for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) results.push(result);
  return results;
}

/** The same history with the first scheduled activity renamed, as if the code had called another one. */
function withRenamedActivity(history: History): History {
  const json = historyToJSON(history) as {
    events: Array<{ activityTaskScheduledEventAttributes?: { activityType: { name: string } } }>;
  };
  const scheduled = json.events.find((e) => e.activityTaskScheduledEventAttributes);
  if (!scheduled?.activityTaskScheduledEventAttributes) throw new Error('the history schedules no activity');
  scheduled.activityTaskScheduledEventAttributes.activityType.name = 'recordEventsRenamed';
  return historyFromJSON(json);
}

describe('replaying recorded histories', () => {
  let fixtures: RecordedHistory[];
  let production: WorkflowBundle;

  beforeAll(async () => {
    fixtures = readHistoryFixtures();
    // Bundled once: each replay call would otherwise bundle the workflows again.
    production = await workflowBundle({ workflowsPath, preloadModules });
  });

  it('has the fixtures: a whole appraisal year, a cycle and an appraisal with updates, also as recorded before the reshaping of 2026-11, before the batched launch and with the opening events in the input, a year of periodic evaluations, the yearly next-cycle starter, a unit leader with an SKP form, a standards round, a year with changes during the year (its appraisal and its cycle), events recorded by a local activity, a year whose objection is heard, a cycle with a penetapan, that cycle sealing its streams, the curve checked again after a changed predikat (the appraisal and its cycle), a year with a mutasi, a cycle whose periods’ penetapans are signed and passed on, a training cycle (the appraisal and its cycle), and a training cycle whose periods’ penetapans pass on in its minutes', () => {
    expect(fixtures.map((f) => [f.file, f.workflowType])).toEqual([
      ['employee-appraisal-year.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-year.json', 'CycleWorkflow'],
      ['employee-appraisal-updates.json', 'EmployeeAppraisalWorkflow'],
      ['employee-appraisal-year-before-reshape.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-year-inline-events.json', 'CycleWorkflow'],
      ['employee-appraisal-updates-before-strict-commands.json', 'EmployeeAppraisalWorkflow'],
      ['employee-appraisal-year-unbatched-launch.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-year-unbatched-launch.json', 'CycleWorkflow'],
      ['employee-appraisal-year-opening-events.json', 'EmployeeAppraisalWorkflow'],
      ['employee-appraisal-periodic-year.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-periodic-year.json', 'CycleWorkflow'],
      ['start-next-cycle-before-org-zone.json', 'StartNextCycleWorkflow'],
      ['start-next-cycle.json', 'StartNextCycleWorkflow'],
      ['employee-appraisal-skp-leader.json', 'EmployeeAppraisalWorkflow'],
      ['standards-round.json', 'StandardsRoundWorkflow'],
      ['employee-appraisal-changes-year.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-changes-year.json', 'CycleWorkflow'],
      ['employee-appraisal-updates-local-record.json', 'EmployeeAppraisalWorkflow'],
      ['employee-appraisal-objection-hearing.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-penetapan.json', 'CycleWorkflow'],
      ['cycle-checkpoint-seals.json', 'CycleWorkflow'],
      ['employee-appraisal-curve-recheck.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-curve-recheck.json', 'CycleWorkflow'],
      ['employee-appraisal-mutasi-year.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-period-penetapan.json', 'CycleWorkflow'],
      ['employee-appraisal-training.json', 'EmployeeAppraisalWorkflow'],
      ['cycle-training.json', 'CycleWorkflow'],
      ['cycle-training-period-penetapan.json', 'CycleWorkflow'],
    ]);
    for (const f of fixtures) {
      const events = f.history.events ?? [];
      // Complete histories, so replay walks every branch they took, to the end.
      expect(events.at(-1)?.workflowExecutionCompletedEventAttributes, f.file).toBeTruthy();
      expect(events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe(f.workflowType);
    }
    // Both launch paths: the opening events' time alone (a fresh launch), and the events themselves.
    const opened = (file: string) => {
      const start = fixtures.find((f) => f.file === file)?.history.events?.[0];
      const data = start?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
      return Object.keys(JSON.parse(Buffer.from(data ?? []).toString('utf8')).opened ?? {});
    };
    expect(opened('employee-appraisal-year.json')).toEqual(['at']);
    expect(opened('employee-appraisal-year-before-reshape.json')).toEqual(['at']);
    expect(opened('employee-appraisal-year-opening-events.json')).toEqual(['events']);
    expect(opened('employee-appraisal-year-unbatched-launch.json')).toEqual([]);
    // The two shapes of a year: quarterly check-ins, and periodic evaluation (periods in the calendar).
    const input = (file: string) => {
      const start = fixtures.find((f) => f.file === file)?.history.events?.[0];
      const data = start?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
      return JSON.parse(Buffer.from(data ?? []).toString('utf8'));
    };
    expect(input('employee-appraisal-year.json').calendar.periods).toBeUndefined();
    expect(input('employee-appraisal-periodic-year.json').calendar.periods.kind).toBe('quarterly');
    // A training cycle's input scales the reminder and the keberatan window; no other input has it.
    expect(input('employee-appraisal-training.json').calendar.training).toEqual({
      reminderLeadMs: 60_000,
      objectionWindowMs: 720_000,
      penetapanMs: 300_000,
      dayMs: 60_000,
    });
    expect(input('employee-appraisal-periodic-year.json').calendar.training).toBeUndefined();
    // Appraisals with an SKP form: the setting in the input, and the SKP's lookups behind their patches.
    expect(input('employee-appraisal-year.json').skp).toBeUndefined();
    expect(input('employee-appraisal-skp-leader.json').skp).toEqual({
      form: 'jaJf',
      approach: 'kuantitatif',
      ledUnitCode: 'PKM',
    });
    const skpEvents =
      fixtures.find((f) => f.file === 'employee-appraisal-skp-leader.json')?.history.events ?? [];
    const patches = skpEvents.flatMap((e) => {
      const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
      return data ? [JSON.parse(Buffer.from(data).toString('utf8')).id] : [];
    });
    expect(patches).toEqual(['skp-cascade', 'skp-leader-capaian']);
    const lookups = skpEvents.flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
    expect(lookups.filter((name) => name !== 'recordEvents')).toEqual([
      ...Array(3).fill('readAgreedRhk'),
      ...Array(3).fill('readUnitCapaian'),
    ]);
    // The year with changes during the year took both of their patches (a rater change, an acting rater).
    const patchesOf = (file: string) =>
      (fixtures.find((f) => f.file === file)?.history.events ?? []).flatMap((e) => {
        const data = e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
        return data ? [JSON.parse(Buffer.from(data).toString('utf8')).id as string] : [];
      });
    expect(patchesOf('employee-appraisal-changes-year.json')).toEqual(
      expect.arrayContaining(['participant-changes', 'acting-rater']),
    );
    expect(patchesOf('employee-appraisal-periodic-year.json')).not.toContain('participant-changes');
    expect(patchesOf('cycle-changes-year.json')).toEqual(['rejoin-employee']);
    // The cycle that seals its streams, behind its patch: each seal a local activity's marker (daily, at
    // the signature, at the release); the penetapan cycle recorded before took none.
    expect(patchesOf('cycle-checkpoint-seals.json')).toEqual(
      expect.arrayContaining(['checkpoint-seals', 'penetapan']),
    );
    expect(patchesOf('cycle-penetapan.json')).not.toContain('checkpoint-seals');
    const sealMarkers = (
      fixtures.find((f) => f.file === 'cycle-checkpoint-seals.json')?.history.events ?? []
    ).filter((e) =>
      Object.values(e.markerRecordedEventAttributes?.details ?? {}).some((p) =>
        (p.payloads ?? []).some((x) =>
          Buffer.from(x.data ?? [])
            .toString('utf8')
            .includes('sealCheckpoint'),
        ),
      ),
    );
    expect(sealMarkers.length).toBeGreaterThan(2);
    // The periods' penetapans behind their patch: the period's units checked by an activity, two
    // signatures by Update; the cycles recorded before took neither.
    const periodPenetapan =
      fixtures.find((f) => f.file === 'cycle-period-penetapan.json')?.history.events ?? [];
    expect(patchesOf('cycle-period-penetapan.json')).toEqual(
      expect.arrayContaining(['checkpoint-seals', 'penetapan', 'periodic-penetapan']),
    );
    expect(
      periodPenetapan.filter(
        (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'checkPeriodUnits',
      ).length,
    ).toBe(2);
    expect(
      periodPenetapan.filter(
        (e) =>
          e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ===
          'signPeriodPenetapan',
      ).length,
    ).toBe(2);
    for (const file of ['cycle-checkpoint-seals.json', 'cycle-curve-recheck.json', 'cycle-penetapan.json'])
      expect(patchesOf(file)).not.toContain('periodic-penetapan');
    // The year with a mutasi took its patch; the years recorded before it never did.
    expect(patchesOf('employee-appraisal-mutasi-year.json')).toEqual(
      expect.arrayContaining(['participant-changes', 'mutasi', 'acting-rater']),
    );
    expect(patchesOf('employee-appraisal-changes-year.json')).not.toContain('mutasi');
    // Events recorded in the workflow task that decided them: a marker each, and no activity task.
    const local = fixtures.find((f) => f.file === 'employee-appraisal-updates-local-record.json');
    const localEvents = local?.history.events ?? [];
    expect(patchesOf('employee-appraisal-updates-local-record.json')).toEqual(['record-events-locally']);
    expect(localEvents.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
    expect(patchesOf('employee-appraisal-updates.json')).toEqual([]);
    expect(
      fixtures
        .find((f) => f.file === 'employee-appraisal-updates.json')
        ?.history.events?.some((e) => e.activityTaskScheduledEventAttributes),
    ).toBe(true);
    // The objection heard: the explanations' timer and the pembinaan follow-up, each behind its patch;
    // the years recorded before them took neither.
    expect(patchesOf('employee-appraisal-objection-hearing.json')).toEqual(
      expect.arrayContaining(['objection-explanations', 'kurang-pembinaan']),
    );
    expect(patchesOf('employee-appraisal-year.json')).not.toContain('objection-explanations');
    const heard = fixtures.find((f) => f.file === 'employee-appraisal-objection-hearing.json');
    const timers = (heard?.history.events ?? []).filter((e) => e.timerStartedEventAttributes).length;
    const yearTimers = (
      fixtures.find((f) => f.file === 'employee-appraisal-year.json')?.history.events ?? []
    ).filter((e) => e.timerStartedEventAttributes).length;
    // At least the explanation's own deadline timer more than the same year without the hearing.
    expect(timers).toBeGreaterThan(yearTimers);
    // The curve recheck: the appraisal signals its cycle, which checks the unit again (calibrateUnits) and
    // records it, each behind the patch; the heard year recorded before it took neither.
    expect(patchesOf('employee-appraisal-curve-recheck.json')).toContain('objection-curve-recheck');
    expect(patchesOf('cycle-curve-recheck.json')).toContain('objection-curve-recheck');
    expect(patchesOf('employee-appraisal-objection-hearing.json')).not.toContain('objection-curve-recheck');
    const signalled = (file: string) =>
      (fixtures.find((f) => f.file === file)?.history.events ?? []).flatMap((e) => [
        ...(e.signalExternalWorkflowExecutionInitiatedEventAttributes
          ? [`sent ${e.signalExternalWorkflowExecutionInitiatedEventAttributes.signalName}`]
          : []),
        ...(e.workflowExecutionSignaledEventAttributes
          ? [`received ${e.workflowExecutionSignaledEventAttributes.signalName}`]
          : []),
      ]);
    expect(signalled('employee-appraisal-curve-recheck.json')).toContain('sent curveRecheck');
    expect(signalled('cycle-curve-recheck.json')).toContain('received curveRecheck');
    // The cycle's launch activity: its heartbeat timeout before and after it became 10 s.
    const launchHeartbeat = (file: string) =>
      fixtures
        .find((f) => f.file === file)
        ?.history.events?.find(
          (e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'launchAppraisals',
        )?.activityTaskScheduledEventAttributes?.heartbeatTimeout?.seconds;
    expect(Number(launchHeartbeat('cycle-year.json'))).toBe(10);
    expect(Number(launchHeartbeat('cycle-year-inline-events.json'))).toBe(60);
    // The yearly schedule's starter: the zone of the cycle it started (its child's calendar).
    const startedCycleZone = (file: string) => {
      const initiated = fixtures
        .find((f) => f.file === file)
        ?.history.events?.find(
          (e) => e.startChildWorkflowExecutionInitiatedEventAttributes,
        )?.startChildWorkflowExecutionInitiatedEventAttributes;
      const data = initiated?.input?.payloads?.[0]?.data;
      return JSON.parse(Buffer.from(data ?? []).toString('utf8')).calendar.timeZone;
    };
    // WIB before it learned the organisation's zone; that zone (WIT) once it reads it through an activity.
    expect(startedCycleZone('start-next-cycle-before-org-zone.json')).toBe('Asia/Jakarta');
    expect(startedCycleZone('start-next-cycle.json')).toBe('Asia/Jayapura');
    const activitiesOf = (file: string) =>
      fixtures
        .find((f) => f.file === file)
        ?.history.events?.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
    expect(activitiesOf('start-next-cycle-before-org-zone.json')).toEqual([]);
    expect(activitiesOf('start-next-cycle.json')).toEqual(['organisationTimeZone']);
    // The round's history holds its timers (reminder, deadline) and its accepted Updates.
    const round = fixtures.find((f) => f.file === 'standards-round.json')?.history.events ?? [];
    expect(round.filter((e) => e.timerStartedEventAttributes).length).toBe(2);
    expect(round.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length).toBe(6);
  });

  it('replays every fixture against the current workflow code without a non-determinism error', async () => {
    const results = await replay(production, fixtures);
    expect(results.map((r) => r.workflowId)).toEqual(fixtures.map((f) => f.workflowId));
    for (const result of results) expect(result.error, result.workflowId).toBeUndefined();
  }, 120_000);

  it('fails on a tampered history: an activity the code never schedules', async () => {
    const [year] = fixtures;
    if (!year) throw new Error('no fixture');
    const [result] = await replay(production, [{ ...year, history: withRenamedActivity(year.history) }]);
    expect(result?.error).toBeInstanceOf(DeterminismViolationError);
    expect(result?.error?.message).toMatch(/nondetermin/i);
  }, 120_000);

  it('fails against different workflow code under the same name', async () => {
    // A tiny stand-in that waits on a timer where the real workflow records its first events.
    const dir = mkdtempSync(join(tmpdir(), 'siklus-replay-'));
    try {
      const file = join(dir, 'workflows.ts');
      writeFileSync(
        file,
        [
          "import { sleep } from '@temporalio/workflow';",
          'export async function EmployeeAppraisalWorkflow() {',
          "  await sleep('1 day');",
          '}',
          '',
        ].join('\n'),
      );
      const changed = await bundleWorkflowCode({
        workflowsPath: file,
        // The file lives outside the project, so point webpack at the project's packages.
        webpackConfigHook: (config) => ({
          ...config,
          resolve: { ...config.resolve, modules: [nodeModules, 'node_modules'] },
        }),
      });
      const appraisals = fixtures.filter((f) => f.workflowType === 'EmployeeAppraisalWorkflow');
      const results = await replay(changed, appraisals);
      expect(results).toHaveLength(appraisals.length);
      for (const result of results) expect(result.error).toBeInstanceOf(DeterminismViolationError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
