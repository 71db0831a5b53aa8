// HR's page of unit heads: every unit with whoever leads it (their rating hasil kerja is the unit's
// capaian, and an independent unit's head writes the JPT form of the SKP), and for the unit chosen a
// search by name whose results are picked in the form (nobody types an 18-digit NIP).
import type { FoundPerson } from '../../../record/read/cycle-people.ts';
import { type FormState, newFormKey, radioGroup, stateFor } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

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
  const found = view.found;
  return h`<section class="card" aria-labelledby="name-head"><h2 id="name-head">${t('leaders.title', { unit: unit.name })}</h2>
<form method="get" action="/app/hr/leaders#name-head">
<input type="hidden" name="unit" value="${unit.code}">
<label for="q">${t('leaders.search')}</label>
<input type="text" id="q" name="q" value="${view.q}" minlength="2" required autocomplete="off">
<div class="actions"><button type="submit" class="secondary">${t('changes.search')}</button></div>
</form>
${
  found === null
    ? ''
    : found.length === 0
      ? notice('info', t('changes.noneFound'))
      : h`<form method="post" action="/app/hr/leaders/${encodeURIComponent(unit.code)}">
${form?.formError ? h`<p class="notice error" role="alert">${form.formError}</p>` : ''}
<input type="hidden" name="q" value="${view.q}"><input type="hidden" name="_key" value="${form?.values._key ?? newFormKey()}">
${radioGroup(t, form, {
  name: 'headNip',
  legend: t('leaders.pick'),
  options: found.map((p) => ({ value: p.nip, label: `${p.name} · ${p.position}, ${p.unit}` })),
})}
<div class="actions"><button type="submit">${t('leaders.submit')}</button></div>
</form>`
}</section>`;
}
