// HR's periodic pages over real HTTP against real PostgreSQL, in both languages: the predikat of a period
// with its distribution per unit (flagged outside its pattern) and its recap, the recap's download (the
// API's file), the periodic progress on the progress page, and the refusals (a period the cycle lacks, a
// role that may not read it), none of which changes anything.
import { describe, expect, it } from 'vitest';
import { hrNip, people } from '../../support/periodic-events.ts';
import { usePeriodicWeb } from '../../support/periodic-web.ts';

const web = usePeriodicWeb('periodic_web', {
  hr: [hrNip, ['hr', 'employee']],
  auditor: [hrNip, ['auditor']],
  employee: [people.ahmad.nip, ['employee']],
});

const open = (
  path: string,
  as: keyof typeof web.cookies = 'hr',
  lang: 'id' | 'en' = 'id',
  init: RequestInit = {},
) => web.open(path, as, lang, init);

describe('the periodic predikat page', () => {
  it('shows a period’s recap and its distribution per unit against the capaian’s pattern, in Bahasa Indonesia', async () => {
    const response = await open(`/app/hr/periodic?cycle=${web.cycle.cycleId}&period=TW2`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('<h2 id="period-title">Evaluasi Triwulan II</h2>');
    // TW II's deadline, 23:59:59 WIB on 13 July.
    expect(html).toContain('13 Jul 2025, 23.59 WIB');
    // Puskesmas's TW2 capaian (Kurang) wants 60% Kurang: one Sangat Kurang is outside the pattern.
    expect(html).toMatch(
      /<tr class="bad" data-unit="PKM"><th scope="row">Puskesmas Muara Bungo<div class="bad-text">Di luar pola distribusi/,
    );
    expect(html).toContain('<input type="hidden" name="period" value="TW2">');
    expect(html).toMatch(
      new RegExp(
        `<tr data-nip="${people.ahmad.nip}"><td>${people.ahmad.nip}</td><th scope="row">Ahmad Fauzi</th><td>Puskesmas Muara Bungo</td><td>Perawat Terampil</td><td>Di Bawah Ekspektasi</td><td>Di Bawah Ekspektasi</td><td>Sangat Kurang</td></tr>`,
      ),
    );
    expect(html).toContain(`<tr data-nip="${people.budi.nip}">`);
    expect(html).not.toContain(people.eka.name);
  });

  it('speaks English when asked, and shows an auditor no forms', async () => {
    const html = await (
      await open(`/app/hr/periodic?cycle=${web.cycle.cycleId}&period=TW1`, 'auditor', 'en')
    ).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2 id="period-title">Evaluation Quarter 1</h2>');
    expect(html).toContain('13 Apr 2025, 23:59 WIB');
    expect(html).toContain('Within the pattern');
    expect(html).toContain('Above expectation');
    expect(html).not.toContain('name="period" value="TW1"');
  });

  it("shows the year's (akhir) recap with the objection's decision", async () => {
    const html = await (await open(`/app/hr/periodic?cycle=${web.cycle.cycleId}&period=akhir`)).text();
    expect(html).toContain('Evaluasi akhir (tahunan)');
    expect(html).toMatch(new RegExp(`<tr data-nip="${people.budi.nip}">.*<td>Sangat Baik</td></tr>`));
  });

  it('downloads the same recap file as the API, and refuses a period the cycle lacks', async () => {
    const csv = await open(`/app/hr/periodic/export?cycle=${web.cycle.cycleId}&period=TW1&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="siklus-bungo.2025-predikat-TW1.csv"',
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(
      'nip,name,unit_code,unit_name,position_code,position_name,period,rating_results,rating_behaviour,predikat,employment_status,rank',
    );
    expect(lines).toHaveLength(7);
    expect(
      (await open(`/app/hr/periodic/export?cycle=${web.cycle.cycleId}&period=M01&format=csv`)).status,
    ).toBe(404);
    expect((await open(`/app/hr/periodic?cycle=${web.cycle.cycleId}`, 'employee')).status).toBe(403);
  });

  it("refuses HR's capaian for a period the cycle lacks, back on the page with the reason, and changes nothing", async () => {
    const post = (period: string) =>
      web.post('/app/hr/predikat', 'hr', 'id', {
        cycle: web.cycle.cycleId,
        unit: 'PKM',
        predikat: 'baik',
        period,
        _key: `k-${period}`,
      });
    const lacking = await post('S1');
    expect(lacking.status).toBe(303);
    expect(lacking.headers.get('location')).toBe(
      `/app/hr/periodic?cycle=${web.cycle.cycleId}&period=S1&failed=period_not_in_cycle#period-distribution`,
    );
    const page = await (await open(lacking.headers.get('location') ?? '')).text();
    expect(page).toContain('Siklus ini tidak memiliki periode tersebut.');
    const unknown = await post('TW9');
    expect(unknown.headers.get('location')).toContain('failed=invalid_request');
    const capaian = await web.db.selectFrom('unit_period_predikat').select('period').execute();
    expect(capaian.map((r) => r.period).sort()).toEqual(['TW1', 'TW1', 'TW2']);
  });
});

describe('the progress page', () => {
  it('shows per unit and period who is rated, late or escalated, with whom each late rating waits', async () => {
    const html = await (await open(`/app/hr?cycle=${web.cycle.cycleId}`)).text();
    expect(html).toContain('Progres evaluasi periodik');
    // Every deadline of 2025 has passed: TW II's three unrated at the Puskesmas are late.
    expect(html).toMatch(
      /<tr class="bad" data-period="TW2" data-unit="PKM"><th scope="row">TW2<\/th><td>Puskesmas Muara Bungo<\/td><td class="num">4<\/td><td class="num">1<\/td><td class="num">3<\/td><td class="num">0<\/td><td class="num">0<\/td><\/tr>/,
    );
    expect(html).toMatch(
      new RegExp(
        `<tr class="" data-nip="${people.citra.nip}"><td>TW1</td>.*atasan pejabat penilai dr\\. Hendra Saputra.*dinilai oleh atasan pejabat penilai: Butuh Perbaikan`,
      ),
    );
    expect(html).toMatch(
      new RegExp(
        `data-nip="${people.budi.nip}"><td>TW2</td>.*pejabat penilai drg\\. Kartini Lubis.*belum dinilai, batas 13 Jul 2025, 23\\.59 WIB`,
      ),
    );
    expect(html).toMatch(new RegExp(`data-nip="${people.dedi.nip}"><td>TW1</td>.*<td>HR</td><td>terlewat`));
    const en = await (await open(`/app/hr?cycle=${web.cycle.cycleId}`, 'auditor', 'en')).text();
    expect(en).toContain('Periodic evaluation progress');
    expect(en).toContain('the rater&#39;s superior, dr. Hendra Saputra');
  });
});
