// HR's master data pages in a real browser (Debian's chromium) against the real API and PostgreSQL with
// the demo organisations, on a desktop and on a 360 px phone: the unit tree, a position's kind and default
// indicators, an employee's rank and supervisor picked by name; a rule broken shows next to its field in
// the page's language and saves nothing; every edit says who made it and when; the import's template.
import { type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Database } from '../../../schema/database.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import type { SiklusTestRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';
import { tinyPng } from '../../support/tiny-png.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const hrOfficer = people.find((p) => p.name === 'Desi Ratnasari')!;
const clerk = people.find((p) => p.name === 'Mardiana')!;
const nurse = people.find((p) => p.name === 'Ns. Fitri Handayani')!;

describe('master data pages in a real browser', () => {
  let app: BrowserApp | undefined;
  let rig: SiklusTestRig;
  let base: string;
  let page: Page;

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'webmaster');
    ({ rig, base, page } = app);
    await seedDemoOrganisations(rig.db);
  }, 600_000);

  afterAll(() => app?.close());

  const text = () => page.evaluate<string>('document.body.innerText');
  // A phone zooms out to show a page wider than itself, so the width is held against 360 px itself.
  const fits = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= 360');
  const signIn = (nip: string, roles: string[]) => app!.signIn(nip, roles);
  /** Bungo's unit or position with this code, as stored. */
  const withCode = async <T extends 'units' | 'positions'>(table: T, code: string) =>
    (
      await sql<
        Selectable<Database[T]>
      >`select * from ${sql.table(table)} where org_id = 'bungo' and code = ${code}`.execute(rig.db)
    ).rows[0];
  /** Bungo's employee with this NIP: the supervisor and rank as stored. */
  const storedEmployee = (nip: string) =>
    rig.db
      .selectFrom('employees')
      .select(['supervisor_nip', 'rank'])
      .where('org_id', '=', 'bungo')
      .where('nip', '=', nip)
      .executeTakeFirstOrThrow();

  it('shows the unit tree, each unit under its parent, and moves a unit with who and when recorded', async () => {
    await page.setViewport(1280, 900);
    await signIn(hrOfficer.nip, ['hr']);
    await page.click('nav a[href="/app/hr/employees"]');
    await page.waitFor(`location.pathname === '/app/hr/employees'`);
    await page.click('.subnav a[href="/app/hr/units"]');
    await page.waitFor(`document.querySelector('#unit-tree')`);
    const tree = await page.evaluate<Array<[string, string]>>(
      `[...document.querySelectorAll('#unit-tree li')].map((li) => [li.dataset.code, li.style.marginLeft])`,
    );
    const at = (code: string) => tree.findIndex(([c]) => c === code);
    expect(at('SETDA')).toBe(0);
    expect(at('BKPSDM')).toBeGreaterThan(at('SETDA'));
    expect(tree[at('BKPSDM')]?.[1]).toBe('1.25rem');
    await page.click('#unit-tree li[data-code=BKPSDM] a');
    await page.waitFor(`document.querySelector('#unit-form')`);
    // The head is picked by name from a search, never typed as a NIP.
    await page.type('#headQ', 'Desi');
    await page.click('form[role=search] button');
    await page.waitFor(`document.querySelector('input[name=headNip][value="${hrOfficer.nip}"]')`);
    await page.click(`input[name=headNip][value="${hrOfficer.nip}"]`);
    await page.click('#unit-form button[type=submit]');
    await page.waitFor(`location.pathname === '/app/hr/units' && document.querySelector('.notice.ok')`);
    expect(
      await page.evaluate<string>(`document.querySelector('#unit-tree li[data-code=BKPSDM]').innerText`),
    ).toContain('Kepala unit: Desi Ratnasari');
    expect((await withCode('units', 'BKPSDM'))?.head_nip).toBe(hrOfficer.nip);
    await page.click('#unit-tree li[data-code=BKPSDM] a');
    await page.waitFor(`document.querySelector('#change-list')`);
    expect(await page.evaluate<string>(`document.querySelector('#change-list').innerText`)).toMatch(
      new RegExp(`WIB oleh Desi Ratnasari \\(${hrOfficer.nip}\\)`),
    );
    await page.screenshot('master-unit');
  }, 120_000);

  it("edits a position's kind and default indicators, and names an indicator's missing aspect at its field", async () => {
    await page.goto(`${base}/app/hr/positions?q=perawat`);
    await page.waitFor(`document.querySelector('#positions')`);
    await page.click('#positions tr[data-code=PERAWAT] a');
    await page.waitFor(`document.querySelector('#position-form')`);
    const rows = Number(
      await page.evaluate<string>(`document.querySelector('#position-form input[name=rows]').value`),
    );
    const blank = rows - 2; // two empty rows after the position's own indicators
    await page.type(`#f-defaultIndicators-${blank}-description`, 'Kunjungan rumah');
    await page.type(`#f-defaultIndicators-${blank}-target`, '20 kunjungan');
    await page.click('#position-form button[type=submit]');
    await page.waitFor(`document.querySelector('#f-defaultIndicators-${blank}-aspect-error')`);
    expect(
      await page.evaluate<string>(
        `document.querySelector('#f-defaultIndicators-${blank}-aspect-error').textContent`,
      ),
    ).toBe('Pilih kuantitas, kualitas, waktu atau biaya.');
    // What was typed stays, and nothing was saved.
    expect(
      await page.evaluate<string>(`document.querySelector('#f-defaultIndicators-${blank}-target').value`),
    ).toBe('20 kunjungan');
    expect((await withCode('positions', 'PERAWAT'))?.default_indicators).toHaveLength(blank);
    await page.select(`#f-defaultIndicators-${blank}-aspect`, 'kuantitas');
    await page.click('#position-form button[type=submit]');
    await page.waitFor(`location.pathname === '/app/hr/positions' && document.querySelector('.notice.ok')`);
    expect((await withCode('positions', 'PERAWAT'))?.default_indicators.at(-1)).toEqual({
      description: 'Kunjungan rumah',
      aspect: 'kuantitas',
      target: '20 kunjungan',
    });
  }, 120_000);

  it('on a 360 px phone: finds an employee by name, picks the supervisor by name, and refuses a golongan for a PNS', async () => {
    await page.setViewport(360, 780, true);
    await page.goto(`${base}/app/hr/employees?q=mardi`);
    await page.waitFor(`document.querySelector('#employees')`);
    expect(
      await page.evaluate<string[]>(
        `[...document.querySelectorAll('#employees li')].map((li) => li.dataset.nip)`,
      ),
    ).toEqual([clerk.nip]);
    expect(await fits()).toBe(true);
    await page.click(`#employees li[data-nip="${clerk.nip}"] a`);
    await page.waitFor(`document.querySelector('#employee-form')`);
    expect(await fits()).toBe(true);
    await page.type('#supQ', 'Desi Ratna');
    await page.click('form[role=search] button');
    await page.waitFor(`document.querySelector('input[name=supervisorNip][value="${hrOfficer.nip}"]')`);
    await page.click(`input[name=supervisorNip][value="${hrOfficer.nip}"]`);
    await page.select('#f-rank', 'IX');
    await page.click('#employee-form button[type=submit]');
    await page.waitFor(`document.querySelector('#f-rank-error')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-rank-error').textContent`)).toBe(
      'Pangkat/golongan tidak sesuai dengan status kepegawaian.',
    );
    expect(await fits()).toBe(true);
    expect((await storedEmployee(clerk.nip)).supervisor_nip).not.toBe(hrOfficer.nip);
    await page.select('#f-rank', 'II/a');
    await page.click('#employee-form button[type=submit]');
    await page.waitFor(`location.pathname === '/app/hr/employees' && document.querySelector('.notice.ok')`);
    expect(await storedEmployee(clerk.nip)).toEqual({
      supervisor_nip: hrOfficer.nip,
      rank: 'Pengatur Muda, II/a',
    });
    expect(await text()).toContain('Atasan langsung: Desi Ratnasari');
    expect(await fits()).toBe(true);
    await page.screenshot('master-employees-phone');
    for (const path of [
      '/app/hr/units',
      '/app/hr/positions',
      '/app/hr/positions/edit?code=PERAWAT',
      '/app/hr/units/edit?code=SETDA',
    ]) {
      await page.goto(`${base}${path}`);
      await page.waitFor(`document.querySelector('main h1')`);
      expect({ path, fits: await fits() }).toEqual({ path, fits: true });
    }
  }, 120_000);

  it('in English the same page speaks English only, and the template downloads', async () => {
    await page.goto(`${base}/app/lang/en?back=${encodeURIComponent(`/app/hr/employees/${clerk.nip}`)}`);
    await page.waitFor(`document.querySelector('#employee-form')`);
    const body = await text();
    expect(body).toContain('Choose the direct supervisor');
    expect(body).not.toMatch(/Atasan langsung|Simpan|Kembali/);
    await page.goto(`${base}/app/lang/id?back=/app/hr/employees`);
    const csv = await page.evaluate<string>(`fetch('/app/hr/import/template.csv').then((r) => r.text())`);
    expect(csv.split('\r\n')[0]).toBe(
      'nip,name,email,unit_code,position_code,supervisor_nip,language,employment_status,rank',
    );
  }, 120_000);

  it("sets the organisation's name, region and logo, which head every page (a GIF is refused at its field)", async () => {
    await page.goto(`${base}/app/hr/organisation`);
    await page.waitFor(`document.querySelector('#profile-form')`);
    await page.select('#f-name', 'Pemerintah Kabupaten Bungo');
    await page.select('#f-region', 'Provinsi Jambi');
    await page.click('#profile-form button[type=submit]');
    await page.waitFor(`location.search === '?saved=1'`);
    // The logo is sent as the file input would send it (multipart), from the signed-in browser.
    const upload = (base64: string, name: string) =>
      page.evaluate<number>(`(async () => {
        const bytes = Uint8Array.from(atob('${base64}'), (ch) => ch.charCodeAt(0));
        const form = new FormData();
        form.set('logo', new File([bytes], '${name}', { type: 'image/png' }));
        const r = await fetch('/app/hr/organisation/logo', { method: 'POST', body: form, redirect: 'manual' });
        document.open(); document.write(await r.text()); document.close();
        return r.status;
      })()`);
    expect(await upload(Buffer.from('GIF89a-not-a-png').toString('base64'), 'logo.png')).toBe(422);
    expect(await page.evaluate<string>(`document.querySelector('#f-logo-error').textContent`)).toBe(
      'Berkas ini bukan gambar PNG atau JPEG.',
    );
    expect([0, 303]).toContain(await upload(tinyPng(16).toString('base64'), 'logo.png'));
    for (const path of ['/app/inbox', '/app/hr/employees']) {
      await page.goto(`${base}${path}`);
      await page.waitFor(`document.querySelector('#org-header img')`);
      expect(await page.evaluate<string>(`document.querySelector('#org-header').innerText`)).toMatch(
        /Pemerintah Kabupaten Bungo\s+Provinsi Jambi/,
      );
      expect(
        await page.evaluate<boolean>(`document.querySelector('#org-header img').naturalWidth === 16`),
      ).toBe(true);
      expect({ path, fits: await fits() }).toEqual({ path, fits: true });
    }
    await page.screenshot('master-organisation-phone');
  }, 120_000);

  it('refuses the pages to someone without the hr role', async () => {
    await page.setViewport(1280, 900);
    await signIn(nurse.nip, []);
    expect(await page.evaluate<boolean>(`!!document.querySelector('nav a[href="/app/hr/employees"]')`)).toBe(
      false,
    );
    const status = await page.evaluate<number>(`fetch('/app/hr/employees').then((r) => r.status)`);
    expect(status).toBe(403);
  }, 120_000);
});
