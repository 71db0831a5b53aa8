// People act through Workflow Updates: a wrong actor, a wrong step or a wrong shape is rejected by the
// validator, with no change to the workflow history and no event written.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAppraisalCalendar } from '../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../domain/cycle/calendar.ts';
import { appraisalWorkflowId } from '../../domain/ids.ts';
import type { AppraisalInput } from '../../workflows/appraisal-input.ts';
import { actUpdate } from '../../workflows/messages.ts';
import { createSiklusRig, type SiklusTestRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';

const employee = '199001012015031001';
const supervisor = '198505052010011002';

describe('Workflow Updates on an appraisal (dev server)', () => {
  let env: TestWorkflowEnvironment;
  let rig: SiklusTestRig;

  beforeAll(async () => {
    env = await startDevEnv();
    rig = await createSiklusRig(env, 'updates');
  }, 120_000);

  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  it('rejects a wrong actor, step or shape without touching history or events, and accepts the right one', async () => {
    const now = new Date(await env.currentTimeMs());
    const input: AppraisalInput = {
      appraisalId: `solo.${employee}`,
      cycleId: 'solo',
      orgId: 'bungo',
      participants: {
        employee: { nip: employee, name: 'Siti', unitCode: 'PKM', positionCode: 'STAF' },
        supervisorNip: supervisor,
        superiorNip: null,
        subordinateNips: [],
      },
      calendar: toAppraisalCalendar(buildCalendar(now.getUTCFullYear() + 1, now.toISOString())),
      launchedBy: supervisor,
    };
    const countEvents = async () =>
      Number(
        (
          await rig.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    await rig.worker.runUntil(async () => {
      const handle = await env.client.workflow.start('EmployeeAppraisalWorkflow', {
        workflowId: appraisalWorkflowId(input.appraisalId),
        taskQueue: rig.taskQueue,
        args: [input],
      });
      const act = (actorNip: string, command: unknown) =>
        handle.executeUpdate(actUpdate, {
          args: [{ actor: { nip: actorNip, roles: [] }, command } as never],
        });
      // Wait until the workflow sleeps on its first timer, so the history and the log are settled.
      const sleeping = async () =>
        (await handle.fetchHistory()).events?.some((e) => e.timerStartedEventAttributes) ?? false;
      for (let i = 0; i < 300 && !(await sleeping()); i++) await new Promise((r) => setTimeout(r, 100));
      const historyBefore = (await handle.fetchHistory()).events?.length ?? 0;
      const eventsBefore = await countEvents();

      const failures = await Promise.all([
        act(supervisor, { type: 'acknowledgeStandards' }).catch((e: unknown) => e),
        act(employee, { type: 'setRating', results: 'sesuai', behaviour: 'sesuai', feedback: 'x' }).catch(
          (e: unknown) => e,
        ),
        act(employee, { type: 'noSuchThing' }).catch((e: unknown) => e),
        act('123', { type: 'acknowledgeStandards' }).catch((e: unknown) => e),
      ]);
      const types = failures.map((f) =>
        f instanceof WorkflowUpdateFailedError ? (f.cause as { type?: string }).type : String(f),
      );
      expect(types).toEqual(['forbidden_actor', 'wrong_step', 'invalid_request', 'invalid_request']);
      expect((await handle.fetchHistory()).events?.length).toBe(historyBefore);
      expect(await countEvents()).toBe(eventsBefore);

      const accepted = await act(employee, { type: 'acknowledgeStandards' });
      expect(accepted.eventTypes).toEqual(['socialisation.acknowledged', 'task.completed']);
      expect(await countEvents()).toBe(eventsBefore + 2);
      const task = await rig.db
        .selectFrom('tasks')
        .select('status')
        .where('kind', '=', 'acknowledgeStandards')
        .executeTakeFirstOrThrow();
      expect(task.status).toBe('completed');
      await handle.terminate('test over');
    });
  }, 120_000);
});
