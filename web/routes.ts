// The web UI under /app, served by the API process. Pages read and act through the API in-process with
// the session's bearer token (same validation, authorisation, tenant isolation, idempotency and
// actOnAppraisal path as any API client); forms are validated first with the same zod command schemas so
// errors appear next to their fields. Everything works without script; the inbox adds a live feed.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ApiDependencies } from '../api/context.ts';
import { fieldWithNul, limitBodyBytes } from '../api/input-guards.ts';
import type { loadDevKey } from '../auth/dev-keys.ts';
import { signDevToken } from '../auth/dev-keys.ts';
import { taskTakes } from '../domain/appraisal/task-commands.ts';
import { feedPositionNow } from '../notifications/feed.ts';
import { cascadeLabels } from '../read/agreement.ts';
import type { EmployeeView } from '../read/appraisal.ts';
import { cyclesOf } from '../read/cycles.ts';
import { standardsOf, unitNames } from '../read/organisation.ts';
import { employeeNames, isActiveEmployee, organisationsWithPeople } from '../read/people.ts';
import { agreementRoutes } from './agreement-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { type FormState, newFormKey, parseCommand, type Values } from './forms.ts';
import { hrPageExtras, hrRoutes } from './hr-routes.ts';
import { isLang, translator } from './i18n/index.ts';
import { notice } from './layout.ts';
import type { OidcConfig } from './oidc.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { postedValues, problemText, webKit } from './request-kit.ts';
import {
  type ApiFetch,
  callApi,
  endSession,
  langOf,
  readSession,
  type Session,
  setLang,
  startSession,
} from './session.ts';
import { teamRoutes } from './team-routes.ts';
import { appraisalBody } from './views/appraisal.ts';
import { hrBody } from './views/hr.ts';
import { type InboxTask, inboxBody, ownerOf, taskList } from './views/inbox.ts';
import { loginBody } from './views/login.ts';
import { taskBody } from './views/task.ts';

export interface WebOptions {
  /** Dev mode only: the local signing key, which turns on the login picker. */
  devKey?: Awaited<ReturnType<typeof loadDevKey>> | null;
  /** Production: sign-in through the instansi's OpenID Connect provider. */
  oidc?: OidcConfig;
}

type Deps = ApiDependencies & { web?: WebOptions };

export function webRoutes(deps: Deps, api: ApiFetch): Hono {
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
  web.use('*', (c, next) => (c.req.path === '/app/hr/import' ? importLimit : formLimit)(c, next));
  // PostgreSQL text cannot hold NUL: refused here, in the path, the query or a form field, as the API does.
  web.use('*', async (c, next) => ((await fieldWithNul(c)) ? refusal(400)(c) : next()));

  web.get('/', async (c) => c.redirect((await readSession(c, deps)) ? '/app/inbox' : '/app/login', 303));

  web.get('/lang/:lang', (c) => {
    const lang = c.req.param('lang');
    if (isLang(lang)) setLang(c, lang);
    const back = c.req.query('back') ?? '/app';
    // Only back into the app: never an open redirect.
    return c.redirect(/^\/app(\/|\?|$)/.test(back) ? back : '/app', 303);
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
    const answer = await callApi(api, session, 'GET', `/v1/orgs/${session.principal.org}/me/tasks?limit=200`);
    const tasks = (answer.status === 200 ? answer.body.tasks : []) as InboxTask[];
    const me = session.principal.nip;
    const names = await employeeNames(
      deps.db,
      session.principal.org,
      tasks.map((task) => ownerOf(task.appraisalId)).filter((nip) => nip !== me),
    );
    return { tasks, names, me, now: now() };
  };

  web.get('/inbox', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = translator(langOf(c));
    const { org, nip, roles } = session.principal;
    const [view, feedPosition] = await Promise.all([
      inboxView(session),
      feedPositionNow(deps.db, { org, nip, hr: roles.includes('hr') }),
    ]);
    const body = inboxBody(t, { ...view, feedPosition, done: c.req.query('done') === '1' });
    return render(c, t, { title: t('inbox.title'), body, session, section: 'inbox' });
  });

  web.get('/inbox/list', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return c.html(taskList(translator(langOf(c)), await inboxView(session)));
  });

  // EventSource cannot send an Authorization header: this hands the API's own SSE feed through,
  // authenticated with the session's token.
  web.get('/events', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const position = c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? '';
    return api(
      new Request(
        `http://in-process/v1/orgs/${session.principal.org}/me/events?lastEventId=${encodeURIComponent(position)}`,
        { headers: { authorization: `Bearer ${session.token}` }, signal: c.req.raw.signal },
      ),
    );
  });

  web.route('/', agreementRoutes(deps, api));
  web.route('/', teamRoutes(deps));

  // ---- one task ----
  const taskPage = async (
    c: Context,
    session: Session,
    taskId: string,
    state: FormState | null,
    status = 200,
  ) => {
    const t = translator(langOf(c));
    const { org, nip } = session.principal;
    const found = await callApi(api, session, 'GET', `/v1/orgs/${org}/tasks/${encodeURIComponent(taskId)}`);
    if (found.status !== 200)
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('info', t('task.notFound')),
        session,
        status: 404,
      });
    const task = found.body as InboxTask & { cycleId: string };
    const owner = ownerOf(task.appraisalId);
    const mine = owner === nip;
    const [appraisal, standards, names] = await Promise.all([
      mine
        ? callApi(
            api,
            session,
            'GET',
            `/v1/orgs/${org}/me/appraisal?cycleId=${encodeURIComponent(task.cycleId)}`,
          )
        : null,
      task.kind === 'acknowledgeStandards' ? standardsOf(deps.db, org, nip).then((s) => s ?? null) : null,
      mine ? null : employeeNames(deps.db, org, [owner]),
    ]);
    const body = taskBody(t, {
      task,
      ownerName: names ? (names.get(owner) ?? owner) : null,
      appraisal: appraisal?.status === 200 ? (appraisal.body as EmployeeView) : null,
      standards,
      state,
      now: now(),
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
    const found = await callApi(
      api,
      session,
      'GET',
      `/v1/orgs/${session.principal.org}/tasks/${encodeURIComponent(taskId)}`,
    );
    const type = values.type ?? '';
    if (found.status !== 200 || !taskTakes(found.body.kind, type))
      return taskPage(c, session, taskId, null, 404);
    const path = `/v1/orgs/${session.principal.org}/tasks/${encodeURIComponent(taskId)}/actions`;
    return act(c, session, type, values, path, '/app/inbox?done=1', (state, status) =>
      taskPage(c, session, taskId, state, status),
    );
  });

  // ---- my appraisal ----
  const appraisalPage = async (c: Context, session: Session, state: FormState | null, status = 200) => {
    const t = translator(langOf(c));
    const answer = await callApi(api, session, 'GET', `/v1/orgs/${session.principal.org}/me/appraisal`);
    const appraisal = answer.status === 200 ? (answer.body as EmployeeView) : null;
    const skpParents = appraisal
      ? await cascadeLabels(deps.db, session.principal.org, appraisal.appraisalId)
      : null;
    const body = appraisalBody(t, {
      appraisal,
      now: now(),
      state,
      done: c.req.query('done') === '1',
      skpParents,
    });
    return render(c, t, { title: t('appraisal.title'), body, session, section: 'appraisal', status });
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
    if (type !== 'addActivityReport' && type !== 'fileObjection') return appraisalPage(c, session, null, 400);
    const path = `/v1/orgs/${session.principal.org}/me/appraisal/actions`;
    return act(c, session, type, values, path, '/app/appraisal?done=1', (state, status) =>
      appraisalPage(c, session, state, status),
    );
  });

  /** Validates a form as a command, sends it to the API, and either redirects or re-renders with errors. */
  const act = async (
    c: Context,
    session: Session,
    type: string,
    values: Values,
    path: string,
    done: string,
    again: (state: FormState, status: number) => Promise<Response>,
  ) => {
    const parsed = parseCommand(type, values);
    if (!parsed.ok) return again({ type, values, errors: parsed.errors }, 422);
    const answer = await callApi(api, session, 'POST', path, {
      body: parsed.command,
      ...(values._key ? { idempotencyKey: values._key } : {}),
    });
    if (answer.status === 200) return c.redirect(done, 303);
    // A refusal is remembered under its key: a corrected retry needs a new one.
    const t = translator(langOf(c));
    const state = {
      type,
      values: { ...values, _key: newFormKey() },
      errors: {},
      formError: problemText(t, answer),
    };
    return again(state, answer.status >= 400 && answer.status < 600 ? answer.status : 500);
  };

  // ---- HR and auditors ----
  web.get('/hr', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = translator(langOf(c));
    const { org, roles } = session.principal;
    if (!roles.includes('hr') && !roles.includes('auditor'))
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t('error.forbidden')),
        session,
        status: 403,
      });
    const cycles = await cyclesOf(deps.db, org);
    const cycleId =
      cycles.find((x) => x.cycle_id === c.req.query('cycle'))?.cycle_id ?? cycles[0]?.cycle_id ?? null;
    const [progress, distribution, names] = await Promise.all([
      cycleId ? callApi(api, session, 'GET', `/v1/orgs/${org}/cycles/${cycleId}/progress`) : null,
      cycleId ? callApi(api, session, 'GET', `/v1/orgs/${org}/cycles/${cycleId}/distribution`) : null,
      unitNames(deps.db, org),
    ]);
    const body = hrBody(t, {
      cycles,
      cycleId,
      progress: progress?.status === 200 ? progress.body.units : {},
      distribution: distribution?.status === 200 ? distribution.body.units : [],
      unitNames: names,
      ...hrPageExtras(c, t, roles, names),
    });
    return render(c, t, { title: t('hr.title'), body, session, section: 'hr' });
  });

  if (deps.web?.oidc) web.route('/', oidcRoutes(deps, deps.web.oidc));
  web.route('/', hrRoutes(deps, api));
  web.route('/', auditRoutes(deps));

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
