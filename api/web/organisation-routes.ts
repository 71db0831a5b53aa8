// The organisation's profile page (/app/hr/organisation: name, region, logo upload) and the logo every
// page header shows (/app/logo). Changes go through api/commands/organisation-profile.ts as HR.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError } from '../../domain/organisation/master-data.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import { organisationProfile } from '../../record/read/organisation.ts';
import { readLogo, saveLogo, saveProfile } from '../commands/organisation-profile.ts';
import { refusalOf } from '../commands/refusal.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, newFormKey, textField } from './forms.ts';
import { type Html, h } from './html.ts';
import type { Translate } from './i18n/index.ts';
import { notice } from './layout.ts';
import { postedForm, refusalText, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import { errorKeys, masterNav } from './views/master-data.ts';

interface ProfileView {
  state: FormState;
  hasLogo: boolean;
  logoError?: string;
  flash?: string;
}

function profileBody(t: Translate, view: ProfileView): Html {
  const { state } = view;
  return h`${masterNav(t, 'organisation')}
${view.flash ? notice('ok', t(view.flash)) : ''}
<p>${t('organisation.intro')}</p>
<form method="post" action="/app/hr/organisation" class="card" id="profile-form">
${state.formError ? h`<p class="notice error" role="alert">${state.formError}</p>` : ''}
<input type="hidden" name="_key" value="${state.values._key ?? newFormKey()}">
${textField(t, state, { name: 'name', label: t('organisation.name') })}
${textField(t, state, { name: 'region', label: t('organisation.region'), hint: t('organisation.regionHint'), optional: true })}
<div class="actions"><button type="submit">${t('master.save')}</button></div>
</form>
<form method="post" action="/app/hr/organisation/logo" enctype="multipart/form-data" class="card" id="logo-form">
<h2>${t('organisation.logo')}</h2>
${view.hasLogo ? h`<p>${t('organisation.logoNow')}: <img src="/app/logo" alt="${t('organisation.logo')}" width="64" height="64" style="object-fit:contain;vertical-align:middle"></p>` : h`<p class="muted">${t('organisation.noLogo')}</p>`}
<label for="f-logo">${t('organisation.logo')}</label>
<p class="hint" id="f-logo-hint">${t('organisation.logoHint')}</p>
${view.logoError ? h`<p class="field-error" id="f-logo-error">${t(view.logoError)}</p>` : ''}
<input type="file" id="f-logo" name="logo" accept="image/png,image/jpeg" required aria-describedby="f-logo-hint${view.logoError ? ' f-logo-error' : ''}"${view.logoError ? h` aria-invalid="true"` : ''}>
<div class="actions"><button type="submit">${t('organisation.saveLogo')}</button></div>
</form>`;
}

export function organisationRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);
  const hr = (c: Context) => needRole(c, mayManageCycles, 'error.forbiddenHr');
  const show = async (
    c: Context,
    t: Translate,
    session: Session,
    view: Partial<ProfileView>,
    status = 200,
  ) => {
    const profile = await organisationProfile(deps.db, session.principal.org);
    const state = view.state ?? {
      type: 'profile',
      values: { name: profile.name, region: profile.region ?? '' },
      errors: {},
    };
    // The header shows what was just saved: the session was read before the change.
    const viewer = { ...session.viewer, organisation: profile };
    const body = profileBody(t, { hasLogo: profile.logoType !== null, ...view, state });
    return render(c, t, {
      title: t('master.organisation'),
      body,
      session: { ...session, viewer },
      section: 'hrMaster',
      status,
    });
  };

  web.get('/logo', async (c) => {
    const who = await needRole(c, () => true, 'error.forbidden');
    if (who instanceof Response) return who;
    try {
      const logo = await readLogo(deps, who.session.principal);
      return c.body(new Uint8Array(logo.bytes), 200, {
        'content-type': logo.type,
        'cache-control': 'private, max-age=300',
      });
    } catch (error) {
      if (refusalOf(error)?.status === 404) return notFound(c, who.t, who.session);
      throw error;
    }
  });

  web.get('/hr/organisation', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const saved = c.req.query('saved');
    return show(
      c,
      who.t,
      who.session,
      saved === 'logo' ? { flash: 'organisation.logoSaved' } : saved ? { flash: 'master.saved' } : {},
    );
  });

  web.post('/hr/organisation', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const { values } = await postedForm(c);
    try {
      await saveProfile(deps, who.session.principal, {
        name: values.name ?? '',
        region: values.region ?? '',
      });
      return c.redirect('/app/hr/organisation?saved=1', 303);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const fields = (refusal.extra.errors ?? []) as FieldError[];
      const state: FormState = fields.length
        ? { type: 'profile', values, errors: errorKeys(fields) }
        : { type: 'profile', values, errors: {}, formError: refusalText(who.t, refusal.code) };
      return show(c, who.t, who.session, { state }, refusal.status);
    }
  });

  web.post('/hr/organisation/logo', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const { files } = await postedForm(c);
    const file = files.logo;
    if (!file || file.size === 0)
      return show(c, who.t, who.session, { logoError: 'organisation.error.logoEmpty' }, 422);
    try {
      await saveLogo(deps, who.session.principal, new Uint8Array(await file.arrayBuffer()));
      return c.redirect('/app/hr/organisation?saved=logo', 303);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const key =
        refusal.code === 'logo_too_large' ? 'organisation.error.logoSize' : 'organisation.error.logoType';
      return show(c, who.t, who.session, { logoError: key }, refusal.status);
    }
  });

  return web;
}
