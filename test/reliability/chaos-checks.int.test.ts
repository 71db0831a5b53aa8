// The chaos suite's checks can fail: on a cycle launched through the API (no faults), they find nothing;
// told of an acknowledgement that has no events they count it lost, an acknowledgement recorded that no
// client was told of counts as done twice, and a workflow that no longer runs is stuck.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../auth/dev-keys.ts';
import { appraisalWorkflowId } from '../../domain/ids.ts';
import { checkCycle } from '../../reliability/chaos/checks.ts';
import { buildWorld, fuzzOrg } from '../../reliability/fuzz/world.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../support/web-app.ts';

describe('the chaos checks', () => {
  let rig: RunningRig;
  let app: ServedApp & Awaited<ReturnType<typeof startDevWebApp>>;
  let cycleId: string;
  let nips: string[];

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'chaoschecks');
    app = await startDevWebApp(rig);
    await buildWorld(rig.db, app.base, app.devKey);
    const members = await rig.db
      .selectFrom('cycle_members')
      .select(['cycle_id', 'nip'])
      .where('cycle_id', 'like', `${fuzzOrg}.%`)
      .execute();
    cycleId = members[0]?.cycle_id ?? '';
    nips = members.map((m) => m.nip);
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  const check = (acknowledged: string[]) =>
    checkCycle(rig.db, rig.env.client, cycleId, nips, new Set(acknowledged));

  it('finds nothing on a clean launch, and counts an acknowledgement without events as lost', async () => {
    expect(nips.length).toBeGreaterThan(5);
    expect(await check([])).toMatchObject({
      lostEvents: 0,
      duplicatedEvents: 0,
      projectionMismatches: 0,
      stuckWorkflows: 0,
      verify: true,
    });
    const [first] = nips;
    // Claimed accepted, never sent: its two events are missing.
    expect(await check([first ?? ''])).toMatchObject({ lostEvents: 2, duplicatedEvents: 0 });
  });

  it('counts events no client was told of as done twice, and a workflow that ended as stuck', async () => {
    const nip = nips[1] ?? '';
    const token = await signDevToken(app.devKey, { org: fuzzOrg, nip, roles: ['employee'] });
    const { rows } = await sql<{ task_id: string; appraisal_id: string }>`
      select task_id, appraisal_id from tasks
      where assignee_nip = ${nip} and kind = 'acknowledgeStandards' and status = 'open'`.execute(rig.db);
    const task = rows[0];
    const response = await fetch(
      `${app.base}/v1/orgs/${fuzzOrg}/tasks/${encodeURIComponent(task?.task_id ?? '')}/actions`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'acknowledgeStandards' }),
      },
    );
    expect(response.status).toBe(200);
    expect(await check([nip])).toMatchObject({ lostEvents: 0, duplicatedEvents: 0, stuckWorkflows: 0 });
    expect(await check([])).toMatchObject({ duplicatedEvents: 2 });
    await rig.env.client.workflow
      .getHandle(appraisalWorkflowId(task?.appraisal_id ?? ''))
      .terminate('the check must see it');
    expect(await check([nip])).toMatchObject({ stuckWorkflows: 1 });
  });
});
