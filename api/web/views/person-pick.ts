// A person picked by name, as every HR form does it (nobody types an 18-digit NIP): a search (a GET form
// that works without script) whose results are the choices of the change's POST form, each named with
// their position and unit.
import { type FormState, newFormKey, radioGroup } from '../forms.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

export interface PersonFound {
  nip: string;
  name: string;
  position: string;
  unit: string;
}

/** One person found, as a choice. */
export const personChoice = (p: PersonFound) => ({
  value: p.nip,
  label: `${p.name} · ${p.position}, ${p.unit}`,
});

/** The search's field and its button. */
export function nameSearch(f: { name: string; label: string; value: string; search: string }): Html {
  return h`<label for="${f.name}">${f.label}</label>
<input type="text" id="${f.name}" name="${f.name}" value="${f.value}" minlength="2" required autocomplete="off">
<div class="actions"><button type="submit" class="secondary">${f.search}</button></div>`;
}

/** The search as a GET form of its own; `hidden` keeps what the page is about. */
export function searchForm(
  t: Translate,
  f: { action: string; hidden: Html; name: string; label: string; value: string },
): Html {
  return h`<form method="get" action="${f.action}">
${f.hidden}
${nameSearch({ ...f, search: t('changes.search') })}
</form>`;
}

/** The form's key: a double submit acts once, a form sent again keeps the key it had. */
export const formKey = (form: FormState | null): Html =>
  h`<input type="hidden" name="_key" value="${form?.values._key ?? newFormKey()}">`;

/** The people found as one radio group. */
export const personPick = (
  t: Translate,
  form: FormState | null,
  f: { name: string; legend: string },
  found: PersonFound[],
): Html => radioGroup(t, form, { ...f, options: found.map(personChoice) });

/**
 * The POST form that picks one of a search's results: nothing before a search, a notice when it found
 * nobody. `hidden` carries the search and the form's key; `fields` are the controls, the pick among them.
 */
export function pickForm(
  t: Translate,
  found: PersonFound[] | null,
  form: FormState | null,
  f: { action: string; hidden: Html; fields: (found: PersonFound[]) => Html; submit: string },
): Html | string {
  if (found === null) return '';
  if (found.length === 0) return notice('info', t('changes.noneFound'));
  return h`<form method="post" action="${f.action}">
${form?.formError ? h`<p class="notice error" role="alert">${form.formError}</p>` : ''}
${f.hidden}
${f.fields(found)}
<div class="actions"><button type="submit">${f.submit}</button></div>
</form>`;
}
