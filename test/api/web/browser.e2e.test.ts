import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import type { SiklusTestRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const nurse = people.find((p) => p.name === 'Ns. Fitri Handayani')!;
const hrOfficer = people.find((p) => p.name === 'Desi Ratnasari')!;

describe('web UI in a real browser', () => {
  let app: BrowserApp | undefined;
  let rig: SiklusTestRig;
  let base: string;
  let page: Page;
  let hrToken: string;

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'web');
    ({ rig, base, page } = app);
    expect(await seedDemoOrganisations(rig.db)).toEqual(['bungo', 'bukittinggi', 'asemrowo']);
    expect(await seedDemoOrganisations(rig.db)).toEqual([]);
    hrToken = await app.token('bungo', hrOfficer.nip, ['hr', 'employee']);
  }, 600_000);

  afterAll(() => app?.close());

  const text = () => page.evaluate<string>('document.body.innerText');
  const path = () => page.evaluate<string>('location.pathname + location.search');

  it('takes an employee from the login picker to an acknowledged standard, live', async () => {
    await page.setViewport(360, 780, true);
    await page.goto(`${base}/app`);
    await page.waitFor(`location.pathname === '/app/login'`);
    expect(await text()).toContain('Pemerintah Kabupaten Bungo');
    expect(await text()).toContain('Kecamatan Asemrowo');
    // Keyboard first: the first Tab lands on the skip link.
    await page.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.getAttribute("href")')).toBe('#main');
    await page.screenshot('01-login-picker-phone');

    await page.select('#person-bungo', nurse.nip);
    await page.click('form:has(#person-bungo) button[type=submit]');
    await page.waitFor(`location.pathname === '/app/inbox' && document.querySelector('[data-empty]')`);
    expect(await text()).toContain(`Masuk sebagai ${nurse.name}`);
    // The session cookie is httpOnly: page scripts cannot read the token.
    expect(await page.evaluate<string>('document.cookie')).not.toContain('siklus_session');
    await page.screenshot('02-inbox-empty-phone');

    // HR starts the cycle through the API; the open inbox gets the task over the live feed, no reload.
    await page.evaluate('window.__stillHere = true');
    const year = new Date().getUTCFullYear() + 1;
    const started = await fetch(`${base}/v1/orgs/bungo/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hrToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ year, start: new Date().toISOString() }),
    });
    expect(started.status).toBe(201);
    await page.waitFor(`document.querySelector('#task-list a') && window.__stillHere === true`, 90_000);
    expect(await text()).toContain('Baca dan setujui standar kinerja');
    await page.screenshot('03-inbox-task-arrived-phone');

    await page.click('#task-list a');
    await page.waitFor(`location.pathname.startsWith('/app/tasks/') && document.querySelector('#standards')`);
    const task = await text();
    expect(task).toContain('Perawat Terampil');
    expect(task).toContain('Memberikan asuhan keperawatan');
    expect(task).toContain('Asuhan keperawatan terdokumentasi');
    await page.screenshot('04-task-standards-phone');

    // Acknowledged from the keyboard: focus the button and press Enter.
    await page.evaluate(`document.querySelector('main form button[type=submit]').focus()`);
    await page.press('Enter');
    await page.waitFor(`location.pathname === '/app/inbox' && document.querySelector('.notice.ok')`);
    await page.waitFor(`document.querySelector('[data-empty]')`);
    expect(await page.evaluate<number>(`document.querySelectorAll('#task-list li').length`)).toBe(0);
    await page.screenshot('05-inbox-after-acknowledging-phone');

    // What the API says agrees: the acknowledgement is recorded.
    const appraisal = await rig.db
      .selectFrom('appraisals')
      .select('state')
      .where('nip', '=', nurse.nip)
      .executeTakeFirstOrThrow();
    expect(
      (appraisal.state as { socialisation: { acknowledgedAt: string | null } }).socialisation.acknowledgedAt,
    ).not.toBeNull();
  }, 180_000);

  it('shows my appraisal, keeps what I typed next to a field error, and switches language', async () => {
    await page.setViewport(360, 780, true);
    await page.goto(`${base}/app/appraisal`);
    await page.waitFor(`document.querySelector('#steps')`);
    expect(await text()).toContain('Dibaca dan disetujui');
    // Me and my rater as the SKP heads us: my NIP, status and pangkat/golongan, within a phone's width.
    expect(
      await page.evaluate<string[]>(
        `[...document.querySelectorAll('.parties [data-status], .parties [data-rank]')].map((e) => e.textContent)`,
      ),
    ).toEqual(['PNS', nurse.rank, 'PNS', people.find((p) => p.nip === nurse.supervisorNip)?.rank]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot('06-my-appraisal-phone');

    await page.select('#f-date', `${new Date().getUTCFullYear()}-01-05`);
    await page.type('#f-description', '   ');
    await page.click('form:has(#f-description) button[type=submit]');
    await page.waitFor(`document.querySelector('#f-description-error')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-description-error').textContent`)).toBe(
      'Wajib diisi.',
    );
    expect(
      await page.evaluate<string>(
        `document.querySelector('#f-description').getAttribute('aria-describedby')`,
      ),
    ).toContain('f-description-error');
    expect(await page.evaluate<string>(`document.querySelector('#f-date').value`)).toBe(
      `${new Date().getUTCFullYear()}-01-05`,
    );
    await page.screenshot('07-form-error-phone');

    await page.type('#f-description', 'Pelayanan imunisasi di posyandu');
    await page.click('form:has(#f-description) button[type=submit]');
    await page.waitFor(`location.search === '?done=1'`);
    expect(await text()).toContain('Laporan tercatat: 1.');

    await page.click('a.lang');
    await page.waitFor(`document.documentElement.lang === 'en'`);
    expect(await path()).toBe('/app/appraisal?done=1');
    const english = await text();
    expect(english).toContain('My performance appraisal');
    expect(english).toContain('Reports recorded: 1.');
    await page.setViewport(1280, 900);
    await page.screenshot('08-my-appraisal-desktop-en');
    await page.click('a.lang');
    await page.waitFor(`document.documentElement.lang === 'id'`);
  }, 120_000);

  it('shows HR the progress per unit and step', async () => {
    await page.click('header form button');
    await page.waitFor(`location.pathname === '/app/login'`);
    await page.select('#person-bungo', hrOfficer.nip);
    await page.click('form:has(#person-bungo) input[value=hr]');
    await page.click('form:has(#person-bungo) button[type=submit]');
    await page.waitFor(`location.pathname === '/app/inbox'`);
    await page.click('nav a[href="/app/hr"]');
    await page.waitFor(`location.pathname === '/app/hr' && document.querySelector('#progress-table')`);
    // Every demo employee of Bungo is counted once the launch has been projected.
    for (let i = 0; ; i++) {
      const total = await page.evaluate<string>(
        `document.querySelector('#progress-table tfoot td:last-child').textContent`,
      );
      if (Number(total) === people.length) break;
      if (i > 60) throw new Error(`progress total stays at ${total}`);
      await new Promise((r) => setTimeout(r, 500));
      await page.goto(`${base}/app/hr`);
    }
    const rows = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#progress-table tbody th')].map((th) => th.textContent)`,
    );
    expect(rows).toEqual(expect.arrayContaining(['Puskesmas Muara Bungo I', 'Dinas Kesehatan', 'BKPSDM']));
    expect(
      await page.evaluate<number>(`document.querySelectorAll('#progress-chart svg rect').length`),
    ).toBeGreaterThan(0);
    await page.setViewport(1280, 900);
    await page.screenshot('09-hr-progress-desktop');
    await page.setViewport(360, 780, true);
    await page.screenshot('10-hr-progress-phone');

    // An employee without the role is told so instead.
    await page.click('header form button');
    await page.waitFor(`location.pathname === '/app/login'`);
    await page.select('#person-bungo', nurse.nip);
    await page.click('form:has(#person-bungo) button[type=submit]');
    await page.waitFor(`location.pathname === '/app/inbox'`);
    await page.goto(`${base}/app/hr`);
    expect(await text()).toContain('Halaman ini memerlukan peran HR atau auditor.');
  }, 120_000);
});
