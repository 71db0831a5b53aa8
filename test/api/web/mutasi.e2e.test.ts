// HR records a mutasi on the page of changes in a real browser (Debian's chromium) on a 360 px phone,
// against the real API, worker, Temporal dev server and PostgreSQL with the demo organisations: a cycle of
// one puskesmas started yesterday. HR finds the nurse by name, finds her new rater by name and picks him
// from the results, picks the new unit and position from their lists. A missing day is stopped by the
// browser and a day before the cycle began is refused next to its field, both changing nothing; the right
// day records the mutasi, said on the page, in the year's SKP periods, HR's progress and the record.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import { localDateText, localIsoDate } from '../../../domain/time/local-text.ts';
import type { Page } from '../../support/browser.ts';
import { type BrowserApp, startBrowserApp } from '../../support/browser-app.ts';
import { openMemberChanges } from '../../support/hr-changes-page.ts';
import type { SiklusTestRig } from '../../support/siklus-worker.ts';
import { startDevEnv } from '../../support/temporal.ts';

const people = demoPeople().filter((p) => p.org === 'bungo');
const hrOfficer = people.find((p) => p.name === 'Desi Ratnasari')!;
const nurse = people.find((p) => p.name === 'Ns. Fitri Handayani')!;
const kapus = people.find((p) => p.name === 'dr. Riko Saputra')!;
const newRater = people.find((p) => p.name === 'Syafrizal, SKM')!;
const puskesmas = people.filter((p) => p.unitCode === 'PKM-MB');
const zone = 'Asia/Jakarta';
const mutasi = 'section[aria-labelledby=mutasi]';

describe('HR records a mutasi in a real browser', () => {
  let app: BrowserApp | undefined;
  let rig: SiklusTestRig;
  let base: string;
  let page: Page;
  let cycleId: string;

  /** What the record holds of the nurse's appraisal: its mutasi events and its row's unit and rater. */
  const recorded = async () => {
    const events = await rig.db
      .selectFrom('events')
      .select('data')
      .where('stream_id', '=', `appraisal-${cycleId}.${nurse.nip}`)
      .where('type', '=', 'mutasi.recorded')
      .execute();
    const row = await rig.db
      .selectFrom('appraisals')
      .select(['unit_code', 'supervisor_nip'])
      .where('appraisal_id', '=', `${cycleId}.${nurse.nip}`)
      .executeTakeFirstOrThrow();
    const employee = await rig.db
      .selectFrom('employees')
      .select(['unit_code', 'position_code'])
      .where('org_id', '=', 'bungo')
      .where('nip', '=', nurse.nip)
      .executeTakeFirstOrThrow();
    return { events: events.map((e) => e.data as Record<string, unknown>), row, employee };
  };
  const before = {
    events: [],
    row: { unit_code: 'PKM-MB', supervisor_nip: kapus.nip },
    employee: { unit_code: 'PKM-MB', position_code: 'PERAWAT' },
  };
  /** HR's progress per unit, as rows of the table: the unit's name and its total. */
  const progress = async () => {
    await page.goto(`${base}/app/hr?cycle=${encodeURIComponent(cycleId)}`);
    await page.waitFor(`document.querySelector('#progress-table')`);
    return page.evaluate<string[][]>(
      `[...document.querySelectorAll('#progress-table tbody tr')].map((tr) => [tr.querySelector('th').innerText, tr.querySelector('td:last-child').innerText])`,
    );
  };
  const text = (selector: string) =>
    page.evaluate<string>(`document.querySelector(${JSON.stringify(selector)})?.innerText ?? ''`);

  beforeAll(async () => {
    app = await startBrowserApp(await startDevEnv(), 'webmutasi');
    ({ rig, base, page } = app);
    await seedDemoOrganisations(rig.db);
    const hr = await app.token('bungo', hrOfficer.nip, ['hr', 'employee']);
    const start = new Date(Date.now() - 25 * 3_600_000);
    const response = await fetch(`${base}/v1/orgs/bungo/cycles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hr}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        year: start.getUTCFullYear() + 1,
        start: start.toISOString(),
        population: { unitCodes: ['PKM-MB'] },
      }),
    });
    const body = (await response.json()) as { cycleId: string };
    expect(response.status, JSON.stringify(body)).toBe(201);
    cycleId = body.cycleId;
    // The mutasi is an Update of the nurse's workflow: wait until every appraisal runs.
    for (let i = 0; ; i++) {
      const count = await rig.db
        .selectFrom('appraisals')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('cycle_id', '=', cycleId)
        .where('step', '=', 'socialisation')
        .executeTakeFirstOrThrow();
      if (count.n === puskesmas.length) break;
      if (i > 600) throw new Error('the appraisals did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 600_000);

  afterAll(() => app?.close());

  it('finds the nurse and her new rater by name, and refuses a missing day and a day before the cycle', async () => {
    await app!.signIn(hrOfficer.nip, ['hr']);
    expect(await progress()).toEqual([['Puskesmas Muara Bungo I', String(puskesmas.length)]]);
    await openMemberChanges(page, 'Fitri', nurse.nip, '#mutasiQ');
    expect(await text('#rater')).toContain(kapus.name);

    await page.type('#mutasiQ', 'Syafrizal');
    await page.click(`${mutasi} form[method=get] button[type=submit]`);
    await page.waitFor(`document.querySelector('${mutasi} input[name=raterNip]')`);
    const choices = await page.evaluate<string[]>(
      `[...document.querySelectorAll('${mutasi} input[name=raterNip]')].map((i) => i.parentElement.innerText.trim())`,
    );
    expect(choices).toEqual([`${newRater.name} · Kepala Bidang Pelayanan Kesehatan, Dinas Kesehatan`]);
    await page.click(`${mutasi} input[name=raterNip]`);
    await page.click(`${mutasi} input[name=kind][value=mutasi]`);
    await page.select('#f-unitCode', 'DINKES');
    await page.select('#f-positionCode', 'PELAKSANA');
    await page.type('#f-reason', 'SK Bupati Bungo 821/45: mutasi ke Dinas Kesehatan');

    // No day: the browser keeps the form (the field is required) and nothing is sent.
    await page.select('#f-effectiveDate', '');
    await page.click(`${mutasi} form[method=post] button[type=submit]`);
    expect(
      await page.evaluate<boolean>(`document.querySelector('#f-effectiveDate').validity.valueMissing`),
    ).toBe(true);
    expect(await page.evaluate<string>('location.pathname')).toBe(`/app/hr/changes/${nurse.nip}`);
    // Sent anyway (a browser that does not check): the page says so next to the field.
    await page.evaluate(`document.querySelector('${mutasi} form[method=post]').noValidate = true`);
    await page.click(`${mutasi} form[method=post] button[type=submit]`);
    await page.waitFor(`document.querySelector('#f-effectiveDate-error')`, 30_000);
    expect(await page.evaluate<string>('location.pathname')).toBe(`/app/hr/changes/${nurse.nip}/mutasi`);
    expect(await text('#f-effectiveDate-error')).toBe('Wajib diisi.');
    expect(await page.evaluate<string>(`document.querySelector('#f-reason').value`)).toBe(
      'SK Bupati Bungo 821/45: mutasi ke Dinas Kesehatan',
    );
    expect(await recorded()).toEqual(before);

    // A day before the cycle began: refused next to the field, the form kept as it was filled.
    const early = localIsoDate(new Date(Date.now() - 5 * 86_400_000), zone);
    await page.select('#f-effectiveDate', early);
    await page.click(`${mutasi} form[method=post] button[type=submit]`);
    await page.waitFor(`document.querySelector('#f-effectiveDate-error')`, 30_000);
    expect(await text('#f-effectiveDate-error')).toContain(
      'Tanggal berlaku harus antara awal siklus dan hari ini.',
    );
    expect(await page.evaluate<string>(`document.querySelector('#f-effectiveDate').value`)).toBe(early);
    expect(await page.evaluate<string>(`document.querySelector('#f-unitCode').value`)).toBe('DINKES');
    expect(
      await page.evaluate<string>(`document.querySelector('${mutasi} input[name=raterNip]:checked')?.value`),
    ).toBe(newRater.nip);
    expect(await text('main .notice.ok')).toBe('');
    expect(await recorded()).toEqual(before);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot('hr-mutasi-refused');
  }, 120_000);

  it('records the mutasi from today: said on the page, in the SKP periods and in the record', async () => {
    const today = localIsoDate(new Date(), zone);
    await page.select('#f-effectiveDate', today);
    await page.click(`${mutasi} form[method=post] button[type=submit]`);
    await page.waitFor(`document.querySelector('main .notice.ok')`, 60_000);
    expect(await text('main .notice.ok')).toContain(
      `${nurse.name} kini Pengadministrasi Umum di Dinas Kesehatan; periode SKP baru dibuka.`,
    );
    expect(await text('#rater')).toContain(newRater.name);
    const periods = await page.evaluate<string[]>(
      `[...document.querySelectorAll('#skp-periods li')].map((li) => li.innerText)`,
    );
    expect(periods).toHaveLength(2);
    expect(periods[0]).toContain('Periode SKP 1: Perawat Terampil');
    expect(periods[0]).toContain(`Puskesmas Muara Bungo I; pejabat penilai ${kapus.name}`);
    expect(periods[1]).toBe(
      `Periode SKP 2 (berjalan): Pengadministrasi Umum, Dinas Kesehatan; pejabat penilai ${newRater.name}; sejak ${localDateText(today, zone, 'id')}`,
    );
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot('hr-mutasi-recorded');

    const after = await recorded();
    expect(after.events).toEqual([
      expect.objectContaining({
        kind: 'mutasi',
        skpPeriod: 2,
        effectiveDate: today,
        unitCode: 'DINKES',
        positionCode: 'PELAKSANA',
        supervisorNip: newRater.nip,
        reason: 'SK Bupati Bungo 821/45: mutasi ke Dinas Kesehatan',
      }),
    ]);
    expect(after.row).toEqual({ unit_code: 'DINKES', supervisor_nip: newRater.nip });
    expect(after.employee).toEqual({ unit_code: 'DINKES', position_code: 'PELAKSANA' });
    // She counts in the new unit from now on, and HR's search finds her there.
    expect(await progress()).toEqual([
      ['Dinas Kesehatan', '1'],
      ['Puskesmas Muara Bungo I', String(puskesmas.length - 1)],
    ]);
    await page.goto(`${base}/app/hr/changes?q=Fitri`);
    expect(await text('#found')).toContain('Dinas Kesehatan');
  }, 120_000);
});
