// HR's employee pages: the list found by name or NIP (and unit), and one person's form: status, rank,
// position, unit, and the direct supervisor picked by name (a search, then a choice among the results).
import type { EmployeeRecord, UnitNode } from '../../../record/read/master-data.ts';
import { type FormState, newFormKey, radioGroup, selectField, textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { type ChangeLine, changesList, masterNav } from './master-data.ts';
import { nameSearch, personChoice } from './person-pick.ts';

export const listLimit = 200;

export function employeesBody(
  t: Translate,
  view: { people: EmployeeRecord[]; units: UnitNode[]; q: string; unit: string; saved: boolean },
): Html {
  return h`${masterNav(t, 'employees')}
${view.saved ? notice('ok', t('master.saved')) : ''}
<p>${t('master.employeesIntro')}</p>
<form method="get" action="/app/hr/employees" class="card inline" role="search">
<div><label for="q">${t('master.employeeSearch')}</label><input type="text" id="q" name="q" value="${view.q}" autocomplete="off"></div>
<div><label for="unit">${t('master.unitFilter')}</label><select id="unit" name="unit"><option value="">${t('master.allUnits')}</option>${view.units.map(
    (u) =>
      h`<option value="${u.code}"${u.code === view.unit ? h` selected` : ''}>${'· '.repeat(u.depth)}${u.name}</option>`,
  )}</select></div>
<div class="actions"><button type="submit" class="secondary">${t('master.search')}</button></div>
</form>
<p><a class="button" href="/app/hr/employees/new">${t('master.newEmployee')}</a> <a href="/app/hr/import/template.csv" download>${t('master.templateLink')}</a></p>
${view.people.length >= listLimit ? notice('info', t('master.limited', { n: listLimit })) : ''}
${
  view.people.length === 0
    ? notice('info', t('master.noneFound'))
    : h`<ul class="tasks" id="employees">${view.people.map(
        (
          p,
        ) => h`<li data-nip="${p.nip}"><a href="/app/hr/employees/${p.nip}">${p.name}</a>${p.active ? '' : h` <span class="badge">${t('master.inactive')}</span>`}
<div class="due">${t(`people.number.${p.employmentStatus}`)} <span class="mono">${p.nip}</span> · ${t(`people.status.${p.employmentStatus}`)} · ${p.rank ?? t('people.noRank')}</div>
<div class="due">${p.positionName ?? p.positionCode}, ${p.unitName ?? p.unitCode} · ${t('master.supervisor')}: ${p.supervisorName ?? t('people.none')}</div></li>`,
      )}</ul>`
}`;
}

export interface EmployeeFormView {
  state: FormState;
  /** The person being edited; null for a new one (the NIP typed once, as the person's own number). */
  person: EmployeeRecord | null;
  units: UnitNode[];
  positions: Array<{ code: string; name: string }>;
  supQ: string;
  found: Array<{ nip: string; name: string; position: string; unit: string }> | null;
  changes: ChangeLine[];
}

export function employeeFormBody(t: Translate, view: EmployeeFormView): Html {
  const { state, person } = view;
  const action = person ? `/app/hr/employees/${person.nip}` : '/app/hr/employees/new';
  const current = person?.supervisorNip
    ? [
        {
          value: person.supervisorNip,
          label: t('master.keep', { name: person.supervisorName ?? person.supervisorNip }),
        },
      ]
    : [];
  const supervisors = [
    ...current,
    ...(view.found ?? [])
      .filter((p) => p.nip !== person?.supervisorNip && p.nip !== person?.nip)
      .map(personChoice),
    { value: '', label: t('master.noSupervisor') },
  ];
  return h`${masterNav(t, 'employees')}
<p><a href="/app/hr/employees">${t('master.back')}</a></p>
<form method="get" action="${action}" class="card" role="search">
${nameSearch({ name: 'supQ', label: t('master.supervisorSearch'), value: view.supQ, search: t('master.search') })}
${view.found !== null && view.found.length === 0 ? notice('info', t('master.noneFound')) : ''}
</form>
<form method="post" action="${action}" class="card" id="employee-form">
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${Object.keys(state.errors).length > 0 && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
<input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">
<input type="hidden" name="supQ" value="${view.supQ}">
${
  person
    ? h`<p><strong>${t(`people.number.${person.employmentStatus}`)}:</strong> <span class="mono">${person.nip}</span></p>`
    : textField(t, state, { name: 'nip', label: t('master.nip'), hint: t('master.nipHint') })
}
${textField(t, state, { name: 'name', label: t('master.name') })}
${textField(t, state, { name: 'email', label: t('master.email') })}
<div class="grid2"><div>${selectField(t, state, {
    name: 'unitCode',
    label: t('master.unitFilter'),
    options: view.units.map((u) => ({ value: u.code, label: `${'· '.repeat(u.depth)}${u.name}` })),
  })}</div><div>${selectField(t, state, {
    name: 'positionCode',
    label: t('people.position'),
    options: view.positions.map((p) => ({ value: p.code, label: p.name })),
  })}</div></div>
<div class="grid2"><div>${selectField(t, state, {
    name: 'employmentStatus',
    label: t('master.status'),
    options: [
      { value: 'PNS', label: t('people.status.PNS') },
      { value: 'PPPK', label: t('people.status.PPPK') },
    ],
    optional: true,
  })}</div><div>${textField(t, state, { name: 'rank', label: t('master.rank'), hint: t('master.rankHint'), optional: true })}</div></div>
${selectField(t, state, {
  name: 'language',
  label: t('master.language'),
  options: [
    { value: 'id', label: t('master.language.id') },
    { value: 'en', label: t('master.language.en') },
  ],
  optional: true,
})}
${radioGroup(t, state, { name: 'supervisorNip', legend: t('master.supervisorPick'), options: supervisors, hint: t('master.supervisorSearch') })}
<div class="actions"><button type="submit">${t('master.save')}</button></div>
</form>
${person ? changesList(t, view.changes) : ''}`;
}
