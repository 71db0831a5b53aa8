// Small controls of the progress page and the periodic page: the cycle picker, the results export (CSV and
// XLSX, the same file as the API's), HR's form to set a unit's own predikat (the year's, or a period's
// capaian) as a delegate of the leader above, with the delegation's document, which selects the unit's
// distribution rule, and that rule's checks.
import type { DistributionViolation } from '../../../domain/rating/distribution.ts';
import {
  distributionRules,
  type UnitPredikat,
  unitPredikats,
} from '../../../domain/rating/distribution-rules.ts';
import { newFormKey } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';

/** A cycle's year as its name is shown: a practice year (training preset) marked as training. */
export function cycleYear(t: Translate, cycle: { year: number; training?: boolean }): string {
  return cycle.training ? t('cycle.trainingYear', { year: cycle.year }) : String(cycle.year);
}

/** The cycle to show, by its year and status. */
export function cycleSelect(
  t: Translate,
  cycles: Array<{ cycle_id: string; year: number; status: string; training?: boolean }>,
  selected: string,
): Html {
  return h`<div><label for="cycle">${t('hr.cycle')}</label>
<select id="cycle" name="cycle">${cycles.map(
    (c) =>
      h`<option value="${c.cycle_id}"${raw(c.cycle_id === selected ? ' selected' : '')}>${cycleYear(t, c)} (${t(`hr.status.${c.status}`)})</option>`,
  )}</select></div>`;
}

/**
 * Each rule the unit's predikat selects, kept (✓) or broken (✗, with the counts), or a dash without one.
 * With nobody rated (`rated` 0) no rule is marked met: an empty unit would meet every rule vacuously.
 */
export function ruleChecks(
  t: Translate,
  unitPredikat: UnitPredikat | null,
  broken: Map<string, DistributionViolation>,
  rated: number,
): Html {
  if (!unitPredikat) return h`–`;
  const none = rated === 0 ? h`<p class="muted">${t('hr.noneRated')}</p>` : '';
  return h`${none}<ul>${distributionRules[unitPredikat].map((r) => {
    const v = broken.get(r.code);
    const outcome = v
      ? h` <span class="bad-text">✗ ${t('hr.ruleBroken', { actual: v.actual, total: v.total, limit: v.limit })}</span>`
      : rated > 0
        ? h` <span class="ok-text">✓ ${t('hr.ruleOk')}</span>`
        : '';
    return h`<li>${t(`rule.${r.code}`)}${outcome}</li>`;
  })}</ul>`;
}

/** How many people a unit's counts per predikat hold. */
export const ratedCount = (counts: Readonly<Record<string, number | undefined>>): number =>
  Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);

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
<label for="${id}-document" class="sr-only">${t('capaian.documentField')}</label>
<input id="${id}-document" name="document" required maxlength="200" placeholder="${t('setPredikat.documentPlaceholder')}" style="width:auto;max-width:100%">
<button type="submit" class="secondary" aria-label="${submitLabel}">${t('setPredikat.submit')}</button>
</form>`;
}
