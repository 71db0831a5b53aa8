// /app/team: the supervisor's direct reports and where each appraisal stands, and the SKPs ready for
// their signature signed several at once (api/commands/bulk-sign.ts); each person's name opens their
// appraisal (/app/team/appraisals/<id>: the evaluation file, read as the API reads it, on the read trail).
// Mounted from routes.ts.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { evaluationFileOf } from '../../record/read/evaluation-file.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { employeeNames, teamOf } from '../../record/read/people.ts';
import { type SignOutcome, signReadySkps } from '../commands/bulk-sign.ts';
import type { Services } from '../commands/services.ts';
import { newFormKey } from './forms.ts';
import { h } from './html.ts';
import { notice } from './layout.ts';
import { trailRead } from './read-trail-routes.ts';
import { problemText, webKit } from './request-kit.ts';
import { postedForm, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import { pageTranslator } from './session.ts';
import { evaluationFileSection } from './views/evaluation-file.ts';
import { teamBody } from './views/team.ts';

export function teamRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  const { notFound } = rolePages(deps);
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
  // One person's appraisal: whoever may read its evaluation file (the rater, the superior, HR, auditors).
  web.get('/team/appraisals/:appraisalId', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { principal } = session;
    const appraisalId = c.req.param('appraisalId');
    const answer = await evaluationFileOf(deps.db, principal, principal.org, appraisalId);
    if (!('file' in answer)) {
      if (answer.refused === 'not_found') return notFound(c, t, session);
      const body = notice('error', t('error.forbidden'));
      return render(c, t, { title: t('error.pageTitle'), body, session, section: 'team', status: 403 });
    }
    const { file } = answer;
    await trailRead(c, deps.db, principal, appraisalId, 'evaluationFile');
    const led = file.setting?.ledUnitCode;
    const ledName = led ? ((await unitNames(deps.db, principal.org)).get(led) ?? led) : undefined;
    const body = h`<p><a href="/app/team">← ${t('team.title')}</a></p>
${evaluationFileSection(t, file, ledName)}`;
    return render(c, t, { title: file.employee.name ?? file.employee.nip, body, session, section: 'team' });
  });
  return web;
}
