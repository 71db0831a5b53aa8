// The progress page's periodic section: per period and unit, how many are rated, late (past the deadline
// unrated) and escalated; then the people late or escalated, by name, with whom the rating now waits on
// (the rater, the rater's superior, or HR) and its deadline in the cycle's zone.
import type { PeriodicProgress } from '../../../record/read/periodic.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { zonedDateTime } from './zoned-time.ts';

export interface PeriodicProgressView {
  cycleId: string;
  progress: PeriodicProgress;
  timeZone: string;
  unitNames: Map<string, string>;
}

export function periodicProgressSection(t: Translate, view: PeriodicProgressView): Html {
  const { units, late, lateTotal } = view.progress;
  const unit = (code: string) => view.unitNames.get(code) ?? code;
  const link = h`<p><a href="/app/hr/periodic?cycle=${encodeURIComponent(view.cycleId)}">${t('periodic.link')}</a></p>`;
  if (units.length === 0)
    return h`<section aria-labelledby="periodic-progress"><h2 id="periodic-progress">${t('periodic.progress')}</h2><p>${t('periodic.noProgress')}</p></section>`;
  const counts = ['employees', 'rated', 'late', 'escalated', 'missed'] as const;
  return h`<section aria-labelledby="periodic-progress"><h2 id="periodic-progress">${t('periodic.progress')}</h2>
<p class="hint">${t('periodic.progressHint')}</p>${link}
<div class="scroll"><table id="periodic-progress-table"><thead><tr><th scope="col">${t('periodic.period')}</th><th scope="col">${t('hr.unit')}</th>
${counts.map((c) => h`<th scope="col" class="num">${t(`periodic.${c}`)}</th>`)}</tr></thead>
<tbody>${units.map(
    (u) =>
      h`<tr class="${u.late > 0 ? 'bad' : ''}" data-period="${u.period}" data-unit="${u.unitCode}"><th scope="row">${u.period}</th><td>${unit(u.unitCode)}</td>${counts.map((c) => h`<td class="num">${u[c]}</td>`)}</tr>`,
  )}</tbody></table></div>
${
  late.length === 0
    ? ''
    : h`<h3 id="periodic-late">${t('periodic.lateList')}</h3>
<div class="scroll"><table id="periodic-late-table"><thead><tr><th scope="col">${t('periodic.period')}</th><th scope="col">${t('periodic.employee')}</th><th scope="col">${t('hr.unit')}</th><th scope="col">${t('periodic.holder')}</th><th scope="col">${t('periodic.state')}</th></tr></thead>
<tbody>${late.map((l) => {
        const name = l.holderName ?? (l.holderNip ? l.holderNip : t('periodic.holderUnknown'));
        const holder =
          l.holder === 'hr' ? t('periodic.holder.hr') : t(`periodic.holder.${l.holder}`, { name });
        const state = l.rated
          ? t('periodic.state.rated', {
              as: t(`periodic.as.${l.rated.as}`),
              predikat: t(`predikat.${l.rated.predikat}`),
            })
          : l.missed
            ? t('periodic.state.missed')
            : t('periodic.state.late', { deadline: zonedDateTime(t, l.deadline, view.timeZone) });
        return h`<tr class="${l.rated ? '' : 'bad'}" data-nip="${l.nip}"><td>${l.period}</td><th scope="row">${l.name}<div class="muted">${l.nip}</div></th><td>${unit(l.unitCode)}</td><td>${holder}</td><td>${state}</td></tr>`;
      })}</tbody></table></div>
${lateTotal > late.length ? h`<p class="muted">${t('periodic.moreLate', { count: lateTotal - late.length })}</p>` : ''}`
}</section>`;
}
