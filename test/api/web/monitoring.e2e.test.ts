// HR's monitoring page in a real browser (Debian's chromium) against the real API, worker, Temporal dev
// server and PostgreSQL with the demo organisations: a cycle of one puskesmas whose socialisation ended
// before anyone acknowledged. HR sees everyone behind with who holds their tasks, filters the list, watches
// a row change by itself when a nurse acknowledges late (no reload), reminds the selected people and then
// everyone behind (each task once a day), on a desktop and on a 360 px phone.
// With SIKLUS_UPDATE_DOCS=1 (`npm run screenshots`) its shot is copied to docs/screenshots/ for the README.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import type { SiklusTestRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const hrOfficer = people.find((p) => p.name === 'Desi Ratnasari')!;
// Starts the cycle: the workflow records its own reminders as theirs, apart from the officer's.
const starter = people.find((p) => p.name === 'Dedi Kurniawan')!;
const nurse = people.find((p) => p.name === 'Ns. Fitri Handayani')!;
const midwife = people.find((p) => p.name === 'Sri Wahyuni, A.Md.Keb')!;
const clerk = people.find((p) => p.name === 'Erni Susanti')!;
const puskesmas = people.filter((p) => p.unitCode === 'PKM-MB');
const docs = join(process.cwd(), 'docs', 'screenshots');

describe('HR monitoring per person in a real browser', () => {
  let app: BrowserApp | undefined;
  let rig: SiklusTestRig;
  let base: string;
  let page: Page;
  let cycleId: string;

  const api = async (method: string, path: string, token: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const hrReminders = async () =>
    (
      await rig.db
        .selectFrom('events')
        .select('data')
        .where('type', '=', 'task.reminded')
        .where(sql`metadata->>'actor'`, '=', hrOfficer.nip)
        .execute()
    ).map((r) => (r.data as { taskId: string }).taskId);
  const row = (nip: string) => `document.querySelector('#monitoring-table tbody[data-nip="${nip}"]')`;
  const rowText = (nip: string) => page.evaluate<string>(`${row(nip)}?.innerText ?? ''`);
  const flash = () => page.evaluate<string>(`document.querySelector('main .notice')?.innerText ?? ''`);

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'webmon');
    ({ rig, base, page } = app);
    await seedDemoOrganisations(rig.db);
    const hr = await app.token('bungo', starter.nip, ['hr', 'employee']);
    const start = new Date(Date.now() - 25 * 3_600_000);
    const started = await api('POST', '/v1/orgs/bungo/cycles', hr, {
      year: start.getUTCFullYear() + 1,
      start: start.toISOString(),
      calendar: { socialisation: 'PT1H' },
      population: { unitCodes: ['PKM-MB'] },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    cycleId = started.body.cycleId as string;
    // Wait until every appraisal has passed the end of socialisation.
    for (let i = 0; ; i++) {
      const count = await rig.db
        .selectFrom('appraisals')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('cycle_id', '=', cycleId)
        .where('step', '=', 'agreement')
        .executeTakeFirstOrThrow();
      if (count.n === puskesmas.length) break;
      if (i > 600) throw new Error('the appraisals did not reach the agreement');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 600_000);

  afterAll(() => app?.close());

  it('shows each person behind, with who holds their tasks, and filters the list', async () => {
    await page.setViewport(1280, 900);
    await app!.signIn(hrOfficer.nip, ['hr']);
    await page.click('nav a[href="/app/hr/monitoring"]');
    await page.waitFor(`document.querySelector('#monitoring-table')`);
    const rows = await page.evaluate<number>(`document.querySelectorAll('#monitoring-table tbody').length`);
    expect(rows).toBe(puskesmas.length);
    expect(await rowText(nurse.nip)).toContain('Belum membaca standar');
    expect(await rowText(nurse.nip)).toMatch(
      /Usulkan RHK dan indikator \(SKP\): dr\. Riko Saputra, tenggat .* WIB/,
    );
    const counts = await page.evaluate<string>(`document.querySelector('#monitoring-count-list').innerText`);
    expect(counts).toMatch(new RegExp(`Pegawai\\s+${puskesmas.length}\\s+Tertinggal\\s+${puskesmas.length}`));

    await page.select('#f-step', 'review');
    await page.click('#monitoring-filter button[type=submit]');
    await page.waitFor(`location.search.includes('step=review')`);
    expect(await page.evaluate<string>(`document.querySelector('main').innerText`)).toContain(
      'Tidak ada pegawai yang cocok dengan saringan ini.',
    );
    await page.select('#f-step', '');
    await page.click('#f-late');
    await page.click('#monitoring-filter button[type=submit]');
    await page.waitFor(`location.search.includes('late=1') && document.querySelector('#monitoring-table')`);
  }, 120_000);

  it('changes a row by itself when the nurse acknowledges late, without a reload', async () => {
    await page.evaluate(`window.notReloaded = true`);
    const token = await app!.token('bungo', nurse.nip, ['employee']);
    const late = await api('POST', '/v1/orgs/bungo/me/appraisal/actions', token, {
      type: 'acknowledgeStandards',
    });
    expect(late.status, JSON.stringify(late.body)).toBe(200);
    // Late only: the nurse, no longer behind, leaves the list.
    await page.waitFor(`!${row(nurse.nip)}`, 30_000);
    expect(await page.evaluate<boolean>('window.notReloaded === true')).toBe(true);
    expect(await page.evaluate<string>(`document.querySelector('#monitoring-count-list').innerText`)).toMatch(
      new RegExp(`Pegawai\\s+${puskesmas.length - 1}\\s`),
    );
  }, 60_000);

  it('reminds the selected people, then everyone behind, each task once a day', async () => {
    await page.click(`input[name=appraisal][value="${cycleId}.${midwife.nip}"]`);
    await page.click(`input[name=appraisal][value="${cycleId}.${clerk.nip}"]`);
    await page.click('#monitoring-form button[value=selected]');
    await page.waitFor(`location.search.includes('reminded=')`);
    // Each has two open tasks with their rater: the follow-up of the acknowledgement and the SKP.
    expect(await flash()).toContain(
      '4 pengingat dikirim; 0 sudah diingatkan hari ini; 0 tidak dapat diingatkan.',
    );
    expect((await hrReminders()).sort()).toEqual(
      [midwife, clerk]
        .flatMap((p) => [
          `${cycleId}.${p.nip}:escalateSocialisation`,
          `${cycleId}.${p.nip}:proposeIndicators:v1`,
        ])
        .sort(),
    );
    expect(await rowText(midwife.nip)).toMatch(/diingatkan .* WIB/);

    await page.click('#monitoring-form button[value=all]');
    await page.waitFor(`document.querySelector('main .notice')?.innerText.includes('4 sudah diingatkan')`);
    const total = puskesmas.length - 1;
    expect(await flash()).toContain(`${2 * total - 4} pengingat dikirim; 4 sudah diingatkan hari ini`);
    expect((await hrReminders()).length).toBe(2 * total);
    const shot = await page.screenshot('hr-monitoring');
    if (process.env.SIKLUS_UPDATE_DOCS === '1') {
      mkdirSync(docs, { recursive: true });
      copyFileSync(shot, join(docs, 'hr-monitoring.png'));
    }
  }, 120_000);

  it('fits a 360 px phone', async () => {
    await page.setViewport(360, 740, true);
    await page.goto(`${base}/app/hr/monitoring?cycle=${encodeURIComponent(cycleId)}`);
    await page.waitFor(`document.querySelector('#monitoring-table')`);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot('hr-monitoring-phone');
  }, 60_000);
});
