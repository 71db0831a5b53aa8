// The mutasi or promotion part of HR's page of changes (hr-changes.ts): the year's SKP periods as they
// stand, and the form that closes the current one and opens the next. The new unit and position are
// chosen by name from the organisation's lists, the new rater by name from a search (no NIP typed); the
// effective date is a day of the organisation's zone.
import type { AppraisalState } from '../../../domain/appraisal/state.ts';
import type { FoundPerson } from '../../../record/read/cycle-people.ts';
import { type FormState, radioGroup, selectField, stateFor } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { memberHidden, memberSearch, reasonAndDate } from './hr-change-form.ts';
import { type PersonFound, personPick, pickForm } from './person-pick.ts';

export interface MutasiChoices {
  units: Array<{ code: string; name: string }>;
  positions: Array<{ code: string; name: string }>;
  mutasiQ: string;
  /** null before a search. */
  mutasiFound: FoundPerson[] | null;
  /** The people the member rates in the cycle now: a mutasi gives them another rater. */
  reports: Array<{ nip: string; name: string }>;
  /** The one other holder of the member's post, who rates them by default; null: HR picks. */
  successor: FoundPerson | null;
}

/** What this part reads of the member's page (hr-changes.ts). */
interface MutasiView extends MutasiChoices {
  cycleId: string;
  person: FoundPerson;
  appraisal: AppraisalState;
  names: ReadonlyMap<string, string>;
  form: FormState | null;
  today: string;
  zone: string;
}

/** The SKP periods of the year: each closed one with its post, rater and evaluation periods, then the open one; days as the evaluation file writes them. */
export function skpPeriodsList(t: Translate, view: MutasiView): Html | string {
  const a = view.appraisal;
  const closed = a.closedSkpPeriods ?? [];
  if (closed.length === 0 || !a.skpPeriod) return '';
  const unit = (code: string) => view.units.find((u) => u.code === code)?.name ?? code;
  const position = (code: string) => view.positions.find((p) => p.code === code)?.name ?? code;
  const rater = (nip: string | null) => (nip === null ? t('changes.hr') : (view.names.get(nip) ?? nip));
  const p = a.participants;
  return h`<h3>${t('changes.skpPeriods')}</h3><ol id="skp-periods">${closed.map(
    (c) =>
      h`<li>${t('changes.skpPeriod', {
        number: c.number,
        position: position(c.positionCode),
        unit: unit(c.unitCode),
        rater: rater(c.raterNip),
        from: c.from ? t.date(c.from) : t('changes.yearStart'),
        until: t.date(c.until),
        periods: c.periods.join(', ') || t('changes.none'),
      })}</li>`,
  )}<li>${t('changes.skpPeriodNow', {
    number: a.skpPeriod.number,
    position: position(p.employee.positionCode),
    unit: unit(p.employee.unitCode),
    rater: rater(p.supervisorNip),
    from: t.date(a.skpPeriod.from),
  })}</li></ol>`;
}

export function mutasiSection(t: Translate, view: MutasiView): Html {
  const form = stateFor(view.form, 'mutasi');
  return h`<section class="card" aria-labelledby="mutasi"><h2 id="mutasi">${t('changes.mutasiTitle')}</h2>
<p class="hint">${t('changes.mutasiHint')}</p>
${memberSearch(t, view, { query: 'mutasiQ', label: t('changes.mutasiSearch'), anchor: 'mutasi' })}
${pickForm(t, view.mutasiFound, form, {
  action: `/app/hr/changes/${encodeURIComponent(view.person.nip)}/mutasi`,
  hidden: memberHidden(view.cycleId, 'mutasiQ', view.mutasiQ, form),
  fields: (found) => h`${radioGroup(t, form, {
    name: 'kind',
    legend: t('changes.kind'),
    options: (['mutasi', 'promotion'] as const).map((k) => ({ value: k, label: t(`changes.kind.${k}`) })),
    compact: true,
  })}
${selectField(t, form, {
  name: 'unitCode',
  label: t('changes.newUnit'),
  options: view.units.map((u) => ({ value: u.code, label: u.name })),
})}
${selectField(t, form, {
  name: 'positionCode',
  label: t('changes.newPosition'),
  options: view.positions.map((p) => ({ value: p.code, label: p.name })),
})}
${personPick(t, form, { name: 'raterNip', legend: t('changes.mutasiPick') }, found)}
${reportsPart(t, view, form, found)}
${reasonAndDate(t, view, form, t('changes.mutasiEffective'))}`,
  submit: t('changes.submitMutasi'),
})}</section>`;
}

/** The people the member rates, and who rates them from the effective date (the successor, or HR's pick). */
function reportsPart(
  t: Translate,
  view: MutasiView,
  form: FormState | null,
  found: PersonFound[],
): Html | string {
  if (view.reports.length === 0) return '';
  const name = view.person.name;
  const pickable = found.filter((p) => !view.reports.some((r) => r.nip === p.nip));
  return h`<fieldset id="reports"><legend>${t('changes.reportsTitle', { name, count: view.reports.length })}</legend>
<ul>${view.reports.map((r) => h`<li>${r.name}</li>`)}</ul>
<p class="hint">${
    view.successor
      ? t('changes.reportsSuccessor', { successor: view.successor.name, name })
      : t('changes.reportsNoSuccessor', { name })
  }</p>
${personPick(t, form, { name: 'reportsRaterNip', legend: t('changes.reportsPick') }, pickable)}</fieldset>`;
}
