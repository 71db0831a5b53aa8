// /app/team: the supervisor's direct reports and where each appraisal stands. Mounted from routes.ts.
import { Hono } from 'hono';
import { employeeNames, teamOf } from '../../record/read/people.ts';
import type { Services } from '../commands/services.ts';
import { webKit } from './request-kit.ts';
import { pageTranslator } from './session.ts';
import { teamBody } from './views/team.ts';

export function teamRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  web.get('/team', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const team = await teamOf(deps.db, org, nip);
    const others = team.flatMap((m) => m.tasks.map((x) => x.assigneeNip ?? '')).filter((n) => n && n !== nip);
    const names = await employeeNames(deps.db, org, others);
    const body = teamBody(t, { team, me: nip, names, now: new Date() });
    return render(c, t, { title: t('team.title'), body, session, section: 'team' });
  });
  return web;
}
