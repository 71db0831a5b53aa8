// The periodic evaluation's pages render in both languages without a missing key or an unfilled
// placeholder, over data that reaches every branch: a period and the year, a distribution inside and
// outside its pattern and one without capaian, HR's forms and an auditor's view, a recap cut short, the
// periodic progress with each holder and state, and the cycle event of a period's capaian. Deadlines
// carry their zone: WIB, or WITA for a cycle in Makassar.
import { describe, expect, it } from 'vitest';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { cycleEventLine } from '../../../api/web/views/cycle-events.ts';
import { hrBody } from '../../../api/web/views/hr.ts';
import { type PeriodicView, periodicBody } from '../../../api/web/views/hr-periodic.ts';
import { periodicProgressSection } from '../../../api/web/views/periodic-progress.ts';
import { evaluationPeriods } from '../../../domain/cycle/periods.ts';
import { checkDistribution } from '../../../domain/rating/distribution.ts';
import { cyclePeriods, type PeriodicProgress } from '../../../record/read/periodic.ts';

const cycle = { cycle_id: 'bungo.2025', year: 2025, status: 'running', launched: 5 };
const calendar = (timeZone: string) => ({
  periods: { kind: 'quarterly', timeZone, windows: evaluationPeriods('quarterly', 2025, timeZone) },
});
const units = new Map([
  ['PKM', 'Puskesmas Muara Bungo'],
  ['DINKES', 'Dinas Kesehatan'],
]);
const row = (nip: string, name: string, predikat: 'baik' | null) => ({
  nip,
  name,
  unitCode: 'PKM',
  unitName: 'Puskesmas Muara Bungo',
  positionCode: 'STAF',
  positionName: 'Perawat Terampil',
  period: 'TW1',
  results: predikat ? ('sesuai' as const) : null,
  behaviour: predikat ? ('sesuai' as const) : null,
  predikat,
  employmentStatus: 'PNS' as const,
  rank: 'Pengatur, II/c',
});
const view = (over: Partial<PeriodicView> = {}): PeriodicView => ({
  cycles: [cycle],
  cycleId: cycle.cycle_id,
  periods: cyclePeriods({ calendar: calendar('Asia/Jakarta') }),
  period: 'TW1',
  distribution: [
    { unitCode: 'PKM', counts: { baik: 2, butuhPerbaikan: 1 }, unitPredikat: 'baik', check: { ok: true } },
    {
      unitCode: 'DINKES',
      counts: { sangatKurang: 1 },
      unitPredikat: 'kurang',
      check: checkDistribution('kurang', { sangatKurang: 1 }),
    },
    { unitCode: 'X', counts: {}, unitPredikat: null, check: null },
  ],
  preview: {
    rows: [row('199001012015031003', 'Ahmad Fauzi', 'baik'), row('199102022016041004', 'Budi Santoso', null)],
    total: 3,
  },
  unitNames: units,
  canSetCapaian: true,
  ...over,
});
const progress: PeriodicProgress = {
  units: [
    { period: 'TW1', unitCode: 'PKM', employees: 4, rated: 2, late: 2, escalated: 2, missed: 1 },
    { period: 'TW2', unitCode: 'DINKES', employees: 1, rated: 1, late: 0, escalated: 0, missed: 0 },
  ],
  late: [
    {
      period: 'TW1',
      unitCode: 'PKM',
      nip: '199203032017012005',
      name: 'Citra Dewi',
      holder: 'superior',
      holderNip: '197001011995031001',
      holderName: 'dr. Hendra Saputra',
      deadline: '2025-04-20T16:59:59.000Z',
      rated: { predikat: 'butuhPerbaikan', as: 'superior' },
      missed: false,
    },
    {
      period: 'TW1',
      unitCode: 'PKM',
      nip: '199304042018011006',
      name: 'Dedi Kurniawan',
      holder: 'hr',
      holderNip: null,
      holderName: null,
      deadline: '2025-04-27T16:59:59.000Z',
      rated: null,
      missed: true,
    },
    {
      period: 'TW1',
      unitCode: 'PKM',
      nip: '199102022016041004',
      name: 'Budi Santoso',
      holder: 'rater',
      holderNip: '198003032005012002',
      holderName: null,
      deadline: '2025-04-13T16:59:59.000Z',
      rated: null,
      missed: false,
    },
  ],
  lateTotal: 5,
};

function renderAll(lang: 'id' | 'en'): string[] {
  const t = translator(lang);
  const viewer = { name: 'Desi', org: 'bungo', roles: ['employee', 'hr'] };
  const shell = (body: ReturnType<typeof periodicBody>) =>
    page({
      t,
      title: t('periodic.title'),
      body,
      viewer,
      section: 'hrPeriodic',
      path: '/app/hr/periodic',
    }).toString();
  const makassar = cyclePeriods({ calendar: calendar('Asia/Makassar') });
  const hr = {
    cycles: [cycle],
    cycleId: cycle.cycle_id,
    progress: { PKM: { checkIns: 4 } },
    distribution: [],
    unitNames: units,
  };
  const periodic = { cycleId: cycle.cycle_id, progress, timeZone: 'Asia/Jakarta', unitNames: units };
  const line = cycleEventLine(t, 'cycle.unitPredikatSet', {
    by: '198012122005012099',
    unitCode: 'PKM',
    predikat: 'kurang',
    period: 'TW2',
  });
  return [
    shell(
      periodicBody(
        t,
        view({ flash: { kind: 'ok', text: t('periodic.capaianSaved', { unit: 'PKM', period: 'TW1' }) } }),
      ),
    ),
    shell(periodicBody(t, view({ canSetCapaian: false, periods: makassar }))),
    shell(periodicBody(t, view({ period: 'akhir', distribution: [], preview: { rows: [], total: 0 } }))),
    shell(
      periodicBody(t, view({ distribution: [], periods: cyclePeriods({ calendar: {} }), period: 'akhir' })),
    ),
    shell(periodicBody(t, view({ cycleId: null, cycles: [] }))),
    shell(hrBody(t, { ...hr, periodic })),
    shell(hrBody(t, { ...hr, periodic: { ...periodic, progress: { units: [], late: [], lateTotal: 0 } } })),
    periodicProgressSection(t, { ...periodic, timeZone: 'Asia/Jayapura' }).toString(),
    t(line.key, line.vars),
  ];
}

describe('the periodic pages', () => {
  it.each(languages)('render in %s without a missing key or an unfilled placeholder', (lang) => {
    const pages = renderAll(lang);
    for (const html of pages.slice(0, 7)) expect(html).toContain(`<html lang="${lang}">`);
    for (const html of pages) expect(html).not.toMatch(/\{\w+\}/);
    const all = pages.join('\n');
    expect(all).toContain('href="/app/hr/periodic"');
    expect(all).toContain('href="/app/hr/periodic/export?cycle=bungo.2025&amp;period=TW1&amp;format=xlsx"');
    // HR's capaian form for the period, and none for an auditor (the second page).
    expect(pages[0]).toContain('<input type="hidden" name="period" value="TW1">');
    expect(pages[1]).not.toContain('name="period" value="TW1"');
  });

  it('shows deadlines in the cycle’s zone, named; people by name; the distribution flagged, not held', () => {
    const [tw1, makassar, akhir, annualOnly, , progressPage] = renderAll('id');
    // TW I's deadline: 23:59:59 local on 13 April.
    expect(tw1).toContain('13 Apr 2025, 23.59 WIB');
    expect(makassar).toContain('13 Apr 2025, 23.59 WITA');
    expect(tw1).toMatch(/<tr class="bad" data-unit="DINKES">[\s\S]*Di luar pola distribusi/);
    expect(tw1).not.toMatch(/Ditahan/);
    expect(tw1).toContain('Menampilkan 2 dari 3 pegawai');
    expect(akhir).toContain('Evaluasi akhir (tahunan)');
    expect(akhir).toContain('href="/app/hr?cycle=bungo.2025#distribution"');
    expect(annualOnly).toContain('Siklus ini dimulai tanpa periode evaluasi');
    expect(progressPage).toContain('atasan pejabat penilai dr. Hendra Saputra');
    expect(progressPage).toContain('dinilai oleh atasan pejabat penilai: Butuh Perbaikan');
    expect(progressPage).toContain('belum dinilai, batas 13 Apr 2025, 23.59 WIB');
    expect(progressPage).toContain('dan 2 lainnya.');
    const [en] = renderAll('en');
    expect(en).toContain('13 Apr 2025, 23:59 WIB');
    expect(renderAll('en').at(-2)).toContain('14 Apr 2025, 01:59 WIT');
    expect(renderAll('en').at(-1)).toBe(
      '198012122005012099 set the capaian of unit PKM for period TW2: Kurang',
    );
  });
});
