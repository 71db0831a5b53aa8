// HR and auditors: the predikat of one evaluation period (or of the year, akhir) in front of whoever
// decides: the recap (NIP, name, unit, position, ratings, predikat) with its download, and each unit's
// distribution against the pattern its capaian for the period selects, flagged when outside it (never
// held: only the year's calibration holds a release). HR sets each unit's capaian for the period here.
import { annualPeriod } from '../../../domain/cycle/periods.ts';
import { predikats } from '../../../domain/rating/predikat.ts';
import type { CyclePeriods, PeriodUnitDistribution } from '../../../record/read/periodic.ts';
import type { PredikatRow } from '../../../record/read/predikat-export.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleSelect, predikatForm, ratedCount, ruleChecks } from './hr-actions.ts';
import { zonedDateTime } from './zoned-time.ts';

export interface PeriodicView {
  cycles: Array<{ cycle_id: string; year: number; status: string }>;
  cycleId: string | null;
  periods: CyclePeriods;
  /** The chosen period (TW1 ...) or `akhir`. */
  period: string;
  distribution: PeriodUnitDistribution[];
  preview: { rows: PredikatRow[]; total: number };
  unitNames: Map<string, string>;
  /** HR (not an auditor): each unit's capaian for the period can be set here. */
  canSetCapaian: boolean;
  flash?: { kind: 'ok' | 'error'; text: string };
}

/** "Evaluasi Triwulan I", "Evaluasi akhir (tahunan)": the period's name is the catalogue's periodName.*. */
export const periodName = (t: Translate, period: string) =>
  period === annualPeriod
    ? t('periodic.annualName')
    : t('periodic.periodName', { period: t(`periodName.${period}`) });

export function periodicBody(t: Translate, view: PeriodicView): Html {
  const cycle = view.cycles.find((c) => c.cycle_id === view.cycleId);
  if (!cycle) return notice('info', t('periodic.noCycle'));
  const window = view.periods.periods.find((p) => p.id === view.period);
  return h`<form method="get" action="/app/hr/periodic" class="card inline">
${cycleSelect(t, view.cycles, cycle.cycle_id)}
<div><label for="period">${t('periodic.period')}</label>
<select id="period" name="period">${view.periods.choices.map(
    (p) => h`<option value="${p}"${raw(p === view.period ? ' selected' : '')}>${periodName(t, p)}</option>`,
  )}</select></div>
<div class="actions"><button type="submit" class="secondary">${t('periodic.show')}</button></div>
</form>
${view.flash ? notice(view.flash.kind, view.flash.text) : ''}
${view.periods.kind === null ? notice('info', t('periodic.noPeriods')) : ''}
<h2 id="period-title">${periodName(t, view.period)}</h2>
${window ? h`<p>${t('periodic.deadline', { deadline: zonedDateTime(t, window.deadline, view.periods.timeZone) })}</p>` : ''}
${downloads(t, cycle.cycle_id, view.period)}
<section aria-labelledby="period-distribution"><h2 id="period-distribution">${t('periodic.distribution')}</h2>${
    view.period === annualPeriod
      ? h`<p><a href="/app/hr?cycle=${encodeURIComponent(cycle.cycle_id)}#distribution">${t('periodic.annualDistribution')}</a></p>`
      : distributionTable(t, view, cycle.cycle_id)
  }</section>
<section aria-labelledby="recap"><h2 id="recap">${t('periodic.table')}</h2>${recapTable(t, view)}</section>`;
}

function downloads(t: Translate, cycleId: string, period: string): Html {
  const href = (format: string) =>
    `/app/hr/periodic/export?cycle=${encodeURIComponent(cycleId)}&period=${encodeURIComponent(period)}&format=${format}`;
  return h`<section aria-labelledby="download" class="card"><h2 id="download">${t('periodic.download', { period })}</h2>
<p class="hint">${t('periodic.downloadHint')}</p>
<p class="actions"><a class="button" id="recap-csv" href="${href('csv')}" download>${t('export.csv')}</a>
<a class="button" id="recap-xlsx" href="${href('xlsx')}" download>${t('export.xlsx')}</a></p></section>`;
}

const unitName = (view: PeriodicView, code: string) => view.unitNames.get(code) ?? code;

function distributionTable(t: Translate, view: PeriodicView, cycleId: string): Html {
  if (view.distribution.length === 0) return h`<p>${t('periodic.noDistribution')}</p>`;
  return h`<p class="hint">${t('periodic.distributionHint')}</p>
<div class="scroll"><table id="period-distribution-table"><thead><tr><th scope="col">${t('hr.unit')}</th>
${predikats.map((p) => h`<th scope="col" class="num">${t(`predikat.${p}`)}</th>`)}<th scope="col">${t('periodic.capaian')}</th><th scope="col">${t('hr.rules')}</th></tr></thead>
<tbody>${view.distribution.map((u) => {
    const broken = new Map(u.check && !u.check.ok ? u.check.violations.map((v) => [v.rule, v]) : []);
    const outside = broken.size > 0;
    const status = u.check === null ? '' : outside ? t('periodic.outside') : t('periodic.inside');
    return h`<tr class="${outside ? 'bad' : ''}" data-unit="${u.unitCode}"><th scope="row">${unitName(view, u.unitCode)}<div class="${outside ? 'bad-text' : 'muted'}">${status}</div></th>
${predikats.map((p) => h`<td class="num">${u.counts[p] ?? 0}</td>`)}
<td>${u.unitPredikat ? t(`unitPredikat.${u.unitPredikat}`) : t('periodic.capaianUnset')}${
      view.canSetCapaian
        ? predikatForm(t, {
            cycleId,
            unitCode: u.unitCode,
            unitName: unitName(view, u.unitCode),
            current: u.unitPredikat,
            period: view.period,
          })
        : ''
    }</td>
<td>${ruleChecks(t, u.unitPredikat, broken, ratedCount(u.counts))}</td></tr>`;
  })}</tbody></table></div>`;
}

function recapTable(t: Translate, view: PeriodicView): Html {
  const { rows, total } = view.preview;
  if (rows.length === 0) return h`<p>${t('periodic.noRows')}</p>`;
  const rating = (r: string | null) => (r ? t(`rating.${r}`) : '–');
  return h`${rows.length < total ? h`<p class="muted">${t('periodic.shown', { shown: rows.length, total })}</p>` : ''}
<div class="scroll"><table id="recap-table"><thead><tr><th scope="col">NIP</th><th scope="col">${t('periodic.name')}</th><th scope="col">${t('hr.unit')}</th><th scope="col">${t('periodic.position')}</th><th scope="col">${t('periodic.results')}</th><th scope="col">${t('periodic.behaviour')}</th><th scope="col">${t('periodic.predikat')}</th></tr></thead>
<tbody>${rows.map(
    (r) =>
      h`<tr data-nip="${r.nip}"><td>${r.nip}</td><th scope="row">${r.name}</th><td>${r.unitName ?? r.unitCode}</td><td>${r.positionName ?? r.positionCode ?? '–'}</td><td>${rating(r.results)}</td><td>${rating(r.behaviour)}</td><td>${r.predikat ? t(`predikat.${r.predikat}`) : h`<span class="muted">${t('periodic.unrated')}</span>`}</td></tr>`,
  )}</tbody></table></div>`;
}
