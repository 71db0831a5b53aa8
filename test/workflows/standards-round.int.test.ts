// A standards round on the time-skipping server with the production worker and a real database: the
// tasks, the reminder 3 days before the deadline, the window's close, the published version with who
// proposed and who decided, and the read models equal to their rebuild from the log. A wrong actor or a
// late comment is refused by the Update's validator, leaving history and the log as they were.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildProjections } from '../../audit/rebuild-projections.ts';
import { standardsTaskIdFor, standardsWorkflowId } from '../../domain/ids.ts';
import { actOnStandardsUpdate } from '../../workflows/messages.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { nurseStandard, roundNips, runStandardsRound } from '../support/standards-round.ts';
import { startTimeSkippingEnv } from '../support/temporal.ts';

describe('StandardsRoundWorkflow', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    rig = await createSiklusRig(env, 'standards_round');
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  const task = (who: 'nurse' | 'nurse2' | 'head') =>
    rig.db
      .selectFrom('tasks')
      .select(['status', 'due_at', 'reminded_at', 'kind', 'step'])
      .where('task_id', '=', standardsTaskIdFor('padang.standards-1', roundNips[who], 'PERAWAT'))
      .executeTakeFirstOrThrow();
  const notifications = async (kind: 'assigned' | 'reminder') =>
    (
      await rig.db
        .selectFrom('notifications')
        .select('recipient_nip')
        .where('kind', '=', kind)
        .where('task_id', 'like', 'padang.standards-1:%')
        .orderBy('recipient_nip')
        .execute()
    ).map((n) => n.recipient_nip);
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await check()).toBe(true);
  };

  it('runs a round: comments, an accepted proposal, a reminder, the window closing, version 1 published', async () => {
    const seen: Record<string, unknown> = {};
    const run = await rig.worker.runUntil(
      runStandardsRound(env, rig.taskQueue, 'padang', {
        reminded: async () => {
          await until(async () => (await notifications('reminder')).length > 0);
          seen.reminded = await notifications('reminder');
          seen.tasks = [
            (await task('nurse')).status,
            (await task('nurse2')).status,
            (await task('head')).status,
          ];
          // A publish by someone not HR is refused before anything reaches history.
          const handle = env.client.workflow.getHandle(standardsWorkflowId('padang.standards-1'));
          // Nothing reaches history as an accepted Update, nor the log (the time-skipping server may add
          // a workflow task for the rejection: it has no speculative ones).
          const accepted = async () =>
            (await handle.fetchHistory()).events?.filter(
              (e) => e.workflowExecutionUpdateAcceptedEventAttributes,
            ).length;
          const logged = async () =>
            (
              await rig.db
                .selectFrom('events')
                .select((eb) => eb.fn.countAll().as('n'))
                .executeTakeFirstOrThrow()
            ).n;
          const before = [await accepted(), await logged()];
          const refused = await handle
            .executeUpdate(actOnStandardsUpdate, {
              args: [
                {
                  actor: { nip: roundNips.nurse, roles: [] },
                  command: { type: 'publishStandard', positionCode: 'PERAWAT' },
                },
              ],
            })
            .catch((e: unknown) => e);
          seen.refused =
            refused instanceof WorkflowUpdateFailedError
              ? (refused.cause as { type?: string }).type
              : refused;
          seen.historyKept = JSON.stringify([await accepted(), await logged()]) === JSON.stringify(before);
        },
        windowClosed: async () => {
          await until(async () => (await task('nurse2')).status === 'expired');
          const handle = env.client.workflow.getHandle(standardsWorkflowId('padang.standards-1'));
          const late = await handle
            .executeUpdate(actOnStandardsUpdate, {
              args: [
                {
                  actor: { nip: roundNips.nurse2, roles: [] },
                  command: { type: 'commentStandard', positionCode: 'PERAWAT', text: 'Terlambat' },
                },
              ],
            })
            .catch((e: unknown) => e);
          seen.late =
            late instanceof WorkflowUpdateFailedError ? (late.cause as { type?: string }).type : late;
        },
      }),
    );

    expect(await notifications('assigned')).toEqual(
      [roundNips.head, roundNips.nurse, roundNips.nurse2].sort(),
    );
    expect(seen).toEqual({
      reminded: [roundNips.nurse2],
      tasks: ['completed', 'open', 'completed'],
      refused: 'forbidden_actor',
      historyKept: true,
      late: 'window_closed',
    });
    const nurse2 = await task('nurse2');
    expect(nurse2).toMatchObject({ status: 'expired', kind: 'reviewStandard', step: 'standards' });
    expect(nurse2.due_at?.toISOString()).toBe(run.input.deadline);
    // 23:59:59 in WIB on the window's last day.
    expect(run.input.deadline).toMatch(/T16:59:59\.000Z$/);

    const versions = await rig.db
      .selectFrom('standard_versions')
      .selectAll()
      .where('org_id', '=', 'padang')
      .execute();
    expect(versions).toEqual([
      expect.objectContaining({
        position_code: 'PERAWAT',
        version: 1,
        round_id: 'padang.standards-1',
        standard: nurseStandard('95%'),
        decisions: [
          {
            commentId: 'c1',
            proposedBy: roundNips.nurse,
            answer: 'accepted',
            reason: null,
            decidedBy: roundNips.hr,
          },
        ],
        published_by: roundNips.hr,
      }),
    ]);
    expect(run.result.status).toBe('closed');
    expect(run.result.positions[0]?.comments.map((c) => [c.commentId, c.by, c.publishedIn])).toEqual([
      ['c1', roundNips.nurse, 1],
      ['c2', roundNips.head, null],
    ]);
    const round = await rig.db.selectFrom('standard_rounds').selectAll().executeTakeFirstOrThrow();
    expect({ status: round.status, state: round.state }).toEqual({ status: 'closed', state: run.result });

    // The read models are what the log alone rebuilds.
    const rebuilt = await rebuildProjections(rig.db);
    expect(rebuilt.differences).toEqual([]);
    expect(rebuilt.ok).toBe(true);
  }, 180_000);
});
