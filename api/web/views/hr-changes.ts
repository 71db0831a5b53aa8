// HR's page of changes during the year: find a member of the running cycle by name, see their appraisal
// as it stands (step, rater, the rater's superior, acting raters, every open task and who holds it), and
// correct the rater, appoint an acting rater (Plt/Plh) or record a mutasi or promotion (hr-mutasi.ts), each
// picked by name from a search (nobody types
// an 18-digit NIP); for one who left (a cancelled appraisal) and came back, start a new appraisal. Works without script: each search is a GET form, the choice and the change one POST
// form.
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import type { FoundPerson } from '../../../record/read/cycle-people.ts';
import type { CycleSummary } from '../../../record/read/cycles.ts';
import { type FormState, stateFor, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { cycleYear } from './hr-actions.ts';
import { memberHidden, memberSearch, reasonAndDate } from './hr-change-form.ts';
import { type MutasiChoices, mutasiSection, skpPeriodsList } from './hr-mutasi.ts';
import { formKey, personPick, pickForm } from './person-pick.ts';

export interface ChangesSearchView {
  cycles: CycleSummary[];
  cycleId: string | null;
  q: string;
  /** null before a search. */
  found: FoundPerson[] | null;
}

export interface MemberChangesView extends MutasiChoices {
  cycleId: string;
  person: FoundPerson;
  appraisal: AppraisalState;
  /** NIP → name of everyone the page names. */
  names: ReadonlyMap<string, string>;
  raterQ: string;
  raterFound: FoundPerson[] | null;
  actingQ: string;
  actingFound: FoundPerson[] | null;
  form: FormState | null;
  /** Today in the organisation's zone (YYYY-MM-DD), the latest effective date. */
  today: string;
  zone: string;
  flash?: { kind: 'ok' | 'error'; text: string };
}

const cycleQuery = (cycleId: string) => `cycle=${encodeURIComponent(cycleId)}`;
export const memberPath = (cycleId: string, nip: string) =>
  `/app/hr/changes/${encodeURIComponent(nip)}?${cycleQuery(cycleId)}`;

/** Search form and results: the way to a member. */
export function changesSearchBody(t: Translate, view: ChangesSearchView): Html {
  if (!view.cycleId) return notice('info', t('changes.noCycle'));
  const { cycleId } = view;
  return h`<p>${t('changes.intro')}</p>
<p><a href="/app/hr/leaders">${t('leaders.link')}</a></p>
<form method="get" action="/app/hr/changes" class="card">
${
  view.cycles.length > 1
    ? h`<label for="cycle">${t('hr.cycle')}</label><select id="cycle" name="cycle">${view.cycles.map(
        (c) =>
          h`<option value="${c.cycle_id}"${raw(c.cycle_id === cycleId ? ' selected' : '')}>${cycleYear(t, c)}</option>`,
      )}</select>`
    : h`<input type="hidden" name="cycle" value="${cycleId}">`
}
<label for="q">${t('changes.searchEmployee')}</label>
<p class="hint" id="q-hint">${t('changes.searchHint')}</p>
<input type="text" id="q" name="q" value="${view.q}" minlength="2" required aria-describedby="q-hint" autocomplete="off">
<div class="actions"><button type="submit">${t('changes.search')}</button></div>
</form>
${view.found === null ? '' : foundList(t, view.found, (p) => memberPath(cycleId, p.nip))}`;
}

function foundList(t: Translate, found: FoundPerson[], href: (p: FoundPerson) => string): Html {
  if (found.length === 0) return notice('info', t('changes.noneFound'));
  return h`<p class="muted" role="status">${t('changes.found', { count: found.length })}</p>
<ul class="tasks" id="found">${found.map(
    (p) => h`<li><a href="${href(p)}">${p.name}</a><div class="due">${p.position} · ${p.unit}</div></li>`,
  )}</ul>`;
}

/** One member's appraisal as it stands, and the forms that change its people. */
export function memberChangesBody(t: Translate, view: MemberChangesView): Html {
  const { person, appraisal: a } = view;
  const p = a.participants;
  const name = (nip: string | null) =>
    nip === null ? t('changes.nobody') : h`${view.names.get(nip) ?? nip} <span class="muted">(${nip})</span>`;
  const tasks = Object.values(a.openTasks);
  return h`<p><a href="/app/hr/changes?${cycleQuery(view.cycleId)}">← ${t('changes.back')}</a></p>
${view.flash ? notice(view.flash.kind, view.flash.text) : ''}
${unshownRefusal(view)}
<section class="card" aria-labelledby="case"><h2 id="case">${t('changes.case', { name: person.name })}</h2>
<dl class="facts"><dt>NIP</dt><dd>${person.nip}</dd>
<dt>${t('changes.unit')}</dt><dd>${person.unit}</dd><dt>${t('changes.position')}</dt><dd>${person.position}</dd>
<dt>${t('changes.step')}</dt><dd><span class="badge">${t(`step.${a.step}`)}</span></dd>
<dt>${t('changes.rater')}</dt><dd id="rater">${name(p.supervisorNip)}</dd>
<dt>${t('changes.superior')}</dt><dd id="superior">${name(p.superiorNip)}</dd>
${a.acting ? h`<dt>${t('changes.actingNow')}</dt><dd id="acting">${name(a.acting.nip)}</dd>` : ''}</dl>
${appointments(t, view)}
${skpPeriodsList(t, view)}
<h3>${t('changes.openTasks')}</h3>
${
  tasks.length === 0
    ? h`<p class="muted">${t('changes.noTasks')}</p>`
    : h`<div class="scroll"><table id="open-tasks"><thead><tr><th scope="col">${t('changes.task')}</th><th scope="col">${t('changes.holder')}</th><th scope="col">${t('changes.due')}</th></tr></thead>
<tbody>${tasks.map(
        (task) =>
          h`<tr><td>${t(`task.${task.kind}`)}</td><td>${task.assigneeNip === null ? t('changes.hr') : name(task.assigneeNip)}</td><td>${task.dueAt ? t.dateTime(task.dueAt) : t('changes.noDue')}</td></tr>`,
      )}</tbody></table></div>`
}</section>
${
  a.step === 'cancelled'
    ? rejoinSection(t, view)
    : a.step === 'completed'
      ? ''
      : h`${raterSection(t, view)}${actingSection(t, view)}${mutasiSection(t, view)}`
}`;
}

/**
 * A refusal of a form the appraisal as it is now has no place for (a return sent twice: the new appraisal
 * runs), said above the case.
 */
function unshownRefusal(view: MemberChangesView): Html | string {
  const { form, appraisal } = view;
  if (!form?.formError) return '';
  const cancelled = appraisal.step === 'cancelled';
  const shown = form.type === 'rejoin' ? cancelled : !cancelled && appraisal.step !== 'completed';
  return shown ? '' : notice('error', form.formError);
}

/** A cancelled appraisal: the employee left; if they came back, a new appraisal starts in the cycle. */
function rejoinSection(t: Translate, view: MemberChangesView): Html {
  const form = stateFor(view.form, 'rejoin');
  return h`<section class="card" aria-labelledby="rejoin"><h2 id="rejoin">${t('changes.rejoinTitle')}</h2>
<p>${t('changes.cancelledBecause', { reason: view.appraisal.cancelledReason ?? '–' })}</p>
<p class="hint">${t('changes.rejoinHint')}</p>
<form method="post" action="/app/hr/changes/${encodeURIComponent(view.person.nip)}/rejoin">
${form?.formError ? h`<p class="notice error" role="alert">${form.formError}</p>` : ''}
<input type="hidden" name="cycle" value="${view.cycleId}">
${formKey(form)}
${reasonAndDate(t, view, form, t('changes.backFrom'))}
<div class="actions"><button type="submit">${t('changes.submitRejoin')}</button></div>
</form></section>`;
}

function appointments(t: Translate, view: MemberChangesView): Html {
  const list = view.appraisal.actingAppointments ?? [];
  if (list.length === 0) return h``;
  // The last day is the one before the range's end (00:00 the day after it).
  const lastDay = (endsAt: string) => t.date(new Date(Date.parse(endsAt) - 1));
  return h`<h3>${t('changes.appointments')}</h3><ul id="appointments">${list.map(
    (x) =>
      h`<li>${t('changes.appointment', {
        name: view.names.get(x.actingNip) ?? x.actingNip,
        from: t.date(x.startsAt),
        to: lastDay(x.endsAt),
        zone: view.zone,
        status: t(`changes.status.${x.status}`),
      })}</li>`,
  )}</ul>`;
}

function actingSection(t: Translate, view: MemberChangesView): Html {
  const form = stateFor(view.form, 'appointActing');
  const rangeHint = t('changes.rangeHint', { zone: view.zone });
  return h`<section class="card" aria-labelledby="acting-rater"><h2 id="acting-rater">${t('changes.actingTitle')}</h2>
<p class="hint">${t('changes.actingHint')}</p>
${memberSearch(t, view, { query: 'actingQ', label: t('changes.actingSearch'), anchor: 'acting-rater' })}
${pickForm(t, view.actingFound, form, {
  action: `/app/hr/changes/${encodeURIComponent(view.person.nip)}/acting-rater`,
  hidden: memberHidden(view.cycleId, 'actingQ', view.actingQ, form),
  fields: (found) => h`${personPick(t, form, { name: 'actingNip', legend: t('changes.actingPick') }, found)}
<div class="grid2"><div>${textField(t, form, { name: 'from', label: t('changes.from'), kind: 'date', value: view.today, hint: rangeHint })}</div>
<div>${textField(t, form, { name: 'to', label: t('changes.to'), kind: 'date', hint: rangeHint })}</div></div>
${textField(t, form, { name: 'reason', label: t('changes.reason'), kind: 'textarea' })}`,
  submit: t('changes.submitActing'),
})}</section>`;
}

function raterSection(t: Translate, view: MemberChangesView): Html {
  const form = stateFor(view.form, 'changeRater');
  return h`<section class="card" aria-labelledby="rater-change"><h2 id="rater-change">${t('changes.raterTitle')}</h2>
<p class="hint">${t('changes.raterHint')}</p>
${memberSearch(t, view, { query: 'raterQ', label: t('changes.raterSearch'), anchor: 'rater-change' })}
${pickForm(t, view.raterFound, form, {
  action: `/app/hr/changes/${encodeURIComponent(view.person.nip)}/rater`,
  hidden: memberHidden(view.cycleId, 'raterQ', view.raterQ, form),
  fields: (found) => h`${personPick(t, form, { name: 'raterNip', legend: t('changes.raterPick') }, found)}
${reasonAndDate(t, view, form, t('changes.effectiveDate'))}`,
  submit: t('changes.submitRater'),
})}</section>`;
}
