// /app/hr/leaders: HR names each unit's head, found by name (views/hr-leaders.ts), through the same command
// as the API's (api/commands/organisation.ts): its refusals shown next to the form.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { mayManageCycles } from '../../record/read/access.ts';
import { peopleNamed } from '../../record/read/cycle-people.ts';
import { unitHeads } from '../../record/read/organisation.ts';
import { setUnitHead } from '../commands/organisation.ts';
import type { Services } from '../commands/services.ts';
import type { FormState } from './forms.ts';
import { attempt } from './request-kit.ts';
import { postedForm, refusalText, rolePages } from './role-pages.ts';
import { leadersBody } from './views/hr-leaders.ts';

const nipPattern = /^\d{18}$/;

export function leadersRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole } = rolePages(deps);

  const show = async (
    c: Context,
    who: Exclude<Awaited<ReturnType<typeof needRole>>, Response>,
    o: { unit: string | null; q: string; form: FormState | null; flash?: string },
    status = 200,
  ) => {
    const { t, session } = who;
    const org = session.principal.org;
    const units = await unitHeads(deps.db, org);
    const q = o.q.slice(0, 100);
    const found = o.unit && q.trim() ? await peopleNamed(deps.db, org, q) : null;
    const body = leadersBody(t, {
      units,
      unit: o.unit,
      q,
      found,
      form: o.form,
      ...(o.flash ? { flash: o.flash } : {}),
    });
    return render(c, t, { title: t('leaders.pageTitle'), body, session, section: 'hrChanges', status });
  };

  web.get('/hr/leaders', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const named = c.req.query('named');
    const flash = named ? who.t('leaders.saved', { name: named, unit: c.req.query('of') ?? '' }) : undefined;
    return show(c, who, {
      unit: c.req.query('unit') ?? null,
      q: c.req.query('q') ?? '',
      form: null,
      ...(flash ? { flash } : {}),
    });
  });

  web.post('/hr/leaders/:unit', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const unit = c.req.param('unit');
    const { values } = await postedForm(c);
    const q = values.q ?? '';
    const headNip = values.headNip ?? '';
    if (!nipPattern.test(headNip))
      return show(
        c,
        who,
        { unit, q, form: { type: 'unitHead', values, errors: { headNip: 'changes.error.pick' } } },
        422,
      );
    const answer = await attempt(() => setUnitHead(deps, who.session.principal, unit, headNip));
    if (!answer.ok) {
      const form = { type: 'unitHead', values, errors: {}, formError: refusalText(who.t, answer.code) };
      return show(c, who, { unit, q, form }, answer.status);
    }
    const org = who.session.principal.org;
    const units = await unitHeads(deps.db, org);
    const row = units.find((u) => u.code === unit);
    const said = new URLSearchParams({ named: row?.headName ?? headNip, of: row?.name ?? unit });
    return c.redirect(`/app/hr/leaders?${said}`, 303);
  });

  return web;
}
