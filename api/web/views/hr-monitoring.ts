// HR's monitoring per person (record/read/monitoring.ts): filters (cycle, unit, step, only those behind),
// the counts, and a row per person with where their appraisal stands, what is behind and who holds its
// open tasks; HR reminds the selected people, or everyone behind, from the list. The list refreshes by
// itself: a small script polls the same read as JSON and, when it changed, swaps the list in place.
import { steps } from '../../../domain/appraisal/types.ts';
import type { MonitoredPerson, Monitoring, WaitingTask } from '../../../record/read/monitoring.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleSelect } from './hr-actions.ts';

export interface MonitoringView {
  cycles: Array<{ cycle_id: string; year: number; status: string }>;
  monitoring: Monitoring | null;
  unitNames: Map<string, string>;
  /** HR (not an auditor): the reminder buttons. */
  canRemind: boolean;
  formKey: string;
  flash?: { kind: 'ok' | 'error'; text: string };
}

const filterQuery = (m: Monitoring) => {
  const q = new URLSearchParams({ cycle: m.cycleId });
  if (m.filter.unit) q.set('unit', m.filter.unit);
  if (m.filter.step) q.set('step', m.filter.step);
  if (m.filter.lateOnly) q.set('late', '1');
  return q.toString();
};

export function monitoringBody(t: Translate, view: MonitoringView): Html {
  const m = view.monitoring;
  if (!m) return notice('info', t('hr.noCycle'));
  const unit = (code: string) => view.unitNames.get(code) ?? code;
  const option = (value: string, label: string, chosen: string | null) =>
    h`<option value="${value}"${raw(value === (chosen ?? '') ? ' selected' : '')}>${label}</option>`;
  return h`<p>${t('monitoring.intro')}</p>
<form method="get" action="/app/hr/monitoring" class="card inline" id="monitoring-filter">
${cycleSelect(t, view.cycles, m.cycleId)}
<div><label for="f-unit">${t('monitoring.unit')}</label><select id="f-unit" name="unit">${option('', t('monitoring.all'), m.filter.unit)}${m.units.map((u) => option(u, unit(u), m.filter.unit))}</select></div>
<div><label for="f-step">${t('monitoring.step')}</label><select id="f-step" name="step">${option('', t('monitoring.all'), m.filter.step)}${steps.filter((s) => s !== 'cancelled').map((s) => option(s, t(`step.${s}`), m.filter.step))}</select></div>
<div><label class="check"><input type="checkbox" id="f-late" name="late" value="1"${raw(m.filter.lateOnly ? ' checked' : '')}> ${t('monitoring.lateOnly')}</label></div>
<div class="actions"><button type="submit" class="secondary">${t('monitoring.show')}</button></div>
</form>
${view.flash ? notice(view.flash.kind, view.flash.text) : ''}
<div id="monitoring-live" aria-live="polite" data-src="/app/hr/monitoring/data?${filterQuery(m)}">
${monitoringList(t, view, m)}
</div>
<script>${raw(liveScript)}</script>`;
}

/** The part that refreshes: the counts, the list and its reminder form. */
export function monitoringList(t: Translate, view: MonitoringView, m: Monitoring): Html {
  const c = m.counts;
  const counts: Array<[string, string]> = [
    [t('monitoring.count.people'), String(c.people)],
    [t('monitoring.count.late'), String(c.late)],
    [t('monitoring.count.acknowledged'), `${c.acknowledged}/${c.people}`],
    [t('monitoring.count.agreed'), `${c.agreed}/${c.people}`],
    ...m.periods.map((p): [string, string] => [
      t('monitoring.count.period', { period: t(`periodName.${p}`) }),
      `${c.periods[p]?.submitted ?? 0} / ${c.periods[p]?.rated ?? 0}`,
    ]),
    [t('monitoring.count.reviews'), `${c.reviewsComplete}/${c.people}`],
    [t('monitoring.count.rated'), `${c.rated}/${c.people}`],
  ];
  return h`<p class="muted" id="monitoring-as-of">${t('monitoring.asOf', { time: t.dateTime(m.asOf) })}</p>
<section aria-labelledby="monitoring-counts"><h2 id="monitoring-counts">${t('monitoring.counts')}</h2>
<dl class="counts" id="monitoring-count-list">${counts.map(([k, v]) => h`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl></section>
${m.people.length === 0 ? notice('info', t('monitoring.none')) : peopleForm(t, view, m)}`;
}

function peopleForm(t: Translate, view: MonitoringView, m: Monitoring): Html {
  const remind = view.canRemind;
  const hidden = (name: string, value: string | null) =>
    value ? h`<input type="hidden" name="${name}" value="${value}">` : '';
  return h`<form method="post" action="/app/hr/monitoring/remind" id="monitoring-form">
<input type="hidden" name="_key" value="${view.formKey}">${hidden('cycle', m.cycleId)}${hidden('unit', m.filter.unit)}${hidden('step', m.filter.step)}${hidden('late', m.filter.lateOnly ? '1' : null)}
<div class="scroll"><table id="monitoring-table"><thead><tr>
${remind ? h`<th scope="col"><span class="sr-only">${t('monitoring.select', { name: '' })}</span></th>` : ''}
<th scope="col">${t('monitoring.employee')}</th><th scope="col">${t('monitoring.unit')}</th><th scope="col">${t('monitoring.step')}</th>
<th scope="col">${t('monitoring.acknowledged')}</th><th scope="col">${t('monitoring.agreed')}</th>
${m.periods.map((p) => h`<th scope="col">${t(`periodName.${p}`)}</th>`)}
<th scope="col">${t('monitoring.reviews')}</th><th scope="col">${t('monitoring.rated')}</th>
</tr></thead>${m.people.map((p) => personRows(t, view, p, (remind ? 8 : 7) + m.periods.length))}</table></div>
${
  remind
    ? h`<p class="hint">${t('monitoring.remindHint')}</p>
<div class="actions"><button type="submit" name="intent" value="selected">${t('monitoring.remindSelected')}</button>
<button type="submit" name="intent" value="all" class="secondary"${raw(m.counts.toRemind === 0 ? ' disabled' : '')}>${t('monitoring.remindAll', { count: m.counts.toRemind })}</button></div>`
    : ''
}
</form>`;
}

/** A person: their row of where things stand, and below it what is behind and who holds their tasks. */
function personRows(t: Translate, view: MonitoringView, p: MonitoredPerson, columns: number): Html {
  const mark = (done: boolean) => (done ? '✓' : '✗');
  // Each cell names its column: on a phone the rows become cards and the labels show (layout.ts).
  const yesNo = (label: string, done: boolean) =>
    h`<td data-label="${label}" class="${done ? '' : 'bad'}"><span aria-hidden="true">${mark(done)}</span> ${t(done ? 'monitoring.yes' : 'monitoring.no')}</td>`;
  const late = p.behind.length > 0;
  const select =
    view.canRemind && late && p.tasks.length > 0
      ? h`<label class="check"><input type="checkbox" name="appraisal" value="${p.appraisalId}"> <span class="sr-only">${t('monitoring.select', { name: p.name })}</span></label>`
      : '';
  return h`<tbody class="${late ? 'bad' : ''}" data-nip="${p.nip}"><tr>
${view.canRemind ? h`<td class="pick" rowspan="2">${select}</td>` : ''}
<th scope="row">${p.name}<div class="muted">${p.nip}</div></th><td data-label="${t('monitoring.unit')}">${view.unitNames.get(p.unitCode) ?? p.unitCode}</td><td data-label="${t('monitoring.step')}">${t(`step.${p.step}`)}</td>
${yesNo(t('monitoring.acknowledged'), p.acknowledged)}${yesNo(t('monitoring.agreed'), p.agreed)}
${p.periods.map(
  (e) =>
    h`<td data-label="${t(`periodName.${e.id}`)}">${t('monitoring.period.submitted', { mark: mark(e.submitted) })}<br>${t('monitoring.period.rated', { mark: mark(e.rated) })}</td>`,
)}
<td data-label="${t('monitoring.reviews')}" class="num">${p.reviews.submitted}/${p.reviews.expected}</td>${yesNo(t('monitoring.rated'), p.rated)}
</tr><tr class="behind"><td colspan="${columns - (view.canRemind ? 1 : 0)}" data-label="${t('monitoring.behind')}">${late ? h`<ul class="plain">${p.behind.map((b) => h`<li>${behindText(t, b)}</li>`)}</ul>` : t('monitoring.onTime')}
${p.tasks.length > 0 ? h`<ul class="plain muted">${p.tasks.map((x) => h`<li>${taskText(t, x)}</li>`)}</ul>` : ''}</td>
</tr></tbody>`;
}

function behindText(t: Translate, behind: string): string {
  if (behind.startsWith('period:'))
    return t('monitoring.behind.period', { period: t(`periodName.${behind.slice('period:'.length)}`) });
  return t(`monitoring.behind.${behind}`);
}

function taskText(t: Translate, x: WaitingTask): string {
  const holder = x.holderName ?? (x.holderRole === 'hr' ? t('monitoring.holder.hr') : (x.holderNip ?? ''));
  const task = t(`task.${x.kind}`);
  const text = x.dueAt
    ? t('monitoring.task', { task, holder, due: t.dateTime(x.dueAt) })
    : t('monitoring.taskNoDue', { task, holder });
  return x.remindedAt ? `${text} · ${t('monitoring.reminded', { time: t.dateTime(x.remindedAt) })}` : text;
}

// Progressive enhancement: without script the page is complete. With it, the same read is polled as
// JSON; when anything but its time changed, the page is fetched again and the live part swapped in,
// keeping what was selected.
const liveScript = `(() => {
  const live = document.getElementById('monitoring-live');
  if (!live || !window.fetch) return;
  const every = Number(live.dataset.every || 5000);
  let last;
  const shape = (data) => JSON.stringify({ counts: data.counts, people: data.people });
  const poll = async () => {
    try {
      const response = await fetch(live.dataset.src, { credentials: 'same-origin' });
      if (!response.ok) return;
      const now = shape(await response.json());
      if (last !== undefined && now !== last) {
        const page = await fetch(location.href, { credentials: 'same-origin' });
        if (!page.ok) return;
        const fresh = new DOMParser().parseFromString(await page.text(), 'text/html').getElementById('monitoring-live');
        if (!fresh) return;
        const checked = [...live.querySelectorAll('input[name=appraisal]:checked')].map((x) => x.value);
        live.innerHTML = fresh.innerHTML;
        for (const box of live.querySelectorAll('input[name=appraisal]')) box.checked = checked.includes(box.value);
        live.dataset.refreshed = String(Number(live.dataset.refreshed || 0) + 1);
      }
      last = now;
    } finally {
      setTimeout(poll, every);
    }
  };
  poll();
})();`;
