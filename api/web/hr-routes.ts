// HR's pages beyond the progress page: the employee CSV import, starting the year's cycle (and the
// organisation's time zone it counts its days in), setting a unit's predikat, and the results export. Every change goes through api/commands/ as the signed-in person,
// the API's own way in (authorisation, tenancy, and the Update id derived from the form's key).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Principal } from '../../auth/identity.ts';
import { isPeriodId } from '../../domain/cycle/periods.ts';
import { unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { attachmentHeaders } from '../../http/attachment.ts';
import { maxBodyBytes } from '../../http/input-guards.ts';
import { mayManageCycles, mayReadCycles } from '../../record/read/access.ts';
import { cycleSummaryOf } from '../../record/read/cycles.ts';
import { unitsOf } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import { resultsFile } from '../../record/read/results.ts';
import { setUnitPredikat, startCycle } from '../commands/cycles.ts';
import { importEmployeeFile, setOrganisationTimeZone } from '../commands/organisation.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, newFormKey } from './forms.ts';
import type { Translate } from './i18n/index.ts';
import { attempt } from './request-kit.ts';
import { cycleIdPattern, postedForm, refusalText, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import { type ImportView, importBody } from './views/hr-import.ts';
import { freshStartView, parseStartCycle, type StartCycleView, startCycleBody } from './views/hr-start.ts';

export function hrRoutes(deps: Services): Hono {
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
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    return importPage(c, who.t, who.session, { csv: '', errors: {} });
  });

  web.post('/hr/import', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const { values, files } = await postedForm(c);
    const pasted = values.csv ?? '';
    const file = files.file && files.file.size > 0 ? files.file : null;
    if (file && file.size > maxBodyBytes)
      return importPage(c, t, session, { csv: pasted, errors: { file: 'import.error.tooLarge' } }, 413);
    // An Excel workbook is a zip: it starts with "PK\x03\x04", whatever the file is called.
    const bytes = file ? new Uint8Array(await file.arrayBuffer()) : null;
    const xlsx =
      bytes !== null && bytes.length > 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'PK\x03\x04';
    const csv = bytes ? (xlsx ? '' : new TextDecoder().decode(bytes)) : pasted;
    if (!xlsx && !csv.trim())
      return importPage(c, t, session, { csv: pasted, errors: { file: 'import.error.empty' } }, 422);
    // What the API refuses of a CSV body, refused alike: over its size, or text PostgreSQL cannot hold.
    const refused = (status: number, code: string) =>
      importPage(c, t, session, { csv: pasted, errors: {}, formError: refusalText(t, code) }, status);
    if (Buffer.byteLength(csv) > maxBodyBytes) return refused(413, 'payload_too_large');
    if (csv.includes('\u0000')) return refused(400, 'invalid_text');
    const upload = xlsx && bytes ? { xlsx: bytes } : csv;
    const answer = await attempt(() => importEmployeeFile(deps, session.principal, upload, t.lang));
    if (!answer.ok) return refused(answer.status, answer.code);
    const result = answer.value;
    if (!result.ok && 'unreadable' in result) return refused(400, 'unreadable_file');
    if (!result.ok) {
      const view: ImportView = {
        csv: pasted,
        errors: {},
        formError: t('import.headerInvalid'),
        headerErrors: result.headerErrors,
      };
      return importPage(c, t, session, view, 400);
    }
    const nips = result.rows.flatMap((r) => (r.ok ? [r.nip] : []));
    const names = await employeeNames(deps.db, session.principal.org, nips);
    return importPage(c, t, session, { csv: file ? '' : pasted, errors: {}, result, names });
  });

  // ---- start the year's cycle ----
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
      if (await cycleSummaryOf(deps.db, undefined, cycleId)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  web.get('/hr/start', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const units = await unitsOf(deps.db, who.session.principal.org);
    const saved = c.req.query('zone') === 'saved';
    return startPage(c, who.t, who.session, freshStartView(now(), units, who.session.timeZone, saved));
  });

  // ---- the organisation's time zone, on the start page: the cycle counts its days there ----
  web.post('/hr/time-zone', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const { values } = await postedForm(c);
    const answer = await attempt(() =>
      setOrganisationTimeZone(deps, session.principal, values.timeZone ?? ''),
    );
    if (answer.ok) return c.redirect('/app/hr/start?zone=saved#time-zone', 303);
    const units = await unitsOf(deps.db, session.principal.org);
    const view = freshStartView(now(), units, session.timeZone);
    // A zone not among the three is shown at its field; any other refusal above the form.
    const zoneState: FormState =
      answer.code === 'invalid_time_zone'
        ? { type: 'timeZone', values, errors: { timeZone: 'timeZone.error' } }
        : { type: 'timeZone', values, errors: {}, formError: refusalText(t, answer.code) };
    const zone = { timeZone: session.timeZone, state: zoneState };
    return startPage(c, t, session, { ...view, zone }, answer.status);
  });

  web.post('/hr/start', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const org = session.principal.org;
    const { values, lists } = await postedForm(c);
    const units = await unitsOf(deps.db, org);
    const chosenUnits = (lists.units ?? []).filter((u) => units.some((x) => x.code === u));
    const parsed = parseStartCycle(values, chosenUnits, session.timeZone);
    const view = (extra: Partial<StartCycleView>): StartCycleView => ({
      state: { type: 'startCycle', values, errors: {} },
      units,
      chosenUnits,
      preview: parsed.ok ? parsed.calendar : null,
      zone: { timeZone: session.timeZone },
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
    const request = parsed.body;
    const answer = await attempt(() => startCycle(deps, session.principal, request, values._key));
    if (answer.ok) {
      await cycleRecorded(answer.value.cycleId);
      return c.redirect(`/app/hr?cycle=${encodeURIComponent(answer.value.cycleId)}&started=1`, 303);
    }
    // A refusal is remembered under its key: a corrected retry needs a new one.
    const state = {
      type: 'startCycle',
      values: { ...values, _key: newFormKey() },
      errors: {},
      formError: refusalText(t, answer.code),
    };
    return startPage(c, t, session, view({ state }), answer.status >= 400 ? answer.status : 500);
  });

  // ---- a unit's predikat ----
  web.post('/hr/predikat', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { values } = await postedForm(c);
    const cycle = values.cycle ?? '';
    const unit = values.unit ?? '';
    // With a period, the unit's capaian for that period, set from (and back to) the periodic page.
    const period = values.period || undefined;
    const back = period
      ? `/app/hr/periodic?cycle=${encodeURIComponent(cycle)}&period=${encodeURIComponent(period)}`
      : `/app/hr?cycle=${encodeURIComponent(cycle)}`;
    const anchor = period ? '#period-distribution' : '#distribution';
    const done = period ? 'capaian' : 'predikat';
    const predikat = unitPredikatSchema.safeParse(values.predikat);
    if (!cycleIdPattern.test(cycle) || !unit) return c.redirect('/app/hr', 303);
    if (!predikat.success) return c.redirect(`${back}&failed=predikat_required${anchor}`, 303);
    // A unit code is at most 64 characters, as the API's schema says; a period is one of the known ids.
    if (unit.length > 64 || (period !== undefined && !isPeriodId(period)))
      return c.redirect(`${back}&failed=invalid_request${anchor}`, 303);
    const change = { unitCode: unit, predikat: predikat.data, period, document: values.document };
    const answer = await attempt(() =>
      setUnitPredikat(deps, who.session.principal, cycle, change, values._key),
    );
    if (answer.ok) return c.redirect(`${back}&${done}=${encodeURIComponent(unit)}${anchor}`, 303);
    return c.redirect(`${back}&failed=${encodeURIComponent(answer.code)}${anchor}`, 303);
  });

  // ---- results export: the same file as the API's ----
  web.get('/hr/export', async (c) => {
    const who = await needRole(c, mayReadCycles, 'error.forbidden');
    if (who instanceof Response) return who;
    const cycle = c.req.query('cycle') ?? '';
    const format = c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';
    if (!cycleIdPattern.test(cycle)) return notFound(c, who.t, who.session);
    // A page in Bahasa Indonesia downloads its words; in English, the CSV's stable names and codes.
    const file = await resultsFile(deps.db, who.session.principal.org, cycle, format, {
      inWords: who.t.lang === 'id',
    });
    if (!file) return notFound(c, who.t, who.session);
    return new Response(file.body, { headers: attachmentHeaders(file) });
  });

  return web;
}

/** What the progress page adds for HR: the predikat forms, and the outcome of the last change. */
export function hrPageExtras(
  c: Context,
  t: Translate,
  principal: Principal,
  names: Map<string, string>,
): { canSetPredikat: boolean; flash?: { kind: 'ok' | 'error'; text: string } } {
  const canSetPredikat = mayManageCycles(principal);
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
      flash: { kind: 'error', text: refusalText(t, failed) },
    };
  return { canSetPredikat };
}
