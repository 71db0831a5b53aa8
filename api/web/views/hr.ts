// HR and auditors: a cycle's progress per unit and step (a table and an SVG bar chart), the results
// export, and the predikat distribution per unit against the rule its unit predikat selects, with broken
// rules highlighted; HR sets each unit's predikat here. Cycles with evaluation periods add the periodic
// progress (periodic-progress.ts).
import { steps } from '../../../domain/appraisal/types.ts';
import { checkDistribution, type DistributionViolation } from '../../../domain/rating/distribution.ts';
import { type UnitPredikat, unitPredikats } from '../../../domain/rating/distribution-rules.ts';
import { type Predikat, predikats } from '../../../domain/rating/predikat.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleSelect, exportLinks, predikatForm, ratedCount, ruleChecks } from './hr-actions.ts';
import { type PeriodicProgressView, periodicProgressSection } from './periodic-progress.ts';
import { progressSvg } from './progress-chart.ts';

export interface DistributionUnit {
  unitCode: string;
  counts: Partial<Record<Predikat, number>>;
  unitPredikat: string | null;
  ok: boolean | null;
  violations: Array<{ rule: string }>;
  releasedAt: string | null;
}

export interface HrView {
  cycles: Array<{ cycle_id: string; year: number; status: string; launched: number }>;
  cycleId: string | null;
  progress: Record<string, Record<string, number>>;
  distribution: DistributionUnit[];
  unitNames: Map<string, string>;
  /** HR (not an auditor): each unit's predikat can be set here. */
  canSetPredikat?: boolean;
  /** A confirmation or a refusal of the last change, already in words. */
  flash?: { kind: 'ok' | 'error'; text: string };
  /** Cycles with evaluation periods: who is rated, late or escalated, per period and unit. */
  periodic?: PeriodicProgressView;
}

export function hrBody(t: Translate, view: HrView): Html {
  const cycle = view.cycles.find((c) => c.cycle_id === view.cycleId);
  if (!cycle) return notice('info', t('hr.noCycle'));
  return h`<form method="get" action="/app/hr" class="card inline">
${cycleSelect(t, view.cycles, cycle.cycle_id)}
<div class="actions"><button type="submit" class="secondary">${t('hr.show')}</button></div>
<p class="muted">${t('hr.launched', { count: cycle.launched })}</p>
</form>
${view.flash ? notice(view.flash.kind, view.flash.text) : ''}
${exportLinks(t, cycle.cycle_id)}
<section aria-labelledby="progress"><h2 id="progress">${t('hr.progress')}</h2>${progressTable(t, view)}${progressChart(t, view)}</section>
${view.periodic ? periodicProgressSection(t, view.periodic) : ''}
<section aria-labelledby="distribution"><h2 id="distribution">${t('hr.distribution')}</h2>${distributionTable(t, view)}</section>`;
}

const unitName = (view: HrView, code: string) => view.unitNames.get(code) ?? code;
const sortedUnits = (view: HrView) =>
  Object.keys(view.progress).sort((a, b) => unitName(view, a).localeCompare(unitName(view, b)));
const total = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);
/** The steps anyone is in: empty columns would only push the numbers off a phone's screen. */
const activeSteps = (view: HrView) =>
  steps.filter((s) => Object.values(view.progress).some((c) => (c[s] ?? 0) > 0));

function progressTable(t: Translate, view: HrView): Html {
  const units = sortedUnits(view);
  const shown = activeSteps(view);
  const column = (s: string) => units.reduce((sum, u) => sum + (view.progress[u]?.[s] ?? 0), 0);
  return h`<div class="scroll"><table id="progress-table"><thead><tr><th scope="col">${t('hr.unit')}</th>
${shown.map((s) => h`<th scope="col" class="num">${t(`step.${s}`)}</th>`)}<th scope="col" class="num">${t('hr.total')}</th></tr></thead>
<tbody>${units.map((u) => {
    const counts = view.progress[u] ?? {};
    return h`<tr><th scope="row">${unitName(view, u)}</th>${shown.map((s) => h`<td class="num">${counts[s] ?? 0}</td>`)}<td class="num"><strong>${total(counts)}</strong></td></tr>`;
  })}</tbody>
<tfoot><tr><th scope="row">${t('hr.total')}</th>${shown.map((s) => h`<td class="num">${column(s)}</td>`)}<td class="num"><strong>${units.reduce((sum, u) => sum + total(view.progress[u] ?? {}), 0)}</strong></td></tr></tfoot>
</table></div>`;
}

function progressChart(t: Translate, view: HrView): Html {
  return progressSvg(
    t,
    sortedUnits(view).map((u) => ({ code: u, name: unitName(view, u), counts: view.progress[u] ?? {} })),
  );
}

/** Units with ratings or calibration, and (for HR to set their predikat) every unit in the cycle. */
function distributionUnits(view: HrView): DistributionUnit[] {
  const listed = new Set(view.distribution.map((u) => u.unitCode));
  const more = view.canSetPredikat ? sortedUnits(view).filter((u) => !listed.has(u)) : [];
  return [
    ...view.distribution,
    ...more.map((unitCode) => ({
      unitCode,
      counts: {},
      unitPredikat: null,
      ok: null,
      violations: [],
      releasedAt: null,
    })),
  ];
}

function distributionTable(t: Translate, view: HrView): Html {
  const units = distributionUnits(view);
  if (units.length === 0) return h`<p>${t('hr.noDistribution')}</p>`;
  return h`<div class="scroll"><table id="distribution-table"><thead><tr><th scope="col">${t('hr.unit')}</th>
${predikats.map((p) => h`<th scope="col" class="num">${t(`predikat.${p}`)}</th>`)}<th scope="col">${t('hr.unitPredikat')}</th><th scope="col">${t('hr.rules')}</th></tr></thead>
<tbody>${units.map((u) => {
    const unitPredikat = (unitPredikats as readonly string[]).includes(u.unitPredikat ?? '')
      ? (u.unitPredikat as UnitPredikat)
      : null;
    const check = unitPredikat ? checkDistribution(unitPredikat, u.counts) : { ok: true as const };
    const broken = new Map<string, DistributionViolation>(
      check.ok ? [] : check.violations.map((v) => [v.rule, v]),
    );
    const held = broken.size > 0 || u.ok === false;
    const status = u.releasedAt
      ? t('hr.released', { date: t.date(u.releasedAt) })
      : held
        ? t('hr.held')
        : t('hr.notCalibrated');
    return h`<tr class="${held ? 'bad' : ''}"><th scope="row">${unitName(view, u.unitCode)}<div class="muted">${status}</div></th>
${predikats.map((p) => h`<td class="num">${u.counts[p] ?? 0}</td>`)}
<td>${unitPredikat ? t(`unitPredikat.${unitPredikat}`) : t('hr.unitPredikatUnset')}${
      view.canSetPredikat && !u.releasedAt && view.cycleId
        ? predikatForm(t, {
            cycleId: view.cycleId,
            unitCode: u.unitCode,
            unitName: unitName(view, u.unitCode),
            current: unitPredikat,
          })
        : ''
    }</td>
<td>${ruleChecks(t, unitPredikat, broken, ratedCount(u.counts))}</td></tr>`;
  })}</tbody></table></div>`;
}
