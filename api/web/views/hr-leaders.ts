// HR's page of unit heads: every unit with whoever leads it (their rating hasil kerja is the unit's
// capaian, and an independent unit's head writes the JPT form of the SKP), and for the unit chosen a
// search by name whose results are picked in the form (nobody types an 18-digit NIP).
import type { FoundPerson } from '../../../record/read/cycle-people.ts';
import { type FormState, stateFor } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { formKey, personPick, pickForm, searchForm } from './person-pick.ts';

export interface LeadersView {
  units: Array<{
    code: string;
    name: string;
    independent: boolean;
    headNip: string | null;
    headName: string | null;
  }>;
  /** The unit whose head is being named, and the search for them. */
  unit: string | null;
  q: string;
  found: FoundPerson[] | null;
  form: FormState | null;
  flash?: string;
}

export function leadersBody(t: Translate, view: LeadersView): Html {
  const chosen = view.units.find((u) => u.code === view.unit);
  return h`<p><a href="/app/hr/changes">← ${t('leaders.back')}</a></p>
${view.flash ? notice('ok', view.flash) : ''}
<p>${t('leaders.intro')}</p>
<div class="scroll"><table id="unit-heads"><thead><tr><th scope="col">${t('changes.unit')}</th><th scope="col">${t('leaders.head')}</th><th scope="col"></th></tr></thead>
<tbody>${view.units.map(
    (u) =>
      h`<tr><td>${u.name}${u.independent ? h` <span class="badge">${t('leaders.independent')}</span>` : ''}</td><td>${u.headNip ? h`${u.headName ?? u.headNip} <span class="muted">(${u.headNip})</span>` : t('leaders.none')}</td><td><a href="/app/hr/leaders?unit=${encodeURIComponent(u.code)}#name-head">${t('leaders.name')}</a></td></tr>`,
  )}</tbody></table></div>
${chosen ? headForm(t, view, chosen) : ''}`;
}

function headForm(t: Translate, view: LeadersView, unit: LeadersView['units'][number]): Html {
  const form = stateFor(view.form, 'unitHead');
  return h`<section class="card" aria-labelledby="name-head"><h2 id="name-head">${t('leaders.title', { unit: unit.name })}</h2>
${searchForm(t, {
  action: '/app/hr/leaders#name-head',
  hidden: h`<input type="hidden" name="unit" value="${unit.code}">`,
  name: 'q',
  label: t('leaders.search'),
  value: view.q,
})}
${pickForm(t, view.found, form, {
  action: `/app/hr/leaders/${encodeURIComponent(unit.code)}`,
  hidden: h`<input type="hidden" name="q" value="${view.q}">${formKey(form)}`,
  fields: (found) => personPick(t, form, { name: 'headNip', legend: t('leaders.pick') }, found),
  submit: t('leaders.submit'),
})}</section>`;
}
