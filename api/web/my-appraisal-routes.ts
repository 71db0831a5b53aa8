// My appraisal under /app/appraisal: the year so far (SKP, periods, results, documents) and what I may
// do on it at any time (an activity report, an objection, a late acknowledgement of the standards).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { cascadeLabels } from '../../record/read/agreement.ts';
import { employeeView, myAppraisal, myCycles } from '../../record/read/appraisal.ts';
import { myEvaluations } from '../../record/read/my-evaluations.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { partiesOf } from '../../record/read/people.ts';
import { actOnMyAppraisal } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import type { FormState } from './forms.ts';
import { h } from './html.ts';
import { actOnForm, postedValues, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { appraisalBody } from './views/appraisal.ts';
import { cycleSelect } from './views/hr-actions.ts';

export function myAppraisalRoutes(deps: Services): Hono {
  const web = new Hono();
  const now = () => new Date();
  const { render, need } = webKit(deps);

  const appraisalPage = async (c: Context, session: Session, state: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    // An earlier year, finished, may be picked; otherwise (and for anything else asked) the latest.
    const cycles = await myCycles(deps.db, session.principal);
    const asked = cycles.find((y) => y.cycle_id === c.req.query('cycle'))?.cycle_id;
    const mine = await myAppraisal(deps.db, session.principal, asked);
    const appraisal = mine ? employeeView(mine.state) : null;
    const [skpParents, evaluations] = appraisal
      ? await Promise.all([
          cascadeLabels(deps.db, session.principal.org, appraisal.appraisalId),
          myEvaluations(deps.db, session.principal, appraisal.cycleId),
        ])
      : [null, null];
    const led = appraisal?.skp?.ledUnitCode;
    const ledUnitName = led ? ((await unitNames(deps.db, session.principal.org)).get(led) ?? led) : null;
    const participants = mine?.state.participants;
    const parties = participants
      ? await partiesOf(deps.db, session.principal.org, {
          employee: participants.employee.nip,
          rater: participants.supervisorNip,
        })
      : undefined;
    const body = appraisalBody(t, {
      appraisal,
      now: now(),
      state,
      done: c.req.query('done') === '1',
      skpParents,
      evaluations: evaluations ?? null,
      ledUnitName,
      ...(parties ? { parties } : {}),
    });
    const picker =
      cycles.length > 1
        ? h`<form method="get" action="/app/appraisal" class="inline">${cycleSelect(t, cycles, appraisal?.cycleId ?? '')}
<p class="actions"><button type="submit" class="secondary">${t('hr.show')}</button></p></form>`
        : '';
    return render(c, t, {
      title: t('appraisal.title'),
      body: h`${picker}${body}`,
      session,
      section: 'appraisal',
      status,
    });
  };

  web.get('/appraisal', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return appraisalPage(c, session, null);
  });

  web.post('/appraisal', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const values = await postedValues(c);
    const type = values.type ?? '';
    if (type !== 'addActivityReport' && type !== 'fileObjection' && type !== 'acknowledgeStandards')
      return appraisalPage(c, session, null, 400);
    const run = (command: AppraisalCommand) =>
      actOnMyAppraisal(deps, session.principal, undefined, command, values._key);
    return actOnForm(c, type, values, run, '/app/appraisal?done=1', (state, status) =>
      appraisalPage(c, session, state, status),
    );
  });

  return web;
}
