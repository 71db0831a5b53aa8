// The unit monitoring page and a bound indicator's realisation form, in both languages without a missing
// key (the translator throws on one) and each in one language: the chart and the table of a measure below
// target in one unit, and the form's number pre-filled from the unit's value with where it comes from.
import { describe, expect, it } from 'vitest';
import type { FormState } from '../../../api/web/forms.ts';
import { languages, translator } from '../../../api/web/i18n/index.ts';
import { parseSkp, valuesFromRhk } from '../../../api/web/skp-form.ts';
import { measureField } from '../../../api/web/views/measure-field.ts';
import { measuresBody } from '../../../api/web/views/measures.ts';
import { realisationText } from '../../../api/web/views/skp-parts.ts';
import { standardFields } from '../../../api/web/views/standard-editor.ts';
import { taskBody } from '../../../api/web/views/task.ts';
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import { measureSchema } from '../../../domain/measures/measure.ts';
import { employeeView } from '../../../record/read/appraisal.ts';
import type { MonitoredMeasure } from '../../../record/read/measures.ts';
import { startedAppraisal } from '../../domain/appraisal/fixtures.ts';

const now = new Date('2027-04-02T03:00:00Z');
const recordedAt = '2027-04-01T01:00:00.000Z';
const value = (unitCode: string, period: string, v: number, belowTarget: boolean | null) => ({
  unitCode,
  period,
  value: v,
  target: belowTarget === null ? null : 30,
  achievement: belowTarget === null ? null : Math.round((2 - v / 30) * 1000) / 10,
  belowTarget,
  source: 'simpus',
  recordedAt,
});
const waiting: MonitoredMeasure = {
  ...measureSchema.parse({
    code: 'waktu-tunggu',
    name: 'Waktu tunggu',
    satuan: 'menit',
    lowerIsBetter: true,
    target: 30,
  }),
  periods: ['TW1', 'TW2'],
  values: [
    value('PKM-A', 'TW1', 36, true),
    value('PKM-B', 'TW1', 20, false),
    value('PKM-A', 'TW2', 36.5, true),
  ],
  belowTarget: ['PKM-A'],
};
const unitNames = new Map([
  ['PKM-A', 'Puskesmas Muara Bungo'],
  ['PKM-B', 'Puskesmas Rimbo'],
]);

describe.each(languages)('in %s', (lang) => {
  const t = translator(lang, 'Asia/Jakarta');
  const other = lang === 'id' ? /Below target|lower is better|Year/ : /Di bawah target|makin kecil|Tahun/;

  it('shows each measure over the periods against its target, with the units below it and a chart', () => {
    const body = measuresBody(t, {
      year: 2027,
      years: [2027, 2026],
      measures: [waiting],
      unitNames,
      leaderOf: null,
    }).toString();
    expect(body).toContain('<svg viewBox="0 0 320');
    expect(body).toContain(
      t('measures.belowList', { period: t('periodName.TW2'), units: 'Puskesmas Muara Bungo' }),
    );
    // Below target is said in words and by a triangle, never by colour alone; the time has its zone.
    expect(body).toContain(`▼ ${t('measures.belowShort')}`);
    expect(body).toContain(t.dateTime(recordedAt));
    expect(body).toMatch(/WIB/);
    expect(body).toContain(t('measures.lowerIsBetter'));
    expect(body).not.toMatch(other);
    const leader = measuresBody(t, {
      year: 2027,
      years: [2027],
      measures: [],
      unitNames,
      leaderOf: ['PKM-A'],
    }).toString();
    expect(leader).toContain(t('measures.noneDefined'));
    const empty = measuresBody(t, {
      year: 2026,
      years: [2027, 2026],
      measures: [{ ...waiting, periods: [], values: [], belowTarget: [] }],
      unitNames,
      leaderOf: ['PKM-A'],
    }).toString();
    expect(empty).toContain(t('measures.noValues', { year: 2026 }));
    expect(empty).toContain(t('measures.leaderScope', { units: 'Puskesmas Muara Bungo' }));
    // HR's import: the form, then what came of it.
    const base = { year: 2027, years: [2027], measures: [waiting], unitNames, leaderOf: null };
    expect(measuresBody(t, { ...base, importer: null }).toString()).toContain(
      'action="/app/measures/import"',
    );
    expect(measuresBody(t, base).toString()).not.toContain('action="/app/measures/import"');
    expect(measuresBody(t, { ...base, importer: { imported: 3 } }).toString()).toContain(
      t('measures.imported', { count: 3 }),
    );
    const refused = measuresBody(t, {
      ...base,
      importer: {
        formError: t('problem.invalid_measure_rows'),
        rows: [{ line: 4, errors: ['period: "TW5" is not a period'] }],
      },
    }).toString();
    expect(refused).toContain(t('measures.badRows'));
    expect(refused).toContain('<tr data-line="4">');
  });

  it('pre-fills a bound indicator’s number from the unit’s value, says from where, and asks why if changed', () => {
    const state = startedAppraisal();
    const indicator = {
      id: 'iki-1',
      description: 'Waktu tunggu',
      aspect: 'waktu' as const,
      targetValue: 30,
      satuan: 'menit',
      lowerIsBetter: true,
    };
    const agreed = {
      ...state,
      skp: { form: 'jaJf' as const, approach: 'kuantitatif' as const, ledUnitCode: null },
      agreement: {
        ...state.agreement,
        versions: [
          {
            version: 1,
            rhk: [
              {
                id: 'rhk-1',
                kind: 'utama' as const,
                description: 'Layanan cepat',
                parentRhkId: null,
                indicators: [
                  { ...indicator, measureCode: 'waktu-tunggu' },
                  { ...indicator, id: 'iki-2' },
                ],
              },
            ],
            by: '1',
            at: recordedAt,
          },
        ],
        agreedVersion: 1,
      },
    };
    const form = (measures: Parameters<typeof taskBody>[1]['measures'], skp: AppraisalState = agreed) =>
      taskBody(t, {
        task: {
          taskId: `${state.appraisalId}:recordRealisation:TW1`,
          appraisalId: state.appraisalId,
          kind: 'recordRealisation',
          step: 'checkIns',
          dueAt: null,
        },
        ownerName: null,
        appraisal: employeeView(skp),
        standards: null,
        state: null,
        now,
        measures,
      }).toString();
    const reading = {
      indicatorId: 'iki-1',
      period: 'TW1',
      code: 'waktu-tunggu',
      value: 36.5,
      source: 'simpus',
      recordedAt,
      achievement: 78.3,
    };
    const body = form([reading, { ...reading, period: 'TW2', value: 12 }]);
    expect(body).toMatch(new RegExp(`name="realisations\\.0\\.amount"[^>]* value="${t.number(36.5, 1)}"`));
    expect(body).toContain(t('measure.prefilled', { source: 'simpus', time: t.dateTime(recordedAt) }));
    expect(body).toContain('name="realisations.0.value"'); // the note for a number that differs
    expect(body).not.toContain('name="realisations.1.value"'); // an indicator not bound has none
    expect(body).toMatch(/name="realisations\.1\.amount"[^>]* value=""/);
    // Read back (the period's page, the evaluation file): taken from the measure, or an override of it.
    const measure = { code: 'waktu-tunggu', value: 36, source: 'simpus', recordedAt, overridden: false };
    expect(realisationText(t, indicator, { amount: 36, measure })).toContain(
      t('measure.fromUnit', { source: 'simpus' }),
    );
    const changed = realisationText(t, indicator, {
      amount: 31,
      value: 'SIMPUS mati',
      measure: { ...measure, overridden: true },
    });
    expect(changed).toContain(t('measure.overridden', { value: '36 menit', source: 'simpus' }));
    expect(changed).toContain('SIMPUS mati');
    expect(realisationText(t, indicator, { amount: 31 })).not.toContain('simpus');
    // In words (the kualitatif approach): the number and its satuan, as the page writes numbers.
    const words = form([{ ...reading, satuan: 'menit' }], {
      ...agreed,
      skp: { ...agreed.skp, approach: 'kualitatif' },
    });
    expect(words).toMatch(
      new RegExp(`name="realisations\\.0\\.value"[^>]* value="${t.number(36.5, 1)} menit"`),
    );
    expect(realisationText(t, undefined, { value: '36,5 menit', measure })).toContain(
      t('measure.fromUnit', { source: 'simpus' }),
    );
    expect(form([])).toMatch(/name="realisations\.0\.amount"[^>]* value=""/);
  });
});

describe('a binding in the SKP editor (and the standards editor, which shares its form)', () => {
  it('is kept from the prefilled standard to the command sent', () => {
    const rhk = [
      {
        id: 'rhk-1',
        kind: 'utama' as const,
        description: 'Layanan puskesmas',
        parentRhkId: null,
        indicators: [
          {
            id: 'iki-1',
            description: 'Survei kepuasan pasien',
            aspect: 'kualitas' as const,
            target: '85',
            measureCode: 'skm',
          },
          { id: 'iki-2', description: 'Rujukan tepat', aspect: 'kualitas' as const, target: '90%' },
        ],
      },
    ];
    const values = valuesFromRhk(rhk);
    expect(values['rhk.0.indicators.0.measureCode']).toBe('skm');
    const parsed = parseSkp(values, []);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.command.rhk[0]?.indicators.map((i) => i.measureCode)).toEqual(['skm', undefined]);
  });
});

describe.each(languages)('choosing the measure of an indicator, in %s', (lang) => {
  const t = translator(lang);
  const choices = [{ code: 'skm', name: 'Indeks kepuasan', satuan: 'indeks', lowerIsBetter: false }];
  const name = 'rhk.0.indicators.0.measureCode';
  const state = (bound?: string): FormState => ({
    type: 'draftStandard',
    values: bound ? { [name]: bound } : ({} as Record<string, string>),
    errors: {},
  });

  it('offers the organisation’s measures, the bound one chosen, and keeps a binding it cannot offer', () => {
    const offered = measureField(t, state('skm'), name, choices).toString();
    expect(offered).toContain(`name="${name}"`);
    expect(offered).toMatch(/<option value="skm" selected>Indeks kepuasan \(indeks, /);
    expect(offered).toContain(t('measure.field'));
    expect(measureField(t, state('antrean'), name, choices).toString()).toContain(
      '<option value="antrean" selected>',
    );
    expect(measureField(t, state('skm'), name, []).toString()).toContain(
      `<input type="hidden" name="${name}" value="skm">`,
    );
    expect(measureField(t, state(), name, []).toString()).toBe('');
    const editor = standardFields(
      t,
      {
        type: 'draftStandard',
        values: { 'rhk.0.description': 'Layanan', 'rhk.0.indicators.0.description': 'Survei' },
        errors: {},
      },
      '/x',
      choices,
    ).toString();
    expect(editor).toContain(`name="${name}"`);
  });
});
