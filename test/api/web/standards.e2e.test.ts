// The standards round in a real browser on a 360 px phone: a nurse signs in with the picker, finds the
// round's task in her inbox, opens the position, opens the editor, changes a target and sends her
// proposal with a comment; HR then reads it with what it changes and answers it. No page scrolls
// sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStandards } from '../../../bin/demo-standards.ts';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import { startDevEnv } from '../../support/temporal.ts';

const bungo = demoPeople().filter((p) => p.org === 'bungo');
const nurse = bungo.find((p) => p.name === 'Ns. Fitri Handayani')!;
const hrOfficer = bungo.find((p) => p.name === 'Drs. Zulkifli')!;

describe('a standards round on a phone', () => {
  let app: BrowserApp;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'standards_phone');
    ({ page, base } = app);
    await seedDemoOrganisations(app.rig.db);
    await seedDemoStandards(app.rig.db, ['bungo']);
  }, 600_000);

  afterAll(() => app?.close());

  const text = () => page.evaluate<string>('document.body.innerText');
  const fits = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
  const signIn = async (nip: string, hr: boolean) => {
    await page.goto(`${base}/app/login`);
    if (await page.evaluate<boolean>(`!!document.querySelector('header form button')`)) {
      await page.click('header form button');
      await page.waitFor(`location.pathname === '/app/login'`);
    }
    await page.select('#person-bungo', nip);
    if (hr) await page.click('form:has(#person-bungo) input[name=roles][value=hr]');
    await page.click('form:has(#person-bungo) button[type=submit]');
    await page.waitFor(`location.pathname === '/app/inbox'`);
  };

  it('takes a nurse from her inbox to a proposal, and HR to its answer', async () => {
    await page.setViewport(360, 780, true);
    const token = await app.token('bungo', hrOfficer.nip, ['hr', 'employee']);
    const until = new Date(Date.now() + 7 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    const started = await fetch(`${base}/v1/orgs/bungo/standards/rounds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ until, positionCodes: ['PERAWAT'] }),
    });
    expect(started.status).toBe(201);

    await signIn(nurse.nip, false);
    await page.waitFor(`document.querySelector('#task-list a[href*="reviewStandard"]')`, 30_000);
    expect(await fits()).toBe(true);
    await page.click('#task-list a[href*="reviewStandard"]');
    await page.waitFor(`location.pathname === '/app/standards/bungo.standards-2/PERAWAT'`);
    expect(await text()).toContain('Rancangan (revisi 0)');
    expect(await fits()).toBe(true);
    await page.screenshot('standards-01-position-phone');

    await page.click('a[href*="edit=proposal"]');
    await page.waitFor(`document.querySelector('#commentStandard-form')`);
    expect(await fits()).toBe(true);
    await page.evaluate(`document.querySelector('#f-rhk-0-indicators-0-target').value = ''`);
    await page.type('#f-rhk-0-indicators-0-target', '95% dalam 24 jam');
    await page.type('#f-text', 'Saat pasien ramai, 95% lebih realistis');
    await page.screenshot('standards-02-proposal-phone');
    await page.click('#commentStandard-form button[type=submit]:not([name])');
    await page.waitFor(`location.search === '?done=1'`);
    expect(await text()).toContain('Saat pasien ramai, 95% lebih realistis');

    await signIn(hrOfficer.nip, true);
    await page.goto(`${base}/app/standards/bungo.standards-2/PERAWAT`);
    expect(
      await page.evaluate<string[]>(
        `[...document.querySelectorAll('#c1 ul.changes li')].map((li) => li.textContent)`,
      ),
    ).toEqual(['Asuhan keperawatan terdokumentasi: Target 100% dalam 24 jam → 95% dalam 24 jam']);
    expect(await fits()).toBe(true);
    await page.screenshot('standards-03-answer-phone');
    await page.click('#c1 input[name=answer][value=accepted]');
    await page.click('#c1 form button[type=submit]');
    await page.waitFor(`location.search === '?done=1'`);
    expect(await text()).toContain('Tetapkan versi 2');
    expect(await fits()).toBe(true);
  }, 180_000);
});
