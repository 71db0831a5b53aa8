// HR's pages beyond the progress page: the employee CSV import, starting the year's cycle, setting a
// unit's predikat, and the results export. Every change goes through the API in-process with the
// session's token, so validation, authorisation, tenant isolation and idempotency are the API's.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ApiDependencies } from '../api/context.ts';
import { unitPredikatSchema } from '../domain/rating/distribution-rules.ts';
import { employeeNames } from './data.ts';
import { newFormKey } from './forms.ts';
import type { Translate } from './i18n/index.ts';
import { cycleIdPattern, postedForm, refusalText, rolePages } from './role-pages.ts';
import { type ApiFetch, callApi, type Session } from './session.ts';
import { type ImportView, importBody } from './views/hr-import.ts';
import { freshStartView, parseStartCycle, type StartCycleView, startCycleBody } from './views/hr-start.ts';

const hrOnly = ['hr'] as const;
const hrOrAuditor = ['hr', 'auditor'] as const;
const maxCsvBytes = 1_048_576;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function hrRoutes(deps: ApiDependencies, api: ApiFetch): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);
  const now = () => new Date();

  // ---- employee CSV import ----
  const importPage = (c: Context, t: Translate, session: Session, view: ImportView, status = 200) =>
    render(c, t, {
      title: t('import.title'),
      body: importBody(t, view),
      session,
      section: 'hrImport',
      status,
    });

  web.get('/hr/import', async (c) => {
    const who = await needRole(c, hrOnly, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    return importPage(c, who.t, who.session, { csv: '', errors: {} });
  });

  web.post('/hr/import', async (c) => {
    const who = await needRole(c, hrOnly, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const { values, files } = await postedForm(c);
    const pasted = values.csv ?? '';
    const file = files.file && files.file.size > 0 ? files.file : null;
    if (file && file.size > maxCsvBytes)
      return importPage(c, t, session, { csv: pasted, errors: { file: 'import.error.tooLarge' } }, 413);
    // An Excel workbook is a zip: it starts with "PK\x03\x04", whatever the file is called.
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    const xlsx =
      bytes !== null && bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'PK\x03\x04';
    const csv = bytes ? (xlsx ? '' : new TextDecoder().decode(bytes)) : pasted;
    if (!xlsx && !csv.trim())
      return importPage(c, t, session, { csv: pasted, errors: { file: 'import.error.empty' } }, 422);
    const response = await api(
      new Request(`http://in-process/v1/orgs/${session.principal.org}/employees/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': xlsx ? xlsxType : 'text/csv' },
        body: xlsx && bytes ? bytes : csv,
      }),
    );
    const text = await response.text();
    let body: { code?: string; headerErrors?: string[] } & Record<string, unknown> = {};
    try {
      body = JSON.parse(text);
    } catch {}
    if (response.status === 200) {
      const result = body as unknown as NonNullable<ImportView['result']>;
      const nips = result.rows.flatMap((r) => (r.ok ? [r.nip] : []));
      const names = await employeeNames(deps.db, session.principal.org, nips);
      return importPage(c, t, session, { csv: file ? '' : pasted, errors: {}, result, names });
    }
    const view: ImportView = {
      csv: pasted,
      errors: {},
      formError:
        body.code === 'invalid_csv_header'
          ? t('import.headerInvalid')
          : refusalText(t, { status: response.status, body }),
      ...(body.headerErrors ? { headerErrors: body.headerErrors } : {}),
    };
    return importPage(c, t, session, view, response.status >= 400 ? response.status : 500);
  });

  // ---- start the year's cycle ----
  const unitsOf = (org: string) =>
    deps.db.selectFrom('units').select(['code', 'name']).where('org_id', '=', org).orderBy('name').execute();
  const startPage = (c: Context, t: Translate, session: Session, view: StartCycleView, status = 200) =>
    render(c, t, {
      title: t('startCycle.title'),
      body: startCycleBody(t, view),
      session,
      section: 'hrStart',
      status,
    });

  /** The workflow records `cycle.started` first thing: wait a little for it, so the next page shows it. */
  const cycleRecorded = async (cycleId: string) => {
    for (let i = 0; i < 100; i++) {
      const row = await deps.db
        .selectFrom('cycles')
        .select('cycle_id')
        .where('cycle_id', '=', cycleId)
        .executeTakeFirst();
      if (row) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  web.get('/hr/start', async (c) => {
    const who = await needRole(c, hrOnly, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const units = await unitsOf(who.session.principal.org);
    return startPage(c, who.t, who.session, freshStartView(now(), units));
  });

  web.post('/hr/start', async (c) => {
    const who = await needRole(c, hrOnly, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const org = session.principal.org;
    const { values, lists } = await postedForm(c);
    const units = await unitsOf(org);
    const chosenUnits = (lists.units ?? []).filter((u) => units.some((x) => x.code === u));
    const parsed = parseStartCycle(values, chosenUnits);
    const view = (extra: Partial<StartCycleView>): StartCycleView => ({
      state: { type: 'startCycle', values, errors: {} },
      units,
      chosenUnits,
      preview: parsed.ok ? parsed.calendar : null,
      ...extra,
    });
    if (!parsed.ok)
      return startPage(
        c,
        t,
        session,
        view({ state: { type: 'startCycle', values, errors: parsed.errors } }),
        422,
      );
    if (values.intent === 'preview') return startPage(c, t, session, view({}));
    const answer = await callApi(api, session, 'POST', `/v1/orgs/${org}/cycles`, {
      body: parsed.body,
      ...(values._key ? { idempotencyKey: values._key } : {}),
    });
    if (answer.status === 201) {
      await cycleRecorded(answer.body.cycleId);
      return c.redirect(`/app/hr?cycle=${encodeURIComponent(answer.body.cycleId)}&started=1`, 303);
    }
    // A refusal is remembered under its key: a corrected retry needs a new one.
    const state = {
      type: 'startCycle',
      values: { ...values, _key: newFormKey() },
      errors: {},
      formError: refusalText(t, answer),
    };
    return startPage(c, t, session, view({ state }), answer.status >= 400 ? answer.status : 500);
  });

  // ---- a unit's predikat ----
  web.post('/hr/predikat', async (c) => {
    const who = await needRole(c, hrOnly, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { values } = await postedForm(c);
    const cycle = values.cycle ?? '';
    const unit = values.unit ?? '';
    const back = `/app/hr?cycle=${encodeURIComponent(cycle)}`;
    const predikat = unitPredikatSchema.safeParse(values.predikat);
    if (!cycleIdPattern.test(cycle) || !unit) return c.redirect('/app/hr', 303);
    if (!predikat.success) return c.redirect(`${back}&failed=predikat_required#distribution`, 303);
    const answer = await callApi(
      api,
      who.session,
      'POST',
      `/v1/orgs/${who.session.principal.org}/cycles/${cycle}/units/${encodeURIComponent(unit)}/predikat`,
      { body: { predikat: predikat.data }, ...(values._key ? { idempotencyKey: values._key } : {}) },
    );
    if (answer.status === 200)
      return c.redirect(`${back}&predikat=${encodeURIComponent(unit)}#distribution`, 303);
    return c.redirect(
      `${back}&failed=${encodeURIComponent(String(answer.body?.code ?? answer.status))}#distribution`,
      303,
    );
  });

  // ---- results export: the API's file, handed through with the session's token ----
  web.get('/hr/export', async (c) => {
    const who = await needRole(c, hrOrAuditor, 'error.forbidden');
    if (who instanceof Response) return who;
    const cycle = c.req.query('cycle') ?? '';
    const format = c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';
    if (!cycleIdPattern.test(cycle)) return notFound(c, who.t, who.session);
    const response = await api(
      new Request(
        `http://in-process/v1/orgs/${who.session.principal.org}/cycles/${cycle}/results?format=${format}`,
        {
          headers: { authorization: `Bearer ${who.session.token}` },
        },
      ),
    );
    if (response.status !== 200) return notFound(c, who.t, who.session);
    return response;
  });

  return web;
}

/** What the progress page adds for HR: the predikat forms, and the outcome of the last change. */
export function hrPageExtras(
  c: Context,
  t: Translate,
  roles: readonly string[],
  names: Map<string, string>,
): { canSetPredikat: boolean; flash?: { kind: 'ok' | 'error'; text: string } } {
  const canSetPredikat = roles.includes('hr');
  const started = c.req.query('started');
  const unit = c.req.query('predikat');
  const failed = c.req.query('failed');
  if (started) return { canSetPredikat, flash: { kind: 'ok', text: t('startCycle.started') } };
  if (unit)
    return {
      canSetPredikat,
      flash: { kind: 'ok', text: t('setPredikat.saved', { unit: names.get(unit) ?? unit }) },
    };
  if (failed)
    return {
      canSetPredikat,
      flash: { kind: 'error', text: refusalText(t, { status: 0, body: { code: failed } }) },
    };
  return { canSetPredikat };
}
