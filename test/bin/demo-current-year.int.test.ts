// The demo's year in progress on a real Temporal dev server: HR's start and the acknowledgements go
// through the API's commands, so the inboxes hold what is left for each person; a second start skips it.
// With the finished previous year beside it, an employee's appraisal page offers that year too.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../api/commands/services.ts';
import { type CurrentYearOutcome, launchDemoCurrentYear } from '../../bin/demo-current-year.ts';
import { runDemoPastYear } from '../../bin/demo-past-year.ts';
import { seedDemoStandards } from '../../bin/demo-standards.ts';
import { demoPeople, seedDemoOrganisations } from '../../demo/seed.ts';
import { type RunningRig, startRunningRig } from '../support/siklus-worker.ts';
import { startDevEnv } from '../support/temporal.ts';
import { type DevServedApp, sessionCookie, startDevWebApp } from '../support/web-app.ts';

describe('demo: the year in progress', () => {
  let rig: RunningRig;
  let services: Services;
  let outcome: CurrentYearOutcome;
  let app: DevServedApp;
  const today = new Date();

  beforeAll(async () => {
    rig = await startRunningRig(await startDevEnv(), 'demo_current_year');
    await seedDemoStandards(rig.db, await seedDemoOrganisations(rig.db));
    services = { db: rig.db, temporal: rig.env.client, taskQueue: rig.taskQueue, identity: null };
    outcome = await launchDemoCurrentYear(services, 'asemrowo', { today });
    await runDemoPastYear(rig.db, 'asemrowo', { today });
    app = await startDevWebApp(rig);
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  it("launches the next year's cycle in its planning season, started by HR", async () => {
    const local = new Date(today.getTime() + 7 * 3_600_000);
    const year = local.getUTCMonth() >= 10 ? local.getUTCFullYear() + 1 : local.getUTCFullYear();
    expect(outcome).toMatchObject({ org: 'asemrowo', year, cycleId: `asemrowo.${year}`, ran: true });
    const cycle = await rig.db
      .selectFrom('cycles')
      .select(['status', 'started_by'])
      .where('cycle_id', '=', `asemrowo.${year}`)
      .executeTakeFirstOrThrow();
    expect(cycle.status).toBe('running');
  });

  it('leaves one in four with the acknowledgement still in their inbox, the rest acknowledged', async () => {
    if (!outcome.ran) throw new Error('not launched');
    expect(outcome.acknowledged + outcome.open).toBe(17);
    expect(outcome.open).toBe(4);
    const counted = async () =>
      (
        await sql<{ status: string; n: string }>`select status, count(*) as n from tasks
          where cycle_id = ${outcome.cycleId} and kind = 'acknowledgeStandards' group by status`.execute(
          rig.db,
        )
      ).rows;
    const acknowledged = await sql<{ n: string }>`select count(*) as n from events
      where type = 'socialisation.acknowledged' and metadata->>'workflowId' like ${`%${outcome.cycleId}%`}`.execute(
      rig.db,
    );
    expect(Number(acknowledged.rows[0]?.n)).toBe(13);
    expect(Number((await counted()).find((r) => r.status === 'open')?.n)).toBe(4);
  });

  it('is skipped on the next start', async () => {
    expect(await launchDemoCurrentYear(services, 'asemrowo', { today })).toMatchObject({ ran: false });
  });

  it("shows an employee this year's appraisal, and the finished previous year when picked", async () => {
    if (!outcome.ran) throw new Error('not launched');
    const person = demoPeople().find((p) => p.org === 'asemrowo' && p.supervisorNip !== null);
    if (!person) throw new Error('no asemrowo employee');
    const cookie = await sessionCookie(app, 'asemrowo', person.nip, ['employee']);
    const page = async (query: string) => {
      const response = await fetch(`${app.base}/app/appraisal${query}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return response.text();
    };
    const latest = await page('');
    expect(latest).toContain(outcome.cycleId);
    expect(latest).toContain('<option value="asemrowo.2025">2025');
    const past = await page('?cycle=asemrowo.2025');
    expect(past).toContain('<option value="asemrowo.2025" selected>2025');
    // Its result was released in 2026, this year's not yet.
    expect(latest).toContain('Hasil belum dirilis');
    expect(past).not.toContain('Hasil belum dirilis');
    expect(past).not.toContain(outcome.cycleId.replace('asemrowo.', 'Siklus asemrowo.'));
    // Another organisation's year, or one never held, is not picked: the latest is shown.
    expect(await page('?cycle=bungo.2025')).toContain(`<option value="${outcome.cycleId}" selected>`);
  });
});
