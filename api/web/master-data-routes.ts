// HR's master data pages (/app/hr/units, /app/hr/positions, /app/hr/employees): lists, search, and the
// edit forms, which go through api/commands/master-data.ts as the signed-in person (HR only, the rules of
// domain/organisation/master-data.ts, who and when recorded); the import's CSV template for download.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FieldError } from '../../domain/organisation/master-data.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import { peopleNamed } from '../../record/read/cycle-people.ts';
import { employeeRecord } from '../../record/read/master-data.ts';
import * as masterData from '../commands/master-data.ts';
import { refusalOf } from '../commands/refusal.ts';
import type { Services } from '../commands/services.ts';
import type { FormState, Values } from './forms.ts';
import type { Translate } from './i18n/index.ts';
import { postedForm, refusalText, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import {
  errorKeys,
  indicatorRows,
  positionFormBody,
  positionsBody,
  unitFormBody,
  unitsBody,
} from './views/master-data.ts';
import { employeeFormBody, employeesBody, listLimit } from './views/master-employees.ts';

type Saved = { ok: true } | { ok: false; status: number; state: FormState };

/** Runs an edit: saved, or the form again with its fields' errors (422) or the refusal's sentence. */
async function saveForm(
  t: Translate,
  values: Values,
  run: () => Promise<unknown>,
  type: string,
): Promise<Saved> {
  try {
    await run();
    return { ok: true };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    const fields = (refusal.extra.errors ?? []) as FieldError[];
    if (refusal.code === 'invalid_master_data' && fields.length > 0)
      return { ok: false, status: 422, state: { type, values, errors: errorKeys(fields) } };
    return {
      ok: false,
      status: refusal.status,
      state: { type, values, errors: {}, formError: refusalText(t, refusal.code) },
    };
  }
}

export function masterDataRoutes(deps: Services): Hono {
  const web = new Hono();
  const { needRole, notFound, sectionPages } = rolePages(deps);
  const hr = (c: Context) => needRole(c, mayManageCycles, 'error.forbiddenHr');
  const show = sectionPages('hrMaster');
  const q = (c: Context, name: string) => (c.req.query(name) ?? '').slice(0, 100);
  type Hr = { session: Session; t: Translate };
  type EditForm = (
    c: Context,
    who: Hr,
    state: FormState | null,
    code: string,
    status?: number,
  ) => Promise<Response>;

  /**
   * A unit's or a position's edit page: GET shows the form of the code asked for (a new one without);
   * POST saves the posted form under its code, then back to the list, or the form again with what failed.
   */
  const editPage = (
    path: string,
    form: EditForm,
    save: (c: Context, who: Hr, values: Values, code: string) => Promise<Response>,
  ) => {
    web.get(path, async (c) => {
      const who = await hr(c);
      if (who instanceof Response) return who;
      return form(c, who, null, q(c, 'code'));
    });
    web.post(path, async (c) => {
      const who = await hr(c);
      if (who instanceof Response) return who;
      const { values } = await postedForm(c);
      return save(c, who, values, (values.code ?? '').trim());
    });
  };

  // ---- units ----
  web.get('/hr/units', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const units = await masterData.listUnits(deps, who.session.principal);
    return show(
      c,
      who.t,
      who.session,
      who.t('master.units'),
      unitsBody(who.t, units, c.req.query('saved') === '1'),
    );
  });

  const unitForm: EditForm = async (c, { session, t }, state, code, status = 200) => {
    const org = session.principal.org;
    const units = await masterData.listUnits(deps, session.principal);
    const unit = units.find((u) => u.code === code);
    const headQ = q(c, 'headQ') || (state?.values.headQ ?? '');
    const values: Values = unit
      ? {
          code: unit.code,
          name: unit.name,
          parentCode: unit.parentCode ?? '',
          headNip: unit.headNip ?? '',
          independent: unit.independent ? '1' : '',
        }
      : {};
    const view = {
      state: state ?? { type: 'unit', values, errors: {} },
      existing: unit !== undefined,
      units,
      headQ,
      found: headQ.trim() ? await peopleNamed(deps.db, org, headQ) : null,
      currentHead: unit?.headNip ? { nip: unit.headNip, name: unit.headName ?? unit.headNip } : null,
      changes: unit ? await masterData.recordChanges(deps, session.principal, 'unit', unit.code) : [],
    };
    const title = unit ? t('master.editUnit', { name: unit.name }) : t('master.newUnit');
    return show(c, t, session, title, unitFormBody(t, view), status);
  };

  editPage('/hr/units/edit', unitForm, async (c, who, values, code) => {
    const body = {
      name: values.name ?? '',
      parentCode: values.parentCode || null,
      headNip: values.headNip || null,
      independent: values.independent === '1',
    };
    const saved = await saveForm(
      who.t,
      values,
      () => masterData.editUnit(deps, who.session.principal, code, body),
      'unit',
    );
    if (saved.ok) return c.redirect('/app/hr/units?saved=1', 303);
    // Its code is fixed once the unit exists: an edit keeps showing it as such.
    return unitForm(c, who, saved.state, code, saved.status);
  });

  // ---- positions ----
  web.get('/hr/positions', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const text = q(c, 'q');
    const positions = await masterData.listPositions(deps, who.session.principal, text);
    const body = positionsBody(who.t, positions, text, c.req.query('saved') === '1');
    return show(c, who.t, who.session, who.t('master.positions'), body);
  });

  const positionForm: EditForm = async (c, { session, t }, state, code, status = 200) => {
    const position = code
      ? (await masterData.listPositions(deps, session.principal, code)).find((p) => p.code === code)
      : undefined;
    const values: Values = position
      ? {
          code: position.code,
          name: position.name,
          kind: position.kind,
          duties: position.duties.join('\n'),
          ...Object.fromEntries(
            position.defaultIndicators.flatMap((d, i) => [
              [`defaultIndicators.${i}.description`, d.description],
              [`defaultIndicators.${i}.aspect`, d.aspect],
              [`defaultIndicators.${i}.target`, d.target],
            ]),
          ),
        }
      : {};
    const rows = state
      ? Number(state.values.rows) || 2
      : indicatorRows(position?.defaultIndicators.length ?? 0);
    const view = {
      state: state ?? { type: 'position', values, errors: {} },
      existing: position !== undefined,
      rows: Math.min(Math.max(rows, 1), 50),
      changes: position
        ? await masterData.recordChanges(deps, session.principal, 'position', position.code)
        : [],
    };
    const title = position ? t('master.editPosition', { name: position.name }) : t('master.newPosition');
    return show(c, t, session, title, positionFormBody(t, view), status);
  };

  editPage('/hr/positions/edit', positionForm, async (c, who, values, code) => {
    const rows = Math.min(Math.max(Number(values.rows) || 0, 0), 50);
    // Rows left empty are no indicator; a row partly filled is sent as it is, so its gaps are named.
    const indicators = Array.from({ length: rows }, (_, i) => ({
      description: values[`defaultIndicators.${i}.description`] ?? '',
      aspect: values[`defaultIndicators.${i}.aspect`] ?? '',
      target: values[`defaultIndicators.${i}.target`] ?? '',
      at: i,
    })).filter((d) => d.description.trim() || d.aspect || d.target.trim());
    const body = {
      name: values.name ?? '',
      kind: values.kind ?? '',
      duties: (values.duties ?? '')
        .split(/\r?\n/)
        .map((d) => d.trim())
        .filter(Boolean),
      defaultIndicators: indicators.map(({ at: _, ...d }) => d),
    };
    const saved = await saveForm(
      who.t,
      values,
      () => masterData.editPosition(deps, who.session.principal, code, body),
      'position',
    );
    if (saved.ok) return c.redirect('/app/hr/positions?saved=1', 303);
    // The API names defaultIndicators.N of the rows sent; the form's rows are numbered as shown.
    const errors = Object.fromEntries(
      Object.entries(saved.state.errors).map(([field, key]) => {
        const m = /^defaultIndicators\.(\d+)\.(.*)$/.exec(field);
        const row = m ? indicators[Number(m[1])]?.at : undefined;
        return [m && row !== undefined ? `defaultIndicators.${row}.${m[2]}` : field, key];
      }),
    );
    return positionForm(c, who, { ...saved.state, errors }, code, saved.status);
  });

  // ---- employees ----
  web.get('/hr/employees', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const text = q(c, 'q');
    const unit = q(c, 'unit');
    const [people, units] = await Promise.all([
      masterData.listEmployees(deps, who.session.principal, {
        q: text,
        unit: unit || undefined,
        limit: listLimit,
      }),
      masterData.listUnits(deps, who.session.principal),
    ]);
    const body = employeesBody(who.t, { people, units, q: text, unit, saved: c.req.query('saved') === '1' });
    return show(c, who.t, who.session, who.t('master.employees'), body);
  });

  web.get('/hr/import/template.csv', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const csv = await masterData.employeeTemplate(deps, who.session.principal);
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pegawai-templat.csv"',
    });
  });

  const employeeForm = async (
    c: Context,
    session: Session,
    t: Translate,
    state: FormState | null,
    nip: string | null,
    status = 200,
  ) => {
    const org = session.principal.org;
    const person = nip ? await employeeRecord(deps.db, org, nip) : undefined;
    if (nip && !person) return notFound(c, t, session);
    const supQ = q(c, 'supQ') || (state?.values.supQ ?? '');
    const values: Values = person
      ? {
          name: person.name,
          email: person.email ?? '',
          unitCode: person.unitCode,
          positionCode: person.positionCode,
          employmentStatus: person.employmentStatus,
          rank: person.rank ?? '',
          language: person.language,
          supervisorNip: person.supervisorNip ?? '',
        }
      : { language: 'id' };
    const [units, positions] = await Promise.all([
      masterData.listUnits(deps, session.principal),
      masterData.listPositions(deps, session.principal),
    ]);
    const view = {
      state: state ?? { type: 'employee', values, errors: {} },
      person: person ?? null,
      units,
      positions,
      supQ,
      found: supQ.trim() ? await peopleNamed(deps.db, org, supQ) : null,
      changes: person ? await masterData.recordChanges(deps, session.principal, 'employee', person.nip) : [],
    };
    const title = person ? t('master.editEmployee', { name: person.name }) : t('master.newEmployee');
    return show(c, t, session, title, employeeFormBody(t, view), status);
  };

  const saveEmployeeForm = async (c: Context, nipOf: (values: Values) => string, existing: boolean) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    const { values } = await postedForm(c);
    const nip = nipOf(values).trim();
    const body = {
      name: values.name ?? '',
      email: values.email ?? '',
      unitCode: values.unitCode ?? '',
      positionCode: values.positionCode ?? '',
      supervisorNip: values.supervisorNip || null,
      language: values.language || null,
      employmentStatus: values.employmentStatus || null,
      rank: values.rank?.trim() || null,
    };
    const saved = await saveForm(
      who.t,
      values,
      () => masterData.editEmployee(deps, who.session.principal, nip, body),
      'employee',
    );
    if (saved.ok) return c.redirect(`/app/hr/employees?saved=1&q=${encodeURIComponent(nip)}`, 303);
    return employeeForm(c, who.session, who.t, saved.state, existing ? nip : null, saved.status);
  };

  web.get('/hr/employees/new', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    return employeeForm(c, who.session, who.t, null, null);
  });
  web.post('/hr/employees/new', (c) => saveEmployeeForm(c, (v) => v.nip ?? '', false));

  web.get('/hr/employees/:nip{[0-9]{18}}', async (c) => {
    const who = await hr(c);
    if (who instanceof Response) return who;
    return employeeForm(c, who.session, who.t, null, c.req.param('nip'));
  });
  web.post('/hr/employees/:nip{[0-9]{18}}', (c) => saveEmployeeForm(c, () => c.req.param('nip'), true));

  return web;
}
