// The dev login picker: one form per organisation, people grouped by unit, optional extra roles.
import type { PickerPerson } from '../../../record/read/people.ts';
import { type Html, h } from '../html.ts';
import type { Translate } from '../i18n/index.ts';
import { notice } from '../layout.ts';

export interface LoginView {
  devMode: boolean;
  /** Production sign-in through the instansi's OIDC provider. */
  oidc?: boolean;
  organisations: Array<{ id: string; name: string; people: PickerPerson[] }>;
  message?: 'expired' | 'invalid' | 'oidcFailed';
}

export function loginBody(t: Translate, view: LoginView): Html {
  const message =
    view.message === 'expired'
      ? notice('info', t('login.expired'))
      : view.message === 'invalid'
        ? notice('error', t('login.invalid'))
        : view.message === 'oidcFailed'
          ? notice('error', t('login.oidcFailed'))
          : '';
  if (view.oidc)
    return h`${message}<section class="card"><p>${t('login.oidcIntro')}</p>
<div class="actions"><a class="button" href="/app/login/oidc">${t('login.oidcSubmit')}</a></div></section>`;
  if (!view.devMode) return h`${message}${notice('info', t('login.notDev'))}`;
  if (view.organisations.length === 0) return h`${message}${notice('info', t('login.noOrganisations'))}`;
  return h`${message}<p>${t('login.devIntro')}</p>
${view.organisations.map((org) => orgForm(t, org))}`;
}

function orgForm(t: Translate, org: LoginView['organisations'][number]): Html {
  const units = [...new Set(org.people.map((p) => p.unit))];
  const id = `person-${org.id}`;
  return h`<section class="card" aria-labelledby="org-${org.id}">
<h2 id="org-${org.id}">${org.name} <span class="badge">${t('login.people', { count: org.people.length })}</span></h2>
<form method="post" action="/app/login/dev">
<input type="hidden" name="org" value="${org.id}">
<label for="${id}">${t('login.person')}</label>
<select id="${id}" name="nip" required>
${units.map(
  (unit) =>
    h`<optgroup label="${unit}">${org.people
      .filter((p) => p.unit === unit)
      .map((p) => h`<option value="${p.nip}">${p.name} — ${p.position}</option>`)}</optgroup>`,
)}
</select>
<fieldset><legend>${t('login.roles')}</legend><div class="checks">
<label><input type="checkbox" name="roles" value="hr"> ${t('login.roleHr')}</label>
<label><input type="checkbox" name="roles" value="auditor"> ${t('login.roleAuditor')}</label>
</div></fieldset>
<div class="actions"><button type="submit">${t('login.submit', { org: org.name })}</button></div>
</form>
</section>`;
}
