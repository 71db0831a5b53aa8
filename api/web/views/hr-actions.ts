// Small controls of the progress page: the results export (CSV and XLSX, the same file as the API's)
// and HR's form to set a unit's own predikat, which selects the unit's distribution rule.
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

export function predikatForm(
  t: Translate,
  f: { cycleId: string; unitCode: string; unitName: string; current: string | null },
): Html {
  const id = `predikat-${f.unitCode.replace(/[^\w-]/g, '-')}`;
  return h`<form method="post" action="/app/hr/predikat" class="predikat-form">
<input type="hidden" name="cycle" value="${f.cycleId}"><input type="hidden" name="unit" value="${f.unitCode}">
<input type="hidden" name="_key" value="${newFormKey()}">
<label for="${id}" class="sr-only">${t('setPredikat.label', { unit: f.unitName })}</label>
<select id="${id}" name="predikat" required><option value="">${t('field.choose')}</option>${unitPredikats.map(
    (p) =>
      h`<option value="${p}"${raw(p === f.current ? ' selected' : '')}>${t(`unitPredikat.${p}`)}</option>`,
  )}</select>
<button type="submit" class="secondary" aria-label="${t('setPredikat.submitLabel', { unit: f.unitName })}">${t('setPredikat.submit')}</button>
</form>`;
}
