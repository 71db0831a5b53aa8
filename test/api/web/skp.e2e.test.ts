// The SKP editor and view on a 360 px phone in a real browser (Debian's chromium), against the real API,
// worker, Temporal and PostgreSQL with the demo organisations, in a kuantitatif cycle of Kecamatan
// Asemrowo. The Camat leads an independent unit, so he drafts the JPT form (groups, perspektif, a number
// and its satuan, the lampiran) from "my appraisal"; a staff member of the Seksi Pelayanan drafts the
// JA/JF form (aspect, a less-is-better target), her number typed wrong first; her head reviews the SKP
// view and signs. Nothing is wider than the phone. Screenshots go to .test-results/screenshots/skp-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../demo/seed.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { type Journey, startJourney } from '../../support/web-journey.ts';

const people = demoPeople().filter((p) => p.org === 'asemrowo');
const byName = (name: string) => people.find((p) => p.name === name)!;
const camat = byName('Bambang Sutrisno, S.STP');
const kasi = byName('Moch. Arifin');
const staff = byName('Yuli Astuti');
const hrOfficer = byName('Agus Salim');

describe('the SKP forms on a phone', () => {
  let j: Journey;
  beforeAll(async () => {
    j = await startJourney('asemrowo');
  }, 600_000);
  afterAll(async () => {
    await j?.close();
  });

  const stateOf = async (nip: string) =>
    (await j.rig.db.selectFrom('appraisals').select('state').where('nip', '=', nip).executeTakeFirstOrThrow())
      .state as AppraisalState;
  const fitsThePhone = () => j.page.evaluate<boolean>('document.documentElement.scrollWidth <= 360');

  it('drafts the JPT and the JA/JF form, and shows each as its form writes it', async () => {
    const { page, env, base, api, text, shot, waitForTask, skipTo, loginAs } = j;
    const now = new Date(await env.currentTimeMs());
    const { cycleId } = await api(
      hrOfficer,
      'POST',
      '/cycles',
      {
        year: now.getUTCFullYear() + 1,
        start: now.toISOString(),
        skpApproach: 'kuantitatif',
        population: { unitCodes: ['KEC', 'PELAYANAN'] },
      },
      ['hr', 'employee'],
    );
    let cycle: { calendar: { agreement: { start: string } } } | null = null;
    for (let i = 0; i < 300 && !cycle; i++) {
      try {
        cycle = await api(hrOfficer, 'GET', `/cycles/${cycleId}`, undefined, ['hr', 'employee']);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await skipTo(cycle!.calendar.agreement.start);
    await waitForTask('proposeIndicators', kasi.nip);

    // The Camat leads an independent unit: the JPT form, drafted from "my appraisal".
    await page.setViewport(360, 780, true);
    await loginAs(camat);
    await page.goto(`${base}/app/appraisal`);
    await page.waitFor(`document.querySelector('a[href="/app/appraisal/skp"]')`);
    await page.click('a[href="/app/appraisal/skp"]');
    await page.waitFor(`document.querySelector('#f-rhk-0-perspektif')`);
    const jptForm = await text();
    expect(jptForm).toContain('Formulir JPT dan pimpinan unit kerja mandiri · Pendekatan kuantitatif');
    expect(
      await page.evaluate<string[]>(
        `[...document.querySelectorAll('#f-rhk-0-kind option')].map((o) => o.value)`,
      ),
    ).toEqual(['', 'utama', 'instruksiKhusus', 'tambahan']);
    expect(await page.evaluate<boolean>(`!!document.querySelector('#f-rhk-0-indicators-0-aspect')`)).toBe(
      false,
    );
    await page.select('#f-rhk-0-kind', 'instruksiKhusus');
    await page.type('#f-rhk-0-description', 'Pelayanan administrasi kependudukan selesai dalam satu hari');
    await page.select('#f-rhk-0-perspektif', 'penerimaLayanan');
    // The draft starts from the position's default indicator (master data); he writes his own.
    expect(
      await page.evaluate<string>(`document.querySelector('#f-rhk-0-indicators-0-description').value`),
    ).toBe('Indeks kepuasan masyarakat atas layanan kecamatan');
    await page.evaluate(`document.querySelector('#f-rhk-0-indicators-0-description').value = ''`);
    await page.type('#f-rhk-0-indicators-0-description', 'Dokumen selesai pada hari yang sama');
    await page.type('#f-rhk-0-indicators-0-targetValue', '95');
    await page.type('#f-rhk-0-indicators-0-satuan', '%');
    await page.type('#f-lampiran-dukunganSumberDaya', 'Aplikasi antrean daring\nPetugas loket tambahan');
    expect(await fitsThePhone()).toBe(true);
    await shot('skp-01-jpt-editor-phone');
    await page.click('form.skp-editor .actions button:not([name])');
    await page.waitFor(`location.pathname === '/app/appraisal' && document.querySelector('#skp-v1')`);
    const jptView = await text();
    expect(jptView).toContain('Instruksi khusus pimpinan: Pelayanan administrasi kependudukan');
    expect(jptView).toContain('Perspektif: Penerima layanan');
    expect(jptView).toContain('95 %');
    expect(jptView).toContain('Petugas loket tambahan');
    expect(jptView).toContain('Anda memimpin unit Pimpinan Kecamatan');
    expect(await fitsThePhone()).toBe(true);
    await shot('skp-02-jpt-view-phone');
    expect((await stateOf(camat.nip)).agreement.versions[0]).toMatchObject({
      role: 'employee',
      rhk: [
        {
          kind: 'instruksiKhusus',
          perspektif: 'penerimaLayanan',
          indicators: [{ targetValue: 95, satuan: '%' }],
        },
      ],
    });

    // A staff member drafts the JA/JF form: an aspect, a number that must be one, less is better.
    await loginAs(staff);
    await page.goto(`${base}/app/appraisal/skp`);
    await page.waitFor(`document.querySelector('#f-rhk-0-indicators-0-aspect')`);
    expect(await page.evaluate<boolean>(`!!document.querySelector('#f-rhk-0-perspektif')`)).toBe(false);
    // The rater writes the ekspektasi khusus: she only reads them.
    expect(await page.evaluate<boolean>(`!!document.querySelector('[name^="ekspektasi."]')`)).toBe(false);
    await page.type('#f-rhk-0-description', 'Berkas perizinan diproses tepat waktu');
    await page.evaluate(`document.querySelector('#f-rhk-0-indicators-0-description').value = ''`);
    await page.type('#f-rhk-0-indicators-0-description', 'Waktu pemrosesan berkas');
    await page.select('#f-rhk-0-indicators-0-aspect', 'waktu');
    await page.type('#f-rhk-0-indicators-0-targetValue', 'dua hari');
    await page.type('#f-rhk-0-indicators-0-satuan', 'hari kerja');
    await page.click('input[name="rhk.0.indicators.0.lowerIsBetter"]');
    await page.click('form.skp-editor .actions button:not([name])');
    await page.waitFor(`document.querySelector('#f-rhk-0-indicators-0-targetValue-error')`);
    expect(await page.evaluate<string>(`document.querySelector('#f-rhk-0-indicators-0-satuan').value`)).toBe(
      'hari kerja',
    );
    await page.evaluate(`document.querySelector('#f-rhk-0-indicators-0-targetValue').value = ''`);
    await page.type('#f-rhk-0-indicators-0-targetValue', '2,5');
    expect(await fitsThePhone()).toBe(true);
    await shot('skp-03-jaJf-editor-phone');
    await page.click('form.skp-editor .actions button:not([name])');
    await page.waitFor(`location.pathname === '/app/appraisal' && document.querySelector('#skp-v1')`);

    // Her head reviews it on his task: the SKP view with the target as a number, and signs.
    await loginAs(kasi);
    await j.openTask('reviewIndicators', staff.nip);
    const review = await text();
    expect(review).toContain('Periksa usulan SKP yang disusun pegawai.');
    expect(review).toContain('2,5 hari kerja (makin kecil makin baik)');
    expect(review).toContain('Perilaku kerja');
    expect(review).toContain('Berorientasi Pelayanan');
    expect(await fitsThePhone()).toBe(true);
    await shot('skp-04-review-phone');
    await page.click('main form:has(input[value=signAgreement]) button[type=submit]');
    await page.waitFor(`location.pathname === '/app/inbox'`);
    await waitForTask('signAgreement', staff.nip);
    expect((await stateOf(staff.nip)).agreement.signatures).toEqual({ employee: null, supervisor: 1 });
  });
});
