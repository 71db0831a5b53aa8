// /app/team: the supervisor's direct reports and where each appraisal stands, and the SKPs ready for
// their signature signed several at once (api/commands/bulk-sign.ts). Mounted from routes.ts.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { employeeNames, teamOf } from '../../record/read/people.ts';
import { type SignOutcome, signReadySkps } from '../commands/bulk-sign.ts';
import type { Services } from '../commands/services.ts';
import { newFormKey } from './forms.ts';
import { problemText, webKit } from './request-kit.ts';
import { postedForm } from './role-pages.ts';
import type { Session } from './session.ts';
import { pageTranslator } from './session.ts';
import { teamBody } from './views/team.ts';

export function teamRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  const teamPage = async (c: Context, session: Session, signed?: SignOutcome[]) => {
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const team = await teamOf(deps.db, org, nip);
    const others = team.flatMap((m) => m.tasks.map((x) => x.assigneeNip ?? '')).filter((n) => n && n !== nip);
    const names = await employeeNames(deps.db, org, others);
    const outcomes = signed?.map((r) => ({ ...r, ...(r.code ? { reason: problemText(t, r.code) } : {}) }));
    const view = { team, me: nip, names, now: new Date(), formKey: newFormKey() };
    const body = teamBody(t, outcomes ? { ...view, signed: outcomes } : view);
    return render(c, t, { title: t('team.title'), body, session, section: 'team' });
  };

  web.get('/team', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return teamPage(c, session);
  });

  web.post('/team/sign', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const { values, lists } = await postedForm(c);
    const taskIds = (lists.task ?? []).slice(0, 100);
    if (taskIds.length === 0) return c.redirect('/app/team', 303);
    const answer = await signReadySkps(deps, session.principal, taskIds, values._key);
    return teamPage(c, session, answer.results);
  });
  return web;
}
