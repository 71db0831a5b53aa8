// The distribution calculator (kalkulator distribusi): a unit's capaian kinerja organisasi and how many of
// its people hold each predikat, checked against the pattern SE MenPANRB 3/2023 sets for that capaian, the
// same check calibration runs. For HR and leaders weighing ratings before they are final.
import { checkDistribution, type DistributionCheck } from '../../../domain/rating/distribution.ts';
import { type UnitPredikat, unitPredikats } from '../../../domain/rating/distribution-rules.ts';
import { type Predikat, predikats } from '../../../domain/rating/predikat.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { ruleChecklist } from './rule-checklist.ts';

export type CalculatorInput =
  | { ok: true; unit: UnitPredikat; counts: Record<Predikat, number> }
  | { ok: false; unit: string; counts: Record<string, string>; errors: Record<string, string> };

/** Reads the query: a unit capaian of the five and whole counts 0-100000 (an empty count is 0). */
export function parseCalculator(query: Record<string, string | undefined>): CalculatorInput | null {
  if (query.unit === undefined) return null;
  const errors: Record<string, string> = {};
  const unit = unitPredikats.find((u) => u === query.unit);
  if (!unit) errors.unit = 'calculator.error.unit';
  const counts = {} as Record<Predikat, number>;
  const raw: Record<string, string> = {};
  for (const p of predikats) {
    const text = (query[p] ?? '').trim();
    raw[p] = text;
    if (text === '') counts[p] = 0;
    else if (/^\d{1,6}$/.test(text) && Number(text) <= 100_000) counts[p] = Number(text);
    else errors[p] = 'calculator.error.count';
  }
  if (!unit || Object.keys(errors).length > 0) return { ok: false, unit: query.unit, counts: raw, errors };
  return { ok: true, unit, counts };
}

export function calculatorBody(t: Translate, input: CalculatorInput | null): Html {
  const unit = input?.unit ?? 'baik';
  const value = (p: Predikat) => (input ? String(input.counts[p] ?? '') : '');
  const error = (field: string) =>
    input && !input.ok && input.errors[field]
      ? h`<p class="error" id="${field}-error">${t(input.errors[field] ?? '')}</p>`
      : '';
  const invalid = (field: string) =>
    raw(
      input && !input.ok && input.errors[field]
        ? ` aria-invalid="true" aria-describedby="${field}-error"`
        : '',
    );
  return h`<p class="hint">${t('calculator.intro')}</p>
<form method="get" action="/app/rules/distribution" class="card" id="calculator">
<div><label for="unit">${t('calculator.unit')}</label>
<select id="unit" name="unit"${invalid('unit')}>${unitPredikats.map(
    (u) => h`<option value="${u}"${raw(u === unit ? ' selected' : '')}>${t(`unitPredikat.${u}`)}</option>`,
  )}</select>${error('unit')}</div>
<fieldset><legend>${t('calculator.counts')}</legend><div class="grid3">${predikats.map(
    (p) => h`<div><label for="${p}">${t(`predikat.${p}`)}</label>
<input type="text" id="${p}" name="${p}" inputmode="numeric" pattern="[0-9]*" value="${value(p)}"${invalid(p)}>${error(p)}</div>`,
  )}</div></fieldset>
<div class="actions"><button type="submit">${t('calculator.check')}</button></div>
</form>
${input?.ok ? result(t, input.unit, input.counts) : ''}`;
}

function result(t: Translate, unit: UnitPredikat, counts: Record<Predikat, number>): Html {
  const total = predikats.reduce((sum, p) => sum + counts[p], 0);
  const check: DistributionCheck | null = total === 0 ? null : checkDistribution(unit, counts);
  const verdict =
    check === null
      ? notice('info', t('calculator.nobody'))
      : check.ok
        ? notice('ok', t('calculator.conforms', { total }))
        : notice('error', t('calculator.deviates', { total, findings: check.violations.length }));
  return h`<section aria-labelledby="calculator-result" id="result"><h2 id="calculator-result">${t('calculator.result', { unit: t(`unitPredikat.${unit}`) })}</h2>
${verdict}${ruleChecklist(t, unit, check)}</section>`;
}
