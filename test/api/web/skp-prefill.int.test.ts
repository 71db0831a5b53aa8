// An SKP drafted for a position starts from its published standard: on the time-skipping server, a cycle
// of the demo puskesmas passes socialisation, and the supervisor's SKP editor for a nurse holds the
// default RHK and indicators of the nurses' standard (version 1 of the demo), saying which version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevToken } from '../../../auth/dev-keys.ts';
import { seedDemoStandards } from '../../../bin/demo-standards.ts';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import { type RunningRig, startRunningRig } from '../../support/siklus-worker.ts';
import { clockSkipper, startTimeSkippingEnv } from '../../support/temporal.ts';
import { type ServedApp, startDevWebApp } from '../../support/web-app.ts';

const bungo = demoPeople().filter((p) => p.org === 'bungo');
const nipOf = (name: string) => bungo.find((p) => p.name === name)?.nip ?? '';
const hr = nipOf('Drs. Zulkifli');
const nurse = nipOf('Ns. Fitri Handayani');
const head = nipOf('dr. Riko Saputra');

describe('the SKP editor of a position with a published standard', () => {
  let rig: RunningRig;
  let app: ServedApp & { devKey: Parameters<typeof signDevToken>[0] };

  beforeAll(async () => {
    rig = await startRunningRig(await startTimeSkippingEnv(), 'skp_prefill');
    app = await startDevWebApp(rig);
    await seedDemoOrganisations(rig.db);
    await seedDemoStandards(rig.db, ['bungo']);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await rig?.stop();
  });

  it('starts from the default RHK and indicators of the nurses’ standard', async () => {
    const token = await signDevToken(app.devKey, { org: 'bungo', nip: hr, roles: ['hr', 'employee'] });
    const now = new Date(await rig.env.currentTimeMs());
    const started = await fetch(`${app.base}/v1/orgs/bungo/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        year: now.getUTCFullYear() + 1,
        start: now.toISOString(),
        population: { unitCodes: ['PKM-MB'] },
      }),
    });
    expect(started.status).toBe(201);
    const task = async () =>
      (
        await rig.db
          .selectFrom('tasks')
          .select(['task_id', 'status'])
          .where('kind', '=', 'proposeIndicators')
          .where('appraisal_id', 'like', `%.${nurse}`)
          .executeTakeFirst()
      )?.task_id;
    // Past socialisation (14 days), the agreement step gives the supervisor the SKP editor.
    await clockSkipper(rig.env)(new Date(now.getTime() + 16 * 86_400_000).toISOString());
    let taskId: string | undefined;
    for (let i = 0; i < 300 && !taskId; i++) {
      taskId = await task();
      if (!taskId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(taskId).toBeTruthy();
    const cookie = `siklus_session=${await signDevToken(app.devKey, { org: 'bungo', nip: head, roles: ['employee'] })}; lang=id`;
    const page = await (
      await fetch(`${app.base}/app/tasks/${encodeURIComponent(taskId ?? '')}`, { headers: { cookie } })
    ).text();
    expect(page).toContain('Diisi dari standar kinerja jabatan versi 1');
    expect(page).toMatch(
      /<textarea id="f-rhk-0-description" name="rhk.0.description"[^>]*>Memberikan asuhan keperawatan<\/textarea>/,
    );
    expect(page).toMatch(
      /name="rhk.0.indicators.0.description"[^>]*value="Asuhan keperawatan terdokumentasi"/,
    );
    expect(page).toMatch(/name="rhk.0.indicators.0.target"[^>]*value="100% dalam 24 jam"/);
  }, 120_000);
});
