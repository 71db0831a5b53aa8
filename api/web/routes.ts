// The web UI under /app, served next to the API (bin/server.ts). Pages read through read/ and act through
// api/commands/ as the signed-in person: the same authorisation, tenancy, rules and Update ids as the API,
// without going through it. Forms are validated first with the same zod command schemas, so errors
// appear next to their fields. Everything works without script; the inbox adds a live feed.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { loadDevKey } from '../../auth/dev-keys.ts';
import { signDevToken } from '../../auth/dev-keys.ts';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { taskTakes } from '../../domain/appraisal/task-commands.ts';
import { fieldWithNul, limitBodyBytes } from '../../http/input-guards.ts';
import { feedPositionNow } from '../../notifications/feed.ts';
import { liveFeed } from '../../notifications/live-feed.ts';
import { audienceOf, holdsRole, mayReadCycles } from '../../record/read/access.ts';
import { cascadeLabels } from '../../record/read/agreement.ts';
import { employeeView, myAppraisal, myCycles } from '../../record/read/appraisal.ts';
import { peopleNamed } from '../../record/read/cycle-people.ts';
import { cycleDistribution, cycleProgress, cyclesOf } from '../../record/read/cycles.ts';
import { openTasks, type Task, taskOf } from '../../record/read/inbox.ts';
import { boundReadings } from '../../record/read/measures.ts';
import { myEvaluations } from '../../record/read/my-evaluations.ts';
import { standardsOf, unitNames } from '../../record/read/organisation.ts';
import { penetapanOf } from '../../record/read/penetapan.ts';
import {
  employeeNames,
  isActiveEmployee,
  organisationsWithPeople,
  partiesOf,
} from '../../record/read/people.ts';
import { actOnMyAppraisal, actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import { agreementRoutes } from './agreement-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { capaianRoutes } from './capaian-routes.ts';
import { changesRoutes } from './changes-routes.ts';
import { documentWebRoutes } from './document-routes.ts';
import { evaluationRoutes } from './evaluation-routes.ts';
import { evidenceWebRoutes } from './evidence-routes.ts';
import { type FormState, parseCommand, type Values } from './forms.ts';
import { hrPageExtras, hrRoutes } from './hr-routes.ts';
import { h } from './html.ts';
import { isLang, translator } from './i18n/index.ts';
import { notice } from './layout.ts';
import { leadersRoutes } from './leaders-routes.ts';
import { masterDataRoutes } from './master-data-routes.ts';
import { measuresRoutes } from './measures-routes.ts';
import { monitoringRoutes } from './monitoring-routes.ts';
import { objectionRoutes } from './objection-routes.ts';
import type { OidcConfig } from './oidc.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { organisationRoutes } from './organisation-routes.ts';
import { penetapanRoutes } from './penetapan-routes.ts';
import { periodicProgressOf, periodicRoutes } from './periodic-routes.ts';
import { readTrailRoutes } from './read-trail-routes.ts';
import { postedValues, submitCommand, webKit } from './request-kit.ts';
import { rulesRoutes } from './rules-routes.ts';
import {
  endSession,
  langOf,
  pageTranslator,
  readSession,
  type Session,
  setLang,
  startSession,
} from './session.ts';
import { standardsRoutes } from './standards-routes.ts';
import { teamRoutes } from './team-routes.ts';
import { appraisalBody } from './views/appraisal.ts';
import { hrBody } from './views/hr.ts';
import { cycleSelect } from './views/hr-actions.ts';
import { inboxBody, ownerOf, taskList } from './views/inbox.ts';
import { loginBody } from './views/login.ts';
import { taskBody } from './views/task.ts';

export interface WebOptions {
  /** Dev mode only: the local signing key, which turns on the login picker. */
  devKey?: Awaited<ReturnType<typeof loadDevKey>> | null;
  /** Production: sign-in through the instansi's OpenID Connect provider. */
  oidc?: OidcConfig;
}

export type WebDependencies = Services & { web?: WebOptions };

export function webRoutes(deps: WebDependencies): Hono {
  const web = new Hono();
  const now = () => new Date();

  const { render, need } = webKit(deps);

  web.onError((error, c) => {
    console.error('web:', error);
    const t = translator(langOf(c));
    return render(c, t, {
      title: t('error.pageTitle'),
      body: notice('error', t('error.server')),
      status: 500,
    });
  });

  // Forms are small; the API's own body limit only covers /v1. Counted as the bytes arrive (chunked too).
  const refusal = (status: number) => (c: Context) => {
    const t = translator(langOf(c));
    return render(c, t, { title: t('error.pageTitle'), body: notice('error', t('error.invalid')), status });
  };
  const formLimit = limitBodyBytes(256 * 1024, refusal(413));
  const importLimit = limitBodyBytes(1_200_000, refusal(413)); // a CSV file of an instansi
  // A file upload (the import, the logo) is checked for its own size by its page, which names the field.
  const uploads = new Set(['/app/hr/import', '/app/hr/organisation/logo']);
  web.use('*', (c, next) => (uploads.has(c.req.path) ? importLimit : formLimit)(c, next));
  // PostgreSQL text cannot hold NUL: refused here, in the path, the query or a form field, as the API does.
  web.use('*', async (c, next) => ((await fieldWithNul(c)) ? refusal(400)(c) : next()));

  web.get('/', async (c) => c.redirect((await readSession(c, deps)) ? '/app/inbox' : '/app/login', 303));

  web.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang');
    if (isLang(lang)) setLang(c, lang);
    const back = c.req.query('back') ?? '/app';
    // Only back into the app (or the public verification page): never an open redirect.
    return c.redirect(/^\/(app|verify)(\/|\?|$)/.test(back) ? back : '/app', 303);
  });

  web.get('/login', async (c) => {
    const t = translator(langOf(c));
    const devMode = !!deps.web?.devKey && !!deps.identity;
    const organisations = devMode ? await organisationsWithPeople(deps.db) : [];
    const message = c.req.query('expired')
      ? 'expired'
      : c.req.query('invalid')
        ? 'invalid'
        : c.req.query('oidc') === 'failed'
          ? 'oidcFailed'
          : undefined;
    const oidc = !devMode && !!deps.web?.oidc;
    const body = loginBody(t, { devMode, oidc, organisations, ...(message ? { message } : {}) });
    return render(c, t, { title: t('login.title'), body, section: 'login' });
  });

  web.post('/login/dev', async (c) => {
    const key = deps.web?.devKey;
    if (!key || !deps.identity) return c.redirect('/app/login', 303);
    const form = await c.req.parseBody({ all: true });
    const org = String(form.org ?? '');
    const nip = String(form.nip ?? '');
    if (!(await isActiveEmployee(deps.db, org, nip))) return c.redirect('/app/login?invalid=1', 303);
    const asked = ([] as unknown[]).concat(form.roles ?? []);
    const roles = ['employee', ...['hr', 'auditor'].filter((r) => asked.includes(r))];
    startSession(c, await signDevToken(key, { org, nip, roles }));
    return c.redirect('/app/inbox', 303);
  });

  web.post('/logout', (c) => {
    endSession(c);
    return c.redirect('/app/login', 303);
  });

  // ---- inbox and its live feed ----
  const inboxView = async (session: Session) => {
    const { tasks } = await openTasks(deps.db, session.principal, { limit: 200 });
    const me = session.principal.nip;
    const hr = holdsRole(session.principal, 'hr');
    const penetapan = await penetapanOf(deps.db, session.principal.org, { nip: me, hr });
    const names = await employeeNames(
      deps.db,
      session.principal.org,
      tasks.map((task) => ownerOf(task.appraisalId)).filter((nip) => nip !== me),
    );
    return { tasks, penetapan, names, me, now: now() };
  };

  web.get('/inbox', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const [view, feedPosition] = await Promise.all([
      inboxView(session),
      feedPositionNow(deps.db, audienceOf(session.principal)),
    ]);
    const body = inboxBody(t, { ...view, feedPosition, done: c.req.query('done') === '1' });
    return render(c, t, { title: t('inbox.title'), body, session, section: 'inbox' });
  });

  web.get('/inbox/list', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return c.html(taskList(pageTranslator(c, session), await inboxView(session)));
  });

  // EventSource cannot send an Authorization header: the session cookie signs it in to the same feed
  // the API serves (notifications/live-feed.ts).
  web.get('/events', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    return streamSSE(c, liveFeed(deps.db, deps.listener, audienceOf(session.principal), lastEventId));
  });

  web.route('/', standardsRoutes(deps));
  web.route('/', measuresRoutes(deps));
  web.route('/', agreementRoutes(deps));
  web.route('/', evaluationRoutes(deps));
  web.route('/', objectionRoutes(deps));
  web.route('/', documentWebRoutes(deps));
  web.route('/', teamRoutes(deps));
  web.route('/', capaianRoutes(deps));
  web.route('/', penetapanRoutes(deps));

  // ---- one task ----
  const taskPage = async (
    c: Context,
    session: Session,
    taskId: string,
    state: FormState | null,
    status = 200,
  ) => {
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const task = await taskOf(deps.db, session.principal, taskId);
    if (!task)
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('info', t('task.notFound')),
        session,
        status: 404,
      });
    const owner = ownerOf(task.appraisalId);
    const mine = owner === nip;
    // Assigning peers: whom the search by name found (neither the employee nor me).
    const peerQ = (c.req.query('peerQ') ?? state?.values.peerQ ?? '').slice(0, 100);
    const peers = taskTakes(task.kind, 'assignPeers')
      ? {
          q: peerQ,
          found: peerQ.trim()
            ? (await peopleNamed(deps.db, org, peerQ)).filter((p) => p.nip !== owner && p.nip !== nip)
            : null,
        }
      : undefined;
    const [appraisal, standards, names] = await Promise.all([
      mine ? myAppraisal(deps.db, session.principal, task.cycleId) : undefined,
      taskTakes(task.kind, 'acknowledgeStandards')
        ? standardsOf(deps.db, org, nip).then((s) => s ?? null)
        : null,
      mine ? null : employeeNames(deps.db, org, [owner]),
    ]);
    const body = taskBody(t, {
      task,
      ownerName: names ? (names.get(owner) ?? owner) : null,
      appraisal: appraisal ? employeeView(appraisal.state) : null,
      standards,
      state,
      now: now(),
      ...(peers ? { peers } : {}),
      // A bound indicator's realisation is pre-filled from my unit's value of its measure.
      measures:
        appraisal && taskTakes(task.kind, 'recordRealisation')
          ? await boundReadings(deps.db, appraisal.state)
          : [],
    });
    return render(c, t, { title: t(`task.${task.kind}`), body, session, section: 'inbox', status });
  };

  web.get('/tasks/:taskId', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return taskPage(c, session, c.req.param('taskId'), null);
  });

  web.post('/tasks/:taskId', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const taskId = c.req.param('taskId');
    const values = await postedValues(c);
    const task: Task | undefined = await taskOf(deps.db, session.principal, taskId);
    const type = values.type ?? '';
    if (!task || !taskTakes(task.kind, type)) return taskPage(c, session, taskId, null, 404);
    const run = (command: AppraisalCommand) =>
      actOnTask(deps, session.principal, taskId, command, values._key);
    return act(c, type, values, run, '/app/inbox?done=1', (state, status) =>
      taskPage(c, session, taskId, state, status),
    );
  });

  // ---- my appraisal ----
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
    return act(c, type, values, run, '/app/appraisal?done=1', (state, status) =>
      appraisalPage(c, session, state, status),
    );
  });

  /** Validates a form as a command, runs it, and either redirects or re-renders with errors. */
  const act = (
    c: Context,
    type: string,
    values: Values,
    run: (command: AppraisalCommand) => Promise<unknown>,
    done: string,
    again: (state: FormState, status: number) => Promise<Response>,
  ) => submitCommand(c, { type, values }, parseCommand(type, values), run, done, again);

  // ---- HR and auditors ----
  web.get('/hr', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { org } = session.principal;
    if (!mayReadCycles(session.principal))
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t('error.forbidden')),
        session,
        status: 403,
      });
    const cycles = await cyclesOf(deps.db, org);
    const cycleId =
      cycles.find((x) => x.cycle_id === c.req.query('cycle'))?.cycle_id ?? cycles[0]?.cycle_id ?? null;
    // The cycle is one of my organisation's (listed above), which HR and auditors may read.
    const [progress, distribution, names, periodic] = await Promise.all([
      cycleId ? cycleProgress(deps.db, cycleId) : {},
      cycleId ? cycleDistribution(deps.db, cycleId) : [],
      unitNames(deps.db, org),
      cycleId ? periodicProgressOf(deps.db, org, cycleId) : undefined,
    ]);
    const body = hrBody(t, {
      cycles,
      cycleId,
      progress,
      distribution,
      unitNames: names,
      ...(periodic ? { periodic: { ...periodic, unitNames: names } } : {}),
      ...hrPageExtras(c, t, session.principal, names),
    });
    return render(c, t, { title: t('hr.title'), body, session, section: 'hr' });
  });

  if (deps.web?.oidc) web.route('/', oidcRoutes(deps, deps.web.oidc));
  web.route('/', hrRoutes(deps));
  web.route('/', masterDataRoutes(deps));
  web.route('/', organisationRoutes(deps));
  web.route('/', evidenceWebRoutes(deps));
  web.route('/', periodicRoutes(deps));
  web.route('/', monitoringRoutes(deps));
  web.route('/', rulesRoutes(deps));
  web.route('/', changesRoutes(deps));
  web.route('/', leadersRoutes(deps));
  web.route('/', auditRoutes(deps));
  web.route('/', readTrailRoutes(deps));

  web.all('*', (c) => {
    const t = translator(langOf(c));
    return render(c, t, {
      title: t('error.pageTitle'),
      body: notice('info', t('error.notFound')),
      status: 404,
    });
  });

  return web;
}
