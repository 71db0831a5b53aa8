// An appraisal's first task is stored before the launch starts its workflow (and the member is marked
// started after): acting on the task in between must be "retry shortly" (503 appraisal_starting), not
// "this appraisal has ended" (409 appraisal_closed), which a client takes as final. `npm run chaos` found
// it: with the worker killed mid-launch, the gap lasts until the launch is retried.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { appraisalIdFor, appraisalWorkflowId, cycleIdFor, taskIdFor } from '../../domain/ids.ts';
import { insertRunningCycle } from '../support/cycle-row.ts';
import { seedUmum, umumNips } from '../support/organisation.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../support/web-app.ts';

const orgId = 'starting';
const cycleId = cycleIdFor(orgId, 2027);
const appraisalId = appraisalIdFor(cycleId, umumNips.staff);
const taskId = taskIdFor(appraisalId, 'acknowledgeStandards');

describe('acting on a task whose appraisal workflow does not run', () => {
  let rig: RunningRig;
  let app: ServedApp & Awaited<ReturnType<typeof startDevWebApp>>;
  let token: string;

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'starting');
    app = await startDevWebApp(rig);
    await seedUmum(rig.db, orgId);
    token = await signDevToken(app.devKey, { org: orgId, nip: umumNips.staff, roles: ['employee'] });
    const now = new Date();
    await insertRunningCycle(rig.db, { orgId, year: 2027, startedBy: umumNips.head, startedAt: now });
    // What the launch has stored before it starts the workflow: the member (not yet started), its task.
    await rig.db
      .insertInto('cycle_members')
      .values({
        cycle_id: cycleId,
        nip: umumNips.staff,
        appraisal_id: appraisalId,
        workflow_id: appraisalWorkflowId(appraisalId),
        unit_code: 'UMUM',
        started_at: null,
      })
      .execute();
    await rig.db
      .insertInto('tasks')
      .values({
        task_id: taskId,
        appraisal_id: appraisalId,
        cycle_id: cycleId,
        org_id: orgId,
        kind: 'acknowledgeStandards',
        step: 'socialisation',
        assignee_nip: umumNips.staff,
        assignee_role: 'employee',
        due_at: null,
        status: 'open',
        created_at: now,
      })
      .execute();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  const acknowledge = async () => {
    const response = await fetch(`${app.base}/v1/orgs/${orgId}/tasks/${encodeURIComponent(taskId)}/actions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'acknowledgeStandards' }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  };

  it('answers 503 appraisal_starting with Retry-After while the launch has not started it', async () => {
    expect(await acknowledge()).toMatchObject({
      status: 503,
      retryAfter: expect.stringMatching(/^\d+$/),
      body: { code: 'appraisal_starting' },
    });
  });

  it('answers 409 appraisal_closed once the member is started and the workflow is gone', async () => {
    await rig.db
      .updateTable('cycle_members')
      .set({ started_at: new Date() })
      .where('appraisal_id', '=', appraisalId)
      .execute();
    expect(await acknowledge()).toMatchObject({ status: 409, body: { code: 'appraisal_closed' } });
  });
});
