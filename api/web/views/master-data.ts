// HR's master data pages: the unit tree and a unit's form, the positions and a position's form (kind and
// default indicators), shared pieces (sub-navigation, the edit history, the errors of the API's rules in
// the page's language). Employees are in master-employees.ts.
import type { FieldError } from '../../../domain/organisation/master-data.ts';
import { indicatorAspects, positionKinds } from '../../../domain/organisation/master-data.ts';
import type { PositionRecord, UnitNode } from '../../../record/read/master-data.ts';
import { type FormState, newFormKey, radioGroup, selectField, textField } from '../forms.ts';
import { type Html, h, raw } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';
import { nameSearch, personChoice } from './person-pick.ts';

export type MasterTab = 'units' | 'positions' | 'employees' | 'organisation';

export function masterNav(t: Translate, current: MasterTab): Html {
  const tabs: Array<[MasterTab, string]> = [
    ['units', '/app/hr/units'],
    ['positions', '/app/hr/positions'],
    ['employees', '/app/hr/employees'],
    ['organisation', '/app/hr/organisation'],
  ];
  return h`<nav class="subnav" aria-label="${t('nav.hrMaster')}">${tabs.map(
    ([tab, href]) =>
      h`<a href="${href}"${raw(tab === current ? ' aria-current="page"' : '')}>${t(`master.${tab}`)}</a>`,
  )}</nav>`;
}

/** The rules' reasons (in English, from the domain) as catalogue keys of this page's language. */
const reasonKeys: Array<[RegExp, string]> = [
  [/is required|too_small|must have at least/, 'master.error.required'],
  [/longer than/, 'master.error.tooLong'],
  [/^unknown unit/, 'master.error.unknownUnit'],
  [/^unknown position/, 'master.error.unknownPosition'],
  [/lies under/, 'master.error.underItself'],
  [/^no employee with NIP/, 'master.error.headUnknown'],
  [/must be JPT, JA or JF/, 'master.error.kind'],
  [/must be kuantitas/, 'master.error.aspect'],
  [/not an email/, 'master.error.email'],
  [/own supervisor/, 'master.error.ownSupervisor'],
  [/reports to/, 'master.error.supervisorCircle'],
  [/^no employee with NIP .* in the organisation|supervisor's row/, 'master.error.unknownSupervisor'],
  [/^is (PNS|PPPK), but|must be PNS or PPPK/, 'master.error.status'],
];
const fieldKeys: Record<string, string> = {
  nip: 'master.error.nip',
  rank: 'master.error.rank',
  supervisorNip: 'master.error.unknownSupervisor',
};

/** Field → catalogue key, the first error of each field; a form's own field names are the API's. */
export function errorKeys(errors: FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    if (out[e.field]) continue;
    const key =
      (e.field === 'supervisorNip' && /^no employee/.test(e.message)
        ? 'master.error.unknownSupervisor'
        : reasonKeys.find(([pattern]) => pattern.test(e.message))?.[1]) ??
      fieldKeys[e.field] ??
      'master.error.invalid';
    out[e.field] = key;
  }
  return out;
}

export interface ChangeLine {
  at: Date;
  byNip: string;
  byName: string | null;
  /** The record as recorded; an import says so (`via: 'import'`, the file's line). */
  after?: unknown;
}

/** "by import, line 12": a bulk import's entry on a record's trail, told apart from a hand edit. */
function importNote(t: Translate, after: unknown): string {
  const a = after as { via?: unknown; line?: unknown } | null | undefined;
  if (a?.via !== 'import') return '';
  return ` · ${typeof a.line === 'number' ? t('master.viaImportLine', { line: a.line }) : t('master.viaImport')}`;
}

export function changesList(t: Translate, changes: ChangeLine[]): Html {
  return h`<section aria-labelledby="changes"><h2 id="changes">${t('master.changes')}</h2>${
    changes.length === 0
      ? h`<p class="muted">${t('master.noChanges')}</p>`
      : h`<ul id="change-list">${changes.map(
          (c) =>
            h`<li>${t('master.changeLine', { when: t.dateTime(c.at), who: `${c.byName ?? c.byNip} (${c.byNip})` })}${importNote(t, c.after)}</li>`,
        )}</ul>`
  }</section>`;
}

const formTop = (t: Translate, state: FormState) =>
  h`${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
${Object.keys(state.errors).length > 0 && !state.formError ? h`<p class="notice error" role="alert">${t('error.heading')}</p>` : ''}
<input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">`;

// ---- units ----

export function unitsBody(t: Translate, units: UnitNode[], saved: boolean): Html {
  return h`${masterNav(t, 'units')}
${saved ? notice('ok', t('master.saved')) : ''}
<p>${t('master.unitsIntro')}</p>
<p><a class="button" href="/app/hr/units/edit">${t('master.newUnit')}</a></p>
<ul class="tree" id="unit-tree">${units.map(
    (u) =>
      h`<li style="margin-left:${Math.min(u.depth, 6) * 1.25}rem" data-code="${u.code}"><a href="/app/hr/units/edit?code=${encodeURIComponent(u.code)}">${u.name}</a> <span class="muted mono">${u.code}</span>
<br><span class="muted">${t('master.head')}: ${u.headName ?? t('people.none')} · ${t('master.people')}: ${u.people}${u.independent ? h` · <span class="badge">${t('master.independent').split(' (')[0]}</span>` : ''}</span></li>`,
  )}</ul>`;
}

export interface UnitFormView {
  state: FormState;
  /** Editing an existing unit (its code fixed), or a new one. */
  existing: boolean;
  units: UnitNode[];
  headQ: string;
  /** The people found by the head search; null before a search. */
  found: Array<{ nip: string; name: string; position: string; unit: string }> | null;
  currentHead: { nip: string; name: string } | null;
  changes: ChangeLine[];
}

export function unitFormBody(t: Translate, view: UnitFormView): Html {
  const { state } = view;
  const code = state.values.code ?? '';
  const options = view.units
    .filter((u) => u.code !== code)
    .map((u) => ({ value: u.code, label: `${'· '.repeat(u.depth)}${u.name}` }));
  const headOptions = [
    { value: '', label: t('master.noHead') },
    ...(view.currentHead
      ? [{ value: view.currentHead.nip, label: t('master.keep', { name: view.currentHead.name }) }]
      : []),
    ...(view.found ?? []).filter((p) => p.nip !== view.currentHead?.nip).map(personChoice),
  ];
  return h`${masterNav(t, 'units')}
<p><a href="/app/hr/units">${t('master.back')}</a></p>
<form method="get" action="/app/hr/units/edit" class="card" role="search">
${view.existing ? h`<input type="hidden" name="code" value="${code}">` : ''}
${nameSearch({ name: 'headQ', label: t('master.headSearch'), value: view.headQ, search: t('master.search') })}
${view.found !== null && view.found.length === 0 ? notice('info', t('master.noneFound')) : ''}
</form>
<form method="post" action="/app/hr/units/edit" class="card" id="unit-form">
${formTop(t, state)}
${
  view.existing
    ? h`<input type="hidden" name="code" value="${code}"><p><strong>${t('master.code')}:</strong> <span class="mono">${code}</span></p>`
    : textField(t, state, { name: 'code', label: t('master.code'), hint: t('master.codeHint') })
}
${textField(t, state, { name: 'name', label: t('master.name') })}
${selectField(t, state, { name: 'parentCode', label: t('master.parent'), options, optional: true })}
${radioGroup(t, state, { name: 'headNip', legend: t('master.headPick'), options: headOptions })}
<label class="check"><input type="checkbox" name="independent" value="1"${raw(state.values.independent ? ' checked' : '')}> ${t('master.independent')}</label>
<div class="actions"><button type="submit">${t('master.save')}</button></div>
</form>
${view.existing ? changesList(t, view.changes) : ''}`;
}

// ---- positions ----

export function positionsBody(t: Translate, positions: PositionRecord[], q: string, saved: boolean): Html {
  return h`${masterNav(t, 'positions')}
${saved ? notice('ok', t('master.saved')) : ''}
<p>${t('master.positionsIntro')}</p>
<form method="get" action="/app/hr/positions" class="card inline" role="search">
<div><label for="q">${t('master.positionSearch')}</label><input type="text" id="q" name="q" value="${q}" autocomplete="off"></div>
<div class="actions"><button type="submit" class="secondary">${t('master.search')}</button></div>
</form>
<p><a class="button" href="/app/hr/positions/edit">${t('master.newPosition')}</a></p>
${
  positions.length === 0
    ? notice('info', t('master.noneFound'))
    : h`<div class="scroll"><table id="positions"><thead><tr><th scope="col">${t('master.name')}</th><th scope="col">${t('master.kind')}</th><th scope="col">${t('master.indicators')}</th><th scope="col" class="num">${t('master.people')}</th></tr></thead>
<tbody>${positions.map(
        (p) =>
          h`<tr data-code="${p.code}"><td><a href="/app/hr/positions/edit?code=${encodeURIComponent(p.code)}">${p.name}</a> <span class="muted mono">${p.code}</span></td><td>${p.kind}</td><td>${t('master.indicatorCount', { n: p.defaultIndicators.length })}</td><td class="num">${p.people}</td></tr>`,
      )}</tbody></table></div>`
}`;
}

/** Rows shown for default indicators: the position's own and two empty ones to add. */
export const indicatorRows = (count: number) => Math.min(count + 2, 50);

export function positionFormBody(
  t: Translate,
  view: { state: FormState; existing: boolean; rows: number; changes: ChangeLine[] },
): Html {
  const { state } = view;
  const code = state.values.code ?? '';
  const aspects = indicatorAspects.map((a) => ({ value: a, label: t(`aspect.${a}`) }));
  return h`${masterNav(t, 'positions')}
<p><a href="/app/hr/positions">${t('master.back')}</a></p>
<form method="post" action="/app/hr/positions/edit" class="card" id="position-form">
${formTop(t, state)}
<input type="hidden" name="rows" value="${view.rows}">
${
  view.existing
    ? h`<input type="hidden" name="code" value="${code}"><p><strong>${t('master.code')}:</strong> <span class="mono">${code}</span></p>`
    : textField(t, state, { name: 'code', label: t('master.code'), hint: t('master.codeHint') })
}
${textField(t, state, { name: 'name', label: t('master.name') })}
${radioGroup(t, state, {
  name: 'kind',
  legend: t('master.kind'),
  options: positionKinds.map((k) => ({ value: k, label: t(`master.kind.${k}`) })),
})}
${textField(t, state, { name: 'duties', label: t('master.duties'), kind: 'textarea', hint: t('master.dutiesHint'), optional: true })}
<h2>${t('master.indicators')}</h2><p class="hint">${t('master.indicatorHint')}</p>
${Array.from(
  { length: view.rows },
  (_, i) => h`<fieldset><legend>${t('master.indicator', { n: i + 1 })}</legend>
${textField(t, state, { name: `defaultIndicators.${i}.description`, label: t('master.description'), optional: true })}
<div class="grid2"><div>${selectField(t, state, { name: `defaultIndicators.${i}.aspect`, label: t('master.aspect'), options: aspects, optional: true })}</div>
<div>${textField(t, state, { name: `defaultIndicators.${i}.target`, label: t('master.target'), optional: true })}</div></div></fieldset>`,
)}
<div class="actions"><button type="submit">${t('master.save')}</button></div>
</form>
${view.existing ? changesList(t, view.changes) : ''}`;
}
