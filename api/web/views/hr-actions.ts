// Small controls of the progress page: the results export (CSV and XLSX, the same file as the API's)
// and HR's form to set a unit's own predikat (the year's, or a period's capaian), which selects the unit's
// distribution rule.
import { unitPredikats } from '../../../domain/rating/distribution-rules.ts';
import { newFormKey } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

export function exportLinks(t: Translate, cycleId: string): Html {
  const href = (format: string) => `/app/hr/export?cycle=${encodeURIComponent(cycleId)}&format=${format}`;
  return h`<section aria-labelledby="export" class="card"><h2 id="export">${t('export.title')}</h2>
<p class="hint">${t('export.hint')}</p>
<p class="actions"><a class="button" id="export-csv" href="${href('csv')}" download>${t('export.csv')}</a>
<a class="button" id="export-xlsx" href="${href('xlsx')}" download>${t('export.xlsx')}</a></p></section>`;
}

/** The year's predikat of a unit, or with `period` the unit's capaian for that evaluation period. */
export function predikatForm(
  t: Translate,
  f: { cycleId: string; unitCode: string; unitName: string; current: string | null; period?: string },
): Html {
  const id = `predikat-${f.unitCode.replace(/[^\w-]/g, '-')}`;
  const words = { unit: f.unitName, period: f.period ?? '' };
  const [label, submitLabel] = f.period
    ? [t('periodic.capaianLabel', words), t('periodic.capaianSubmitLabel', words)]
    : [t('setPredikat.label', words), t('setPredikat.submitLabel', words)];
  return h`<form method="post" action="/app/hr/predikat" class="predikat-form">
<input type="hidden" name="cycle" value="${f.cycleId}"><input type="hidden" name="unit" value="${f.unitCode}">
${f.period ? h`<input type="hidden" name="period" value="${f.period}">` : ''}<input type="hidden" name="_key" value="${newFormKey()}">
<label for="${id}" class="sr-only">${label}</label>
<select id="${id}" name="predikat" required><option value="">${t('field.choose')}</option>${unitPredikats.map(
    (p) =>
      h`<option value="${p}"${raw(p === f.current ? ' selected' : '')}>${t(`unitPredikat.${p}`)}</option>`,
  )}</select>
<button type="submit" class="secondary" aria-label="${submitLabel}">${t('setPredikat.submit')}</button>
</form>`;
}
