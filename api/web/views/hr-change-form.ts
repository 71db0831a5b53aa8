// What the change forms of a member's page on HR's page of changes share (hr-changes.ts, hr-mutasi.ts):
// the search for the person picked, the fields sent besides the form's own, the reason and the day the
// change holds from.
import type { FormState } from '../forms.ts';
import { textField } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { formKey, searchForm } from './person-pick.ts';

type Query = 'raterQ' | 'actingQ' | 'mutasiQ';

/** A search by name (a GET form) whose results are picked in the change's POST form. */
export function memberSearch<Q extends Query>(
  t: Translate,
  view: { person: { nip: string }; cycleId: string } & Record<Q, string>,
  f: { query: Q; label: string; anchor: string },
): Html {
  return searchForm(t, {
    action: `/app/hr/changes/${encodeURIComponent(view.person.nip)}#${f.anchor}`,
    hidden: h`<input type="hidden" name="cycle" value="${view.cycleId}">`,
    name: f.query,
    label: f.label,
    value: view[f.query],
  });
}

/** What a change form sends besides its fields: the cycle, the search it picks from, its key. */
export const memberHidden = (cycleId: string, query: Query, value: string, form: FormState | null) =>
  h`<input type="hidden" name="cycle" value="${cycleId}"><input type="hidden" name="${query}" value="${value}">
${formKey(form)}`;

/** A change's reason and the day it holds from (a day of the organisation's zone, today at the latest). */
export function reasonAndDate(
  t: Translate,
  view: { today: string; zone: string },
  form: FormState | null,
  label: string,
): Html {
  return h`${textField(t, form, { name: 'reason', label: t('changes.reason'), kind: 'textarea' })}
${textField(t, form, {
  name: 'effectiveDate',
  label,
  kind: 'date',
  value: view.today,
  hint: t('changes.effectiveHint', { zone: view.zone }),
})}`;
}
