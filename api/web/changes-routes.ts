// HR's page of changes during the year (views/hr-changes.ts): find a member by name, see the appraisal's
// people and open tasks, correct the rater, appoint an acting rater (Plt/Plh), record a mutasi or
// promotion, start a new appraisal for
// one who left and came back. The change goes through api/commands/participants.ts as the
// signed-in person, the API's own way in (its rules, refusals and Update id from the form's key).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { localIsoDate } from '../../domain/time/local-text.ts';
import { zoneAbbreviation } from '../../domain/time/zones.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import {
  directReports,
  memberAppraisal,
  peopleNamed,
  personOf,
  successorOf,
} from '../../record/read/cycle-people.ts';
import { cyclesOf } from '../../record/read/cycles.ts';
import { positionsOf, unitsOf } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import { recordMutasiWithReports } from '../commands/mutasi-reports.ts';
import { appointActingRater, changeRater, rejoinEmployee } from '../commands/participants.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, newFormKey, type Values } from './forms.ts';
import type { Translate } from './i18n/index.ts';
import { attempt } from './request-kit.ts';
import { postedForm, refusalText, rolePages } from './role-pages.ts';
import type { Session } from './session.ts';
import {
  changesSearchBody,
  type MemberChangesView,
  memberChangesBody,
  memberPath,
} from './views/hr-changes.ts';

const nipPattern = /^\d{18}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function changesRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);

  /** The running cycles, newest first, and the one asked for (else the newest). */
  const runningCycle = async (org: string, asked: string | undefined) => {
    const cycles = (await cyclesOf(deps.db, org)).filter((c) => c.status === 'running');
    return {
      cycles,
      cycleId: cycles.find((c) => c.cycle_id === asked)?.cycle_id ?? cycles[0]?.cycle_id ?? null,
    };
  };

  web.get('/hr/changes', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const org = session.principal.org;
    const { cycles, cycleId } = await runningCycle(org, c.req.query('cycle'));
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const found = cycleId && q.trim() ? await peopleNamed(deps.db, org, q, { cycleId }) : null;
    const body = changesSearchBody(t, { cycles, cycleId, q, found });
    return render(c, t, { title: t('changes.title'), body, session, section: 'hrChanges' });
  });

  /** The member's page: the case as it stands, the searches' results, the form as it was sent. */
  const memberPage = async (
    c: Context,
    t: Translate,
    session: Session,
    nip: string,
    cycleIdAsked: string | undefined,
    extra: {
      raterQ?: string;
      actingQ?: string;
      mutasiQ?: string;
      form?: FormState;
      flash?: MemberChangesView['flash'];
    } = {},
    status = 200,
  ) => {
    const org = session.principal.org;
    const { cycleId } = await runningCycle(org, cycleIdAsked);
    const appraisal =
      cycleId && nipPattern.test(nip) ? await memberAppraisal(deps.db, org, cycleId, nip) : undefined;
    const person = appraisal && (await personOf(deps.db, org, nip));
    if (!cycleId || !appraisal || !person) return notFound(c, t, session, 'changes.notMember');
    const search = async (text: string) =>
      text.trim() ? (await peopleNamed(deps.db, org, text)).filter((p) => p.nip !== nip) : null;
    const raterQ = (extra.raterQ ?? '').slice(0, 100);
    const actingQ = (extra.actingQ ?? '').slice(0, 100);
    const mutasiQ = (extra.mutasiQ ?? '').slice(0, 100);
    const p = appraisal.participants;
    const nips = [
      p.supervisorNip,
      p.superiorNip,
      ...Object.values(appraisal.openTasks).map((x) => x.assigneeNip),
      ...(appraisal.actingAppointments ?? []).map((x) => x.actingNip),
      ...(appraisal.closedSkpPeriods ?? []).map((x) => x.raterNip),
    ];
    const names = await employeeNames(
      deps.db,
      org,
      nips.filter((x): x is string => x !== null),
    );
    const view: MemberChangesView = {
      cycleId,
      person,
      appraisal,
      names,
      raterQ,
      raterFound: await search(raterQ),
      actingQ,
      actingFound: await search(actingQ),
      mutasiQ,
      mutasiFound: await search(mutasiQ),
      reports: await directReports(deps.db, org, cycleId, nip),
      successor: (await successorOf(deps.db, org, nip)) ?? null,
      units: await unitsOf(deps.db, org),
      positions: await positionsOf(deps.db, org),
      form: extra.form ?? null,
      today: localIsoDate(new Date(), t.timeZone),
      zone: zoneAbbreviation(t.timeZone),
      ...(extra.flash ? { flash: extra.flash } : {}),
    };
    const title = t('changes.title');
    return render(c, t, { title, body: memberChangesBody(t, view), session, section: 'hrChanges', status });
  };

  web.get('/hr/changes/:nip', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const q = (name: string) => c.req.query(name) ?? '';
    // What the last change did, said above the case.
    const said = q('rater')
      ? t('changes.raterSaved', { name: q('rater'), count: Number(q('moved')) || 0 })
      : q('acting')
        ? t('changes.actingSaved', { name: q('acting'), from: q('from'), to: q('to') })
        : q('rejoined')
          ? t('changes.rejoinSaved', { name: q('rejoined') })
          : q('moved-to')
            ? [
                t('changes.mutasiSaved', { name: q('name'), position: q('position'), unit: q('moved-to') }),
                ...(Number(q('reports')) > 0
                  ? [t('changes.reportsMoved', { count: Number(q('reports')), name: q('name') })]
                  : []),
              ].join(' ')
            : null;
    return memberPage(c, t, session, c.req.param('nip'), c.req.query('cycle'), {
      raterQ: q('raterQ'),
      actingQ: q('actingQ'),
      mutasiQ: q('mutasiQ'),
      ...(said ? { flash: { kind: 'ok' as const, text: said } } : {}),
    });
  });

  /**
   * Posts one change: the form's own checks first (each next to its field), then the command; on success
   * back to the member's page saying what was done, else the form again with the refusal.
   */
  const change = (o: {
    path: string;
    type: string;
    query: 'raterQ' | 'actingQ' | 'mutasiQ' | null;
    person: string | null;
    dates: string[];
    /** A refusal shown next to a field rather than above the form. */
    fieldRefusal: [code: string, field: string];
    run: (
      session: Session,
      cycleId: string,
      nip: string,
      values: Values,
    ) => Promise<{ said: Record<string, string> }>;
  }) =>
    web.post(o.path, async (c) => {
      const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
      if (who instanceof Response) return who;
      const { t, session } = who;
      const nip = c.req.param('nip') ?? '';
      const { values } = await postedForm(c);
      const cycleId = values.cycle ?? '';
      const again = (form: FormState, status: number) =>
        memberPage(
          c,
          t,
          session,
          nip,
          cycleId,
          o.query ? { [o.query]: values[o.query] ?? '', form } : { form },
          status,
        );
      const errors = fieldErrors(values, o.person, o.dates);
      if (Object.keys(errors).length > 0) return again({ type: o.type, values, errors }, 422);
      const answer = await attempt(() => o.run(session, cycleId, nip, values));
      if (answer.ok)
        return c.redirect(`${memberPath(cycleId, nip)}&${new URLSearchParams(answer.value.said)}`, 303);
      // A refusal is remembered under its key: a corrected retry needs a new one.
      const retry = { ...values, _key: newFormKey() };
      const [code, field] = o.fieldRefusal;
      const form: FormState =
        answer.code === code
          ? { type: o.type, values: retry, errors: { [field]: `problem.${code}` } }
          : { type: o.type, values: retry, errors: {}, formError: refusalText(t, answer.code) };
      return again(form, answer.status);
    });

  /** A change holding from a day: its date, and a refusal of that day shown next to it. */
  const fromDay = {
    dates: ['effectiveDate'],
    fieldRefusal: ['invalid_effective_date', 'effectiveDate'] as [string, string],
  };

  const nameOf = async (session: Session, nip: string) =>
    (await employeeNames(deps.db, session.principal.org, [nip])).get(nip) ?? nip;

  change({
    path: '/hr/changes/:nip/rater',
    type: 'changeRater',
    query: 'raterQ',
    person: 'raterNip',
    ...fromDay,
    run: async (session, cycleId, nip, values) => {
      const request = {
        raterNip: values.raterNip ?? '',
        reason: (values.reason ?? '').trim(),
        effectiveDate: values.effectiveDate ?? '',
      };
      const result = await changeRater(deps, session.principal, cycleId, nip, request, values._key);
      return {
        said: { rater: await nameOf(session, request.raterNip), moved: String(result.movedTasks) },
      };
    },
  });

  change({
    path: '/hr/changes/:nip/acting-rater',
    type: 'appointActing',
    query: 'actingQ',
    person: 'actingNip',
    dates: ['from', 'to'],
    fieldRefusal: ['invalid_acting_range', 'to'],
    run: async (session, cycleId, nip, values) => {
      const request = {
        actingNip: values.actingNip ?? '',
        from: values.from ?? '',
        to: values.to ?? '',
        reason: (values.reason ?? '').trim(),
      };
      await appointActingRater(deps, session.principal, cycleId, nip, request, values._key);
      const acting = await nameOf(session, request.actingNip);
      return { said: { acting, from: request.from, to: request.to } };
    },
  });

  change({
    path: '/hr/changes/:nip/mutasi',
    type: 'mutasi',
    query: 'mutasiQ',
    person: 'raterNip',
    ...fromDay,
    run: async (session, cycleId, nip, values) => {
      const kind = values.kind === 'promotion' ? 'promotion' : 'mutasi';
      const request = {
        kind: kind as 'mutasi' | 'promotion',
        unitCode: values.unitCode ?? '',
        positionCode: values.positionCode ?? '',
        raterNip: values.raterNip ?? '',
        reason: (values.reason ?? '').trim(),
        effectiveDate: values.effectiveDate ?? '',
        // Who rates the member's direct reports; none picked: the successor in the post.
        reportsRaterNip: values.reportsRaterNip || undefined,
      };
      const done = await recordMutasiWithReports(deps, session.principal, cycleId, nip, request, values._key);
      const moved = done.reports.filter((r) => !('refused' in r)).length;
      const org = session.principal.org;
      const unit = (await unitsOf(deps.db, org)).find((u) => u.code === request.unitCode)?.name;
      const position = (await positionsOf(deps.db, org)).find((p) => p.code === request.positionCode)?.name;
      return {
        said: {
          name: await nameOf(session, nip),
          position: position ?? request.positionCode,
          'moved-to': unit ?? request.unitCode,
          reports: String(moved),
        },
      };
    },
  });

  change({
    path: '/hr/changes/:nip/rejoin',
    type: 'rejoin',
    query: null,
    person: null,
    ...fromDay,
    run: async (session, cycleId, nip, values) => {
      const request = { reason: (values.reason ?? '').trim(), effectiveDate: values.effectiveDate ?? '' };
      await rejoinEmployee(deps, session.principal, cycleId, nip, request, values._key);
      return { said: { rejoined: await nameOf(session, nip) } };
    },
  });

  return web;
}

/** The form's own checks, each next to its field: a person picked, a reason, the dates. */
function fieldErrors(values: Values, person: string | null, dates: string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (person && !nipPattern.test(values[person] ?? '')) errors[person] = 'changes.error.pick';
  // A mutasi's post: the kind, the unit and the position chosen from their lists.
  for (const field of ['kind', 'unitCode', 'positionCode'])
    if (field in values && !values[field]) errors[field] = 'error.required';
  const reason = (values.reason ?? '').trim();
  if (!reason) errors.reason = 'error.required';
  else if (reason.length > 500) errors.reason = 'error.tooLong';
  for (const field of dates) {
    const date = values[field] ?? '';
    if (!date) errors[field] = 'error.required';
    else if (!datePattern.test(date)) errors[field] = 'error.invalid';
  }
  return errors;
}
