// HR's page of unit heads renders in both languages without a missing key or an unfilled placeholder,
// over every branch: units with and without a head, the search with and without results, an error next to
// the pick and a refusal above the form.
import { describe, expect, it } from 'vitest';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { type LeadersView, leadersBody } from '../../../api/web/views/hr-leaders.ts';

const units: LeadersView['units'] = [
  { code: 'PKM', name: 'Puskesmas Kuala Tungkal', independent: false, headNip: null, headName: null },
  {
    code: 'RSUD',
    name: 'RSUD KH Daud Arif',
    independent: true,
    headNip: '197808082003032003',
    headName: 'Benar',
  },
];
const found = [{ nip: '197808082003032003', name: 'Benar', unit: 'Dinas Kesehatan', position: 'Kepala' }];

function renderAll(lang: 'id' | 'en'): string[] {
  const t = translator(lang, 'Asia/Jakarta');
  const viewer = { name: 'Rudi', org: 'tanjabbar', roles: ['employee', 'hr'] };
  const shell = (view: LeadersView) =>
    page({
      t,
      title: t('leaders.pageTitle'),
      body: leadersBody(t, view),
      viewer,
      section: 'hrChanges',
      path: '/app/hr/leaders',
    }).toString();
  const base = { units, unit: null, q: '', found: null, form: null };
  return [
    shell(base),
    shell({ ...base, unit: 'PKM', q: 'zz', found: [] }),
    shell({
      ...base,
      unit: 'PKM',
      q: 'benar',
      found,
      form: {
        type: 'unitHead',
        values: {},
        errors: { headNip: 'changes.error.pick' },
        formError: t('problem.unknown_leader'),
      },
      flash: t('leaders.saved', { name: 'Benar', unit: 'RSUD KH Daud Arif' }),
    }),
  ];
}

describe("HR's page of unit heads", () => {
  it.each(languages)('renders every branch in %s with no key or placeholder left', (lang) => {
    for (const html of renderAll(lang)) {
      expect(html).not.toMatch(/\{\w+\}/);
      expect(html).not.toMatch(/(leaders|changes|problem)\.\w+/);
    }
  });

  it('shows each unit with its head and picks the head by name', () => {
    const [list, none, picking] = renderAll('en');
    expect(list).toContain('nobody named');
    expect(list).toMatch(
      /RSUD KH Daud Arif <span class="badge">independent<\/span><\/td><td>Benar <span class="muted">\(197808082003032003\)/,
    );
    expect(list).not.toContain('id="name-head"');
    expect(none).toContain('No active employee by that name.');
    expect(picking).toContain('action="/app/hr/leaders/PKM"');
    expect(picking).toMatch(/type="radio" name="headNip" value="197808082003032003"> Benar/);
    expect(picking).toContain('id="f-headNip-error"');
    expect(picking).toContain('Benar now leads RSUD KH Daud Arif.');
  });
});
