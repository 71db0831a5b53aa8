// HR and auditors in a real browser (Debian's chromium), against the real API, worker, Temporal dev
// server and PostgreSQL with the demo organisations: HR imports a CSV with one bad row and sees the
// result per row → starts the cycle from the form (a wrong length first shows next to its field) → the
// progress page has the table and the SVG chart, a unit's predikat is set, the exports download → an
// auditor opens the cycle's timeline, moves an appraisal's as-of slider back, and sees the verification.
// Screenshots go to .test-results/screenshots/; with SIKLUS_UPDATE_DOCS=1 (`npm run screenshots`),
// inbox.png and hr-progress.png are also copied to docs/screenshots/ for the README. A plain test run
// never changes a tracked file.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoNip, demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import { openMemberChanges } from '../../support/hr-changes-page.ts';
import type { SiklusTestRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const nurse = people.find((p) => p.name === 'Ns. Fitri Handayani')!;
const hrOfficer = people.find((p) => p.name === 'Desi Ratnasari')!;
const auditor = people.find((p) => p.name === 'Andi Pratama')!;
const head = people.find((p) => p.name === 'Drs. Zulkifli')!;
const newcomer = demoNip(7, 0, 2);
const docs = join(process.cwd(), 'docs', 'screenshots');

describe('HR and auditor pages in a real browser', () => {
  let app: BrowserApp | undefined;
  let rig: SiklusTestRig;
  let base: string;
  let page: Page;
  let hrCookie: string;
  let cycleYear = '';

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'webhr');
    ({ rig, base, page } = app);
    await seedDemoOrganisations(rig.db);
    hrCookie = `siklus_session=${await app.token('bungo', hrOfficer.nip, ['hr', 'employee'])}`;
  }, 600_000);

  afterAll(() => app?.close());

  const text = () => page.evaluate<string>('document.body.innerText');
  const signIn = (nip: string, roles: string[]) => app!.signIn(nip, roles);
  const copyToDocs = (from: string, name: string) => {
    if (process.env.SIKLUS_UPDATE_DOCS !== '1') return;
    mkdirSync(docs, { recursive: true });
    copyFileSync(from, join(docs, name));
  };

  it('imports a CSV and shows a result per row, the bad row with its reason', async () => {
    await page.setViewport(1280, 900);
    await signIn(hrOfficer.nip, ['hr']);
    expect(await page.evaluate<boolean>(`!!document.querySelector('nav a[href="/app/audit"]')`)).toBe(false);
    await page.click('nav a[href="/app/hr/import"]');
    await page.waitFor(`location.pathname === '/app/hr/import' && document.querySelector('#f-csv')`);
    const csv = [
      'nip,name,email,unit_code,position_code,supervisor_nip,language',
      `${newcomer},Rahmi Yusnita,rahmi@bungokab.go.id,BKPSDM,ANALIS_SDM,${head.nip},id`,
      `${demoNip(7, 1, 1)},Budi Santoso,budi@bungokab.go.id,NOPE,ANALIS_SDM,${head.nip},id`,
    ].join('\n');
    await page.type('#f-csv', csv);
    await page.click('main form button[type=submit]');
    await page.waitFor(`document.querySelector('#import-table')`);
    const rows = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#import-table tbody tr')].map((tr) => tr.innerText)`,
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^2\s+✓ ditambahkan\s+Rahmi Yusnita/);
    expect(rows[1]).toMatch(/^3\s+✗ ditolak\s+Unit kerja "NOPE" tidak dikenal\./);
    expect(await text()).toContain('1 baris diimpor, 1 baris ditolak.');
    await page.screenshot('hr-import');

    // The same file uploaded as a file (multipart): the newcomer is now updated, the bad row still refused.
    const form = new FormData();
    form.set('file', new File([csv], 'pegawai.csv', { type: 'text/csv' }));
    form.set('csv', '');
    const upload = await fetch(`${base}/app/hr/import`, {
      method: 'POST',
      headers: { cookie: hrCookie },
      body: form,
    });
    const html = await upload.text();
    expect(upload.status).toBe(200);
    expect(html).toContain('diperbarui');
    expect(html).toContain('Unit kerja &quot;NOPE&quot; tidak dikenal.');
  }, 120_000);

  it('starts the cycle from the form, a wrong length shown next to its field first', async () => {
    await page.click('nav a[href="/app/hr/start"]');
    await page.waitFor(`location.pathname === '/app/hr/start' && document.querySelector('#calendar-table')`);
    // Empty lengths take the chosen periods' defaults, shown greyed in the fields.
    expect(await page.evaluate<string>(`document.querySelector('#f-socialisation').value`)).toBe('');
    expect(await page.evaluate<string>(`document.querySelector('#f-socialisation').placeholder`)).toBe(
      'P14D',
    );
    expect(await page.evaluate<string>(`document.querySelector('#calendar-table').innerText`)).toContain(
      '23.59 WIB',
    );
    const year = await page.evaluate<string>(`document.querySelector('#f-year').value`);
    cycleYear = year;
    await page.select('#f-agreement', 'tiga puluh hari');
    await page.click('main form button[value=start]');
    await page.waitFor(`document.querySelector('#f-agreement-error')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-agreement-error').textContent`)).toContain(
      'P14D',
    );
    expect(await page.evaluate<string>(`document.querySelector('#f-agreement').value`)).toBe(
      'tiga puluh hari',
    );
    await page.screenshot('hr-start-error');
    await page.select('#f-agreement', 'P30D');
    await page.click('main form button[value=start]');
    await page.waitFor(`location.pathname === '/app/hr' && location.search.includes('started=1')`, 30_000);
    expect(await text()).toContain('Siklus dimulai.');
    expect(await page.evaluate<string>(`document.querySelector('#cycle').value`)).toBe(`bungo.${year}`);
  }, 120_000);

  it('shows the progress as a table and a chart, sets a unit predikat and exports', async () => {
    for (let i = 0; ; i++) {
      const total = await page.evaluate<string>(
        `document.querySelector('#progress-table tfoot td:last-child')?.textContent ?? '0'`,
      );
      if (Number(total) === people.length + 1) break;
      if (i > 60) throw new Error(`progress total stays at ${total}`);
      await new Promise((r) => setTimeout(r, 500));
      await page.goto(`${base}/app/hr`);
    }
    expect(
      await page.evaluate<number>(`document.querySelectorAll('#progress-chart svg rect').length`),
    ).toBeGreaterThan(0);
    expect(
      await page.evaluate<string>(`document.querySelector('#progress-chart svg').getAttribute('role')`),
    ).toBe('img');
    expect(await page.evaluate<string>(`document.querySelector('#chart-desc').textContent`)).toContain(
      'BKPSDM: 5 pegawai (Sosialisasi 5).',
    );
    copyToDocs(await page.screenshot('hr-progress'), 'hr-progress.png');

    await page.select('#predikat-PKM-MB', 'baik');
    // HR records a unit's capaian only as a named delegate, with the delegation's document.
    await page.type('#predikat-PKM-MB-document', 'SK Bupati 800/12/2027');
    await page.click('form:has(#predikat-PKM-MB) button');
    await page.waitFor(`location.search.includes('predikat=PKM-MB')`, 30_000);
    expect(await text()).toContain('Predikat unit Puskesmas Muara Bungo I disimpan');
    expect(await page.evaluate<string>(`document.querySelector('#distribution-table').innerText`)).toContain(
      'Baik',
    );

    const href = await page.evaluate<string>(`document.querySelector('#export-csv').getAttribute('href')`);
    const csv = await fetch(`${base}${href}`, { headers: { cookie: hrCookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain(nurse.nip);
    const xlsx = await fetch(`${base}${href.replace('format=csv', 'format=xlsx')}`, {
      headers: { cookie: hrCookie },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  }, 120_000);

  it('shows the inbox of an employee with the new task', async () => {
    await signIn(nurse.nip, []);
    await page.waitFor(`document.querySelector('#task-list a')`, 30_000);
    expect(await page.evaluate<boolean>(`!!document.querySelector('nav a[href="/app/hr/import"]')`)).toBe(
      false,
    );
    copyToDocs(await page.screenshot('inbox'), 'inbox.png');
    await page.goto(`${base}/app/audit`);
    expect(await text()).toContain('Halaman ini memerlukan peran auditor.');
  }, 60_000);

  it('lets HR correct a rater on a 360 px phone, each person found by name', async () => {
    await signIn(hrOfficer.nip, ['hr']);
    await openMemberChanges(page, 'Fitri', nurse.nip, '#rater');
    expect(await page.evaluate<string>(`document.querySelector('#rater').innerText`)).toContain(
      'dr. Riko Saputra',
    );
    await page.type('#raterQ', 'Syafrizal');
    await page.click('form[action$="#rater-change"] button');
    await page.waitFor(`document.querySelector('input[name=raterNip]')`);
    await page.click('input[name=raterNip]');
    await page.type('#f-reason', 'Atasan langsung salah di data kepegawaian');
    await page.click('section[aria-labelledby=rater-change] form[method=post] button[type=submit]');
    await page.waitFor(`document.querySelector('.notice.ok')`);
    expect(await text()).toContain('Pejabat penilai sekarang Syafrizal, SKM');
    expect(await page.evaluate<string>(`document.querySelector('#rater').innerText`)).toContain(
      'Syafrizal, SKM',
    );
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(
      true,
    );
    await page.screenshot('hr-changes-phone');
    await page.setViewport(1280, 900);
  }, 120_000);

  it("lets an auditor read the cycle's timeline, move an appraisal back in time and verify the cycle", async () => {
    await signIn(auditor.nip, ['auditor']);
    expect(await page.evaluate<boolean>(`!!document.querySelector('nav a[href="/app/hr/import"]')`)).toBe(
      false,
    );
    await page.click('nav a[href="/app/audit"]');
    await page.waitFor(`document.querySelector('#audit-cycles a')`);
    await page.click('#audit-cycles a');
    await page.waitFor(`document.querySelector('#cycle-timeline li')`);
    const timeline = await page.evaluate<string>(`document.querySelector('#cycle-timeline').innerText`);
    expect(timeline).toContain(`${hrOfficer.name} (${hrOfficer.nip}) memulai siklus`);
    expect(timeline).toContain('menetapkan predikat unit Puskesmas Muara Bungo I: Baik');
    await page.screenshot('audit-cycle-timeline');

    await page.click(`#appraisal-table a[href$="${nurse.nip}"]`);
    await page.waitFor(`document.querySelector('#asof')`);
    const max = await page.evaluate<number>(`Number(document.querySelector('#asof').max)`);
    expect(max).toBeGreaterThan(1);
    expect(
      await page.evaluate<number>(`document.querySelectorAll('#appraisal-timeline li.future').length`),
    ).toBe(0);
    // Move the slider to the first event and show it: a plain GET form.
    await page.evaluate(`document.querySelector('#asof').value = '1'`);
    await page.click('#asof-form button[type=submit]');
    await page.waitFor(`location.search === '?v=1'`);
    expect(await page.evaluate<string>(`document.querySelector('#asof-state').textContent`)).toContain(
      'versi 1',
    );
    expect(
      await page.evaluate<number>(`document.querySelectorAll('#appraisal-timeline li.future').length`),
    ).toBe(max - 1);
    expect(await page.evaluate<string>(`document.querySelector('[aria-current=step]').innerText`)).toContain(
      'dimulai',
    );
    await page.screenshot('audit-as-of');

    await page.click('a[href$="/verify"]');
    await page.waitFor(`document.querySelector('#verify-table')`, 60_000);
    const verified = await text();
    expect(verified, verified).toContain('Catatan siklus ini utuh');
    expect(verified).toContain('Siklus belum ditutup');
    await page.screenshot('audit-verification');

    // A read model changed behind the log's back is a finding, named with its table.
    await rig.db.updateTable('appraisals').set({ predikat: 'kurang' }).where('nip', '=', nurse.nip).execute();
    await page.goto(await page.evaluate<string>('location.href'));
    await page.waitFor(`document.querySelector('#findings-list')`, 60_000);
    const findings = await page.evaluate<string>(`document.querySelector('#findings-list').innerText`);
    expect(findings).toContain('Tabel baca berbeda dari catatan');
    expect(findings).toContain('tabel appraisals');
    expect(await text()).toContain('Verifikasi menemukan 1 masalah.');
    await page.screenshot('audit-verification-findings');
  }, 180_000);
  it("fits HR's progress with the distribution and the auditor's appraisal as of a moment on a 360 px phone", async () => {
    await page.setViewport(360, 780, true);
    await signIn(hrOfficer.nip, ['hr', 'auditor']);
    const width = () => page.evaluate<number>('document.documentElement.scrollWidth');
    // The elements reaching furthest right, to name what widens the page when something does.
    const culprits = () =>
      page.evaluate<string>(
        `JSON.stringify([...document.querySelectorAll('body *')].map((e) => [e.tagName + '.' + e.className, Math.round(e.getBoundingClientRect().right)]).filter((r) => r[1] > window.innerWidth).sort((a, b) => b[1] - a[1]).slice(0, 4))`,
      );
    await page.goto(`${base}/app/hr`);
    await page.waitFor(`document.querySelector('#distribution-table')`);
    expect(await width(), `HR progress: ${await culprits()}`).toBeLessThanOrEqual(360);
    await page.screenshot('hr-progress-phone');
    await page.goto(`${base}/app/audit/appraisals/${encodeURIComponent(`bungo.${cycleYear}.${nurse.nip}`)}`);
    await page.waitFor(`document.querySelector('#asof-state')`);
    expect(await width(), `as of: ${await culprits()}`).toBeLessThanOrEqual(360);
    await page.screenshot('audit-as-of-phone');
    await page.setViewport(1280, 900);
  }, 120_000);

  it('lets a unit leader on a 360 px phone check a distribution with the calculator, within the screen', async () => {
    await page.setViewport(360, 780, true);
    await signIn(head.nip, []);
    await page.click('nav a[href="/app/rules/distribution"]');
    await page.waitFor(
      `location.pathname === '/app/rules/distribution' && document.querySelector('#calculator')`,
    );
    await page.select('#unit', 'baik');
    await page.type('#sangatBaik', '2');
    await page.type('#baik', '8');
    await page.click('#calculator button[type=submit]');
    await page.waitFor(`document.querySelector('#result')`);
    const result = await page.evaluate<string>(`document.querySelector('#result').innerText`);
    expect(result).toContain('Distribusi 10 pegawai tidak sesuai pola: 2 aturan dilanggar.');
    expect(result).toContain('✗ dilanggar: 8 dari 10 pegawai, batas 7');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot('distribution-calculator-phone');
  }, 120_000);
});
