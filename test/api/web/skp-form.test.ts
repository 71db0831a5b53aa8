// The SKP editor for each form and approach: the JPT form (groups, perspektif) and the JA/JF form (aspect,
// cascade), targets in words or a number with its satuan; the rater's ekspektasi khusus pimpinan and the
// lampiran; the SKP view, the realisation form, and a unit leader's rating form; all in both languages.
import { describe, expect, it } from 'vitest';
import { decimalOf, parseCommand } from '../../../api/web/forms.ts';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { page } from '../../../api/web/layout.ts';
import { addRow, parseSkp, valuesFromRhk } from '../../../api/web/skp-form.ts';
import { type Agreement, agreementHistory } from '../../../api/web/views/agreement.ts';
import { ratePeriodBody, setRatingBody } from '../../../api/web/views/period.ts';
import { skpEditorBody } from '../../../api/web/views/skp-editor.ts';
import { realisationText, targetText } from '../../../api/web/views/skp-parts.ts';
import { taskBody } from '../../../api/web/views/task.ts';
import type { Rhk } from '../../../domain/appraisal/events.ts';
import type { SkpSetting } from '../../../domain/appraisal/skp.ts';
import { employeeView } from '../../../record/read/appraisal.ts';
import { jptRhk, startedAppraisal } from '../../domain/appraisal/fixtures.ts';

const now = new Date('2027-02-01T03:00:00Z');
const at = '2027-01-20T02:00:00Z';
const jpt: SkpSetting = { form: 'jpt', approach: 'kuantitatif', ledUnitCode: 'DINKES' };
const jaJf: SkpSetting = { form: 'jaJf', approach: 'kualitatif', ledUnitCode: null };
const jptSkp: Rhk[] = [
  jptRhk([
    { id: 'iki-1', description: 'Waktu tunggu', targetValue: 30, satuan: 'menit', lowerIsBetter: true },
  ]),
];
const task = (kind: string, q = 'v1') => ({
  taskId: `bungo.2027.199001012015031001:${kind}:${q}`,
  appraisalId: 'bungo.2027.199001012015031001',
  kind,
  step: 'agreement',
  dueAt: '2027-02-10T00:00:00Z',
});
/** Text as the page escapes it. */
const html = (text: string) => text.replaceAll("'", '&#39;');
const shell = (lang: (typeof languages)[number], body: ReturnType<typeof agreementHistory>) =>
  page({
    t: translator(lang),
    title: 'x',
    body,
    viewer: { name: 'Riko', org: 'bungo', roles: ['employee'], team: true },
    path: '/app/inbox',
  }).toString();

describe('the SKP editor form', () => {
  it('turns a JPT form with a number target, ekspektasi and lampiran into one command', () => {
    const v = valuesFromRhk(jptSkp);
    v['rhk.0.indicators.0.targetValue'] = '2,5';
    v['ekspektasi.akuntabel'] = 'Laporan tepat waktu';
    v['lampiran.konsekuensi'] = 'Teguran lisan\n\n  Teguran tertulis ';
    const parsed = parseSkp(v, [], { setting: jpt, role: 'supervisor' });
    expect(parsed.ok && parsed.command).toEqual({
      type: 'proposeIndicators',
      rhk: [{ ...jptSkp[0], indicators: [{ ...jptSkp[0]!.indicators[0], targetValue: 2.5 }] }],
      ekspektasi: { akuntabel: 'Laporan tepat waktu' },
      lampiran: { konsekuensi: ['Teguran lisan', 'Teguran tertulis'] },
    });
    // The employee's draft carries the rater's ekspektasi over without sending them.
    const drafted = parseSkp(v, [], { setting: jpt, role: 'employee' });
    expect(drafted.ok && 'ekspektasi' in drafted.command).toBe(false);
  });

  it('reports the form’s rules on their fields: a missing perspektif or satuan, a number that is none, words in the kuantitatif approach', () => {
    const v = addRow(valuesFromRhk(jptSkp), 'rhk');
    v['rhk.0.perspektif'] = '';
    v['rhk.0.indicators.0.satuan'] = '';
    v['rhk.1.description'] = 'Serapan anggaran';
    v['rhk.1.indicators.0.description'] = 'Serapan';
    v['rhk.1.indicators.0.targetValue'] = 'sembilan puluh';
    v['rhk.1.indicators.0.satuan'] = '%';
    const parsed = parseSkp(v, [], { setting: jpt, role: 'supervisor' });
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      'rhk.0.perspektif': 'error.required',
      'rhk.0.indicators.0.satuan': 'error.required',
      'rhk.1.perspektif': 'error.required',
      'rhk.1.indicators.0.targetValue': 'error.invalid',
    });
  });

  it('in the JA/JF form requires the cascade for an RHK utama and refuses a JPT group', () => {
    const v = valuesFromRhk([
      {
        id: 'rhk-1',
        kind: 'instruksiKhusus',
        description: 'Rekam medis',
        parentRhkId: null,
        indicators: [{ id: 'iki-1', description: 'Lengkap', aspect: 'kualitas', target: '95%' }],
      },
    ]);
    const refused = parseSkp(v, ['sup-1'], { setting: jaJf, role: 'employee' });
    expect(refused.ok ? {} : refused.errors).toEqual({ 'rhk.0.kind': 'error.invalid' });
    v['rhk.0.kind'] = 'utama';
    const uncascaded = parseSkp(v, ['sup-1'], { setting: jaJf, role: 'employee' });
    expect(uncascaded.ok ? {} : uncascaded.errors).toEqual({ 'rhk.0.parentRhkId': 'error.required' });
    v['rhk.0.parentRhkId'] = 'sup-1';
    expect(parseSkp(v, ['sup-1'], { setting: jaJf, role: 'employee' }).ok).toBe(true);
  });

  it('reads numbers as people type them', () => {
    expect(['30', '2,5', '2.5', '2.400', '1.234,5', '0.125', ''].map(decimalOf)).toEqual([
      30,
      2.5,
      2.5,
      2400,
      1234.5,
      0.125,
      Number.NaN,
    ]);
    const realisation = parseCommand('recordRealisation', {
      period: 'TW1',
      'realisations.0.indicatorId': 'iki-1',
      'realisations.0.amount': '24',
    });
    expect(realisation.ok && realisation.command).toMatchObject({ realisations: [{ amount: 24 }] });
    const empty = parseCommand('recordRealisation', {
      period: 'TW1',
      'realisations.0.indicatorId': 'iki-1',
      'realisations.0.amount': '',
    });
    expect(empty.ok ? {} : empty.errors).toEqual({ 'realisations.0.amount': 'error.required' });
  });
});

describe('the SKP pages', () => {
  it('render each form and approach in both languages: groups, perspektif, number targets with achievement, perilaku kerja, lampiran', () => {
    const agreement: Agreement = {
      versions: [
        {
          version: 1,
          rhk: jptSkp,
          role: 'employee',
          ekspektasi: { kolaboratif: 'Rapat koordinasi <bulanan>' },
          lampiran: { dukunganSumberDaya: ['Aplikasi antrean'] },
          by: '199001012015031001',
          at,
        },
      ],
      comments: [],
      signatures: { employee: 1, supervisor: null },
      agreedVersion: null,
      missed: false,
    };
    for (const lang of languages) {
      const t = translator(lang);
      const view = shell(lang, agreementHistory(t, agreement, { setting: jpt }));
      expect(view).toContain(t('skp.form.jpt'));
      expect(view).toContain(`${t('skp.perspektif')}: ${t('perspektif.prosesBisnis')}`);
      expect(view).toContain(`30 menit (${t('skp.lowerIsBetterShort')})`);
      expect(view).toContain('Rapat koordinasi &lt;bulanan&gt;');
      expect(view).toContain(t('berakhlakGuide.akuntabel'));
      expect(view).toContain('Aplikasi antrean');
      expect(realisationText(t, jptSkp[0]!.indicators[0], { amount: 24 })).toBe(
        `24 menit · ${t('evaluation.achievement')} 120%`,
      );
      expect(targetText(t, { description: 'x', target: '95%' })).toBe('95%');

      const common = {
        ownerName: null,
        agreement,
        history: { setting: jpt },
        parents: [],
        now,
        setting: jpt,
      };
      const mine = shell(
        lang,
        skpEditorBody(t, {
          ...common,
          task: null,
          role: 'employee',
          state: {
            type: 'proposeIndicators',
            values: valuesFromRhk(jptSkp, agreement.versions[0]),
            errors: {},
          },
        }),
      );
      expect(mine).toContain('action="/app/appraisal/skp"');
      expect(mine).toContain('name="rhk.0.perspektif"');
      expect(mine).toContain('inputmode="decimal"');
      expect(mine).not.toContain('name="rhk.0.indicators.0.aspect"');
      // The employee sees the rater's ekspektasi and cannot write them.
      expect(mine).not.toContain('name="ekspektasi.kolaboratif"');
      expect(mine).toContain('Rapat koordinasi &lt;bulanan&gt;');
      const rater = shell(
        lang,
        skpEditorBody(t, {
          ...common,
          ownerName: 'Fitri',
          task: task('proposeIndicators', 'v2'),
          role: 'supervisor',
          setting: jaJf,
          history: { setting: jaJf },
          state: { type: 'proposeIndicators', values: valuesFromRhk([]), errors: {} },
        }),
      );
      expect(rater).toContain('name="ekspektasi.kolaboratif"');
      expect(rater).toContain('name="rhk.0.indicators.0.aspect"');
      expect(rater).toContain('name="rhk.0.indicators.0.target"');
      expect(rater).not.toContain('value="instruksiKhusus"');
      expect(rater).toContain('name="lampiran.skemaPertanggungjawaban"');
    }
  });

  it('asks for a number in the kuantitatif realisation form', () => {
    const state = startedAppraisal();
    const agreed = {
      ...state,
      skp: { form: 'jaJf' as const, approach: 'kuantitatif' as const, ledUnitCode: null },
      agreement: {
        ...state.agreement,
        versions: [{ version: 1, rhk: jptSkp, by: '1', at }],
        agreedVersion: 1,
      },
    };
    for (const lang of languages) {
      const t = translator(lang);
      const body = taskBody(t, {
        task: { ...task('recordRealisation', 'TW1'), step: 'checkIns' },
        ownerName: null,
        appraisal: employeeView(agreed),
        standards: null,
        state: null,
        now,
      }).toString();
      expect(body).toContain('name="realisations.0.amount"');
      expect(body).not.toContain('name="realisations.0.value"');
      expect(body).toContain(t('field.amount', { satuan: 'menit' }));
    }
  });

  it('shows a unit leader’s rating hasil kerja as the unit’s capaian, with no choice of it', () => {
    for (const lang of languages) {
      const t = translator(lang);
      const view = { task: task('setRating', ''), ownerName: 'Riko', file: null, state: null, now };
      const leader = setRatingBody(t, { ...view, leader: { unitCode: 'PKM', capaian: 'baik' } }).toString();
      expect(leader).not.toContain('name="results"');
      expect(leader).toContain(
        html(
          t('evaluation.leaderResults', {
            unit: 'PKM',
            capaian: t('unitPredikat.baik'),
            rating: t('rating.sesuai'),
          }),
        ),
      );
      const unset = ratePeriodBody(t, {
        ...view,
        task: task('ratePeriod', 'TW1'),
        leader: { unitCode: 'PKM', capaian: null },
      }).toString();
      expect(unset).toContain(html(t('evaluation.leaderNoCapaian', { unit: 'PKM' })));
      expect(unset).not.toContain('name="results"');
      const staff = setRatingBody(t, { ...view, leader: null }).toString();
      expect(staff).toContain('name="results"');
      const noCapaian = setRatingBody(t, { ...view, leader: { unitCode: 'PKM', capaian: null } }).toString();
      expect(noCapaian).toContain(html(t('evaluation.leaderNoCapaian', { unit: 'PKM' })));
    }
  });
});
