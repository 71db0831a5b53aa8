// HR's page of changes during the year (views/hr-changes.ts): find a member by name, see the appraisal's
// people and open tasks, correct the rater. The change goes through api/commands/participants.ts as the
// signed-in person, the API's own way in (its rules, refusals and Update id from the form's key).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { localIsoDate } from '../../domain/time/local-text.ts';
import { zoneAbbreviation } from '../../domain/time/zones.ts';
import { mayManageCycles } from '../../record/read/access.ts';
import { memberAppraisal, peopleNamed, personOf } from '../../record/read/cycle-people.ts';
import { cyclesOf } from '../../record/read/cycles.ts';
import { employeeNames } from '../../record/read/people.ts';
import { changeRater } from '../commands/participants.ts';
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

  /** The member's page: the case as it stands, the rater search's results, the form as it was sent. */
  const memberPage = async (
    c: Context,
    t: Translate,
    session: Session,
    nip: string,
    cycleIdAsked: string | undefined,
    extra: { raterQ?: string; form?: FormState; flash?: MemberChangesView['flash'] } = {},
    status = 200,
  ) => {
    const org = session.principal.org;
    const { cycleId } = await runningCycle(org, cycleIdAsked);
    const appraisal =
      cycleId && nipPattern.test(nip) ? await memberAppraisal(deps.db, org, cycleId, nip) : undefined;
    const person = appraisal && (await personOf(deps.db, org, nip));
    if (!cycleId || !appraisal || !person) return notFound(c, t, session, 'changes.notMember');
    const raterQ = (extra.raterQ ?? '').slice(0, 100);
    const raterFound = raterQ.trim()
      ? (await peopleNamed(deps.db, org, raterQ)).filter((p) => p.nip !== nip)
      : null;
    const p = appraisal.participants;
    const nips = [
      p.supervisorNip,
      p.superiorNip,
      ...Object.values(appraisal.openTasks).map((x) => x.assigneeNip),
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
      raterFound,
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
    const moved = c.req.query('moved');
    const savedName = c.req.query('rater');
    const flash =
      moved !== undefined && savedName
        ? {
            kind: 'ok' as const,
            text: t('changes.raterSaved', { name: savedName, count: Number(moved) || 0 }),
          }
        : undefined;
    return memberPage(c, t, session, c.req.param('nip'), c.req.query('cycle'), {
      raterQ: c.req.query('raterQ') ?? '',
      ...(flash ? { flash } : {}),
    });
  });

  web.post('/hr/changes/:nip/rater', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const nip = c.req.param('nip');
    const { values } = await postedForm(c);
    const cycleId = values.cycle ?? '';
    const again = (form: FormState, status: number) =>
      memberPage(c, t, session, nip, cycleId, { raterQ: values.raterQ ?? '', form }, status);
    const errors = fieldErrors(values);
    if (Object.keys(errors).length > 0) return again({ type: 'changeRater', values, errors }, 422);
    const request = {
      raterNip: values.raterNip ?? '',
      reason: (values.reason ?? '').trim(),
      effectiveDate: values.effectiveDate ?? '',
    };
    const answer = await attempt(() =>
      changeRater(deps, session.principal, cycleId, nip, request, values._key),
    );
    if (answer.ok) {
      const names = await employeeNames(deps.db, session.principal.org, [request.raterNip]);
      const rater = names.get(request.raterNip) ?? request.raterNip;
      const done = `${memberPath(cycleId, nip)}&rater=${encodeURIComponent(rater)}&moved=${answer.value.movedTasks}`;
      return c.redirect(done, 303);
    }
    // A refusal is remembered under its key: a corrected retry needs a new one.
    const retry = { ...values, _key: newFormKey() };
    const form: FormState =
      answer.code === 'invalid_effective_date'
        ? { type: 'changeRater', values: retry, errors: { effectiveDate: 'problem.invalid_effective_date' } }
        : { type: 'changeRater', values: retry, errors: {}, formError: refusalText(t, answer.code) };
    return again(form, answer.status);
  });

  return web;
}

/** The form's own checks, each next to its field: a person picked, a reason, a date. */
function fieldErrors(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!nipPattern.test(values.raterNip ?? '')) errors.raterNip = 'changes.error.pick';
  const reason = (values.reason ?? '').trim();
  if (!reason) errors.reason = 'error.required';
  else if (reason.length > 500) errors.reason = 'error.tooLong';
  const date = values.effectiveDate ?? '';
  if (!date) errors.effectiveDate = 'error.required';
  else if (!datePattern.test(date)) errors.effectiveDate = 'error.invalid';
  return errors;
}
