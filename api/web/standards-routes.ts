// The standards pages (views/standards.ts, views/standard-position.ts): HR starts and closes a round;
// HR, unit leaders and each position's people draft, comment and propose, answer and publish through
// api/commands/standards.ts, as the signed-in person (the API's own way in). A round's task in the inbox
// opens its position's page. Mounted ahead of the generic task page.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { StandardsCommand } from '../../domain/standards/commands.ts';
import { standardsCommandSchema } from '../../domain/standards/commands.ts';
import { mayManageCycles, maySeeRoundPosition } from '../../record/read/access.ts';
import { taskOf } from '../../record/read/inbox.ts';
import { measuresOf } from '../../record/read/measures.ts';
import { employeeNames } from '../../record/read/people.ts';
import { roundOf, roundPositions, roundsOf } from '../../record/read/standards.ts';
import type { Services } from '../commands/services.ts';
import { actOnStandardsRound, readStandardsRound, startStandardsRound } from '../commands/standards.ts';
import { type FormState, newFormKey, type Values } from './forms.ts';
import { notice } from './layout.ts';
import { attempt, problemText, webKit } from './request-kit.ts';
import { postedForm } from './role-pages.ts';
import { pageTranslator, type Session } from './session.ts';
import { addRow } from './skp-form.ts';
import { parseStandard } from './standard-form.ts';
import { type EditMode, positionBody, positionPath } from './views/standard-position.ts';
import { standardsBody } from './views/standards.ts';

export function standardsRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  const now = () => new Date();
  const isHr = (s: Session) => mayManageCycles(s.principal);

  const listPage = async (c: Context, session: Session, state: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const rounds = await roundsOf(deps.db, org);
    const shown = rounds.find((r) => r.roundId === c.req.query('round')) ?? rounds[0];
    const round = shown ? await readStandardsRound(deps, session.principal, shown.roundId) : null;
    const full = shown ? await roundOf(deps.db, org, shown.roundId) : undefined;
    const open = rounds.some((r) => r.status !== 'closed');
    const flash = c.req.query('started') ? 'started' : c.req.query('closed') ? 'closed' : null;
    const body = standardsBody(t, {
      rounds,
      round: round && full ? { ...round, tasks: full.tasks } : null,
      me: { nip, hr: isHr(session) },
      candidates: isHr(session) && !open ? await roundPositions(deps.db, org) : null,
      state,
      flash,
    });
    return render(c, t, { title: t('standards.pageTitle'), body, session, section: 'standards', status });
  };

  web.get('/standards', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return listPage(c, session, null);
  });

  web.post('/standards/start', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const { values, lists } = await postedForm(c);
    const positionCodes = (lists.positionCodes ?? []).filter(Boolean);
    const again = (errors: Record<string, string>, formError?: string, status = 422) =>
      listPage(
        c,
        session,
        {
          type: 'startRound',
          values: { ...values, positionCodes: positionCodes.join(','), _key: newFormKey() },
          errors,
          ...(formError ? { formError } : {}),
        },
        status,
      );
    if (!values.until) return again({ until: 'error.required' });
    if (positionCodes.length === 0) return again({ positionCodes: 'standards.error.noPositions' });
    const answer = await attempt(() =>
      startStandardsRound(deps, session.principal, { until: values.until ?? '', positionCodes }, values._key),
    );
    if (answer.ok)
      return c.redirect(`/app/standards?round=${encodeURIComponent(answer.value.roundId)}&started=1`, 303);
    const t = pageTranslator(c, session);
    if (answer.code === 'invalid_until' || answer.code === 'window_in_past')
      return again({ until: `standards.error.${answer.code}` });
    return again({}, problemText(t, answer.code), answer.status);
  });

  web.post('/standards/:roundId/close', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const { values } = await postedForm(c);
    const roundId = c.req.param('roundId');
    const answer = await attempt(() =>
      actOnStandardsRound(deps, session.principal, roundId, { type: 'closeRound' }, values._key),
    );
    if (answer.ok) return c.redirect(`/app/standards?round=${encodeURIComponent(roundId)}&closed=1`, 303);
    const t = pageTranslator(c, session);
    const state = {
      type: 'closeRound',
      values: { _key: newFormKey() },
      errors: {},
      formError: problemText(t, answer.code),
    };
    return listPage(c, session, state, answer.status);
  });

  const positionPage = async (
    c: Context,
    session: Session,
    roundId: string,
    code: string,
    state: FormState | null,
    status = 200,
  ) => {
    const t = pageTranslator(c, session);
    const round = await roundOf(deps.db, session.principal.org, roundId);
    const position = round?.positions.find((p) => p.positionCode === code);
    if (!round || !position || !maySeeRoundPosition(session.principal, position))
      return render(c, t, { title: t('error.pageTitle'), body: h404(t), session, status: 404 });
    const people = [...position.comments.flatMap((x) => [x.by, ...(x.answer ? [x.answer.by] : [])])];
    const names = await employeeNames(deps.db, session.principal.org, people);
    const asked = c.req.query('edit') ?? '';
    const edit: EditMode =
      asked === 'draft' || asked === 'proposal' || /^answer:c\d+$/.test(asked) ? (asked as EditMode) : null;
    const { nip } = session.principal;
    const body = positionBody(t, {
      round,
      position,
      names,
      me: { nip, hr: isHr(session) },
      myTask: Object.values(round.tasks).find((x) => x.positionCode === code && x.assigneeNip === nip),
      edit,
      state,
      now: now(),
      done: c.req.query('done') === '1',
      measures: await measuresOf(deps.db, session.principal.org),
    });
    return render(c, t, {
      title: t('standards.positionTitle', { name: position.name }),
      body,
      session,
      section: 'standards',
      status,
    });
  };

  web.get('/standards/:roundId/:code', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return positionPage(c, session, c.req.param('roundId'), c.req.param('code'), null);
  });

  web.post('/standards/:roundId/:code', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const roundId = c.req.param('roundId');
    const code = c.req.param('code');
    const { values } = await postedForm(c);
    const type = values.type ?? '';
    const again = (state: FormState, status: number) =>
      positionPage(c, session, roundId, code, state, status);
    if (values._add) {
      const { _add, ...rest } = values;
      return again({ type, values: addRow(rest, _add), errors: {} }, 200);
    }
    const parsed = commandOf(type, code, values);
    if (!parsed.ok) return again({ type, values, errors: parsed.errors }, 422);
    const answer = await attempt(() =>
      actOnStandardsRound(deps, session.principal, roundId, parsed.command, values._key),
    );
    if (answer.ok) return c.redirect(`${positionPath(roundId, code)}?done=1`, 303);
    const t = pageTranslator(c, session);
    return again(
      { type, values: { ...values, _key: newFormKey() }, errors: {}, formError: problemText(t, answer.code) },
      answer.status,
    );
  });

  // A round's task in the inbox opens its position's page.
  web.get('/tasks/:taskId', async (c, next) => {
    const session = await need(c);
    if (session instanceof Response) return next();
    const task = await taskOf(deps.db, session.principal, c.req.param('taskId'));
    if (task?.kind !== 'reviewStandard') return next();
    const round = await roundOf(deps.db, session.principal.org, task.appraisalId);
    const code = round?.tasks[task.taskId]?.positionCode;
    if (!round || code === undefined) return next();
    return c.redirect(positionPath(round.roundId, code), 303);
  });

  return web;
}

/** A position of another organisation's round, or one not the reader's, is as absent as a missing one. */
const h404 = (t: ReturnType<typeof pageTranslator>) => notice('info', t('standards.notFound'));

/** A posted form as a standards command, checked with the API's own schema; errors by field. */
function commandOf(
  type: string,
  positionCode: string,
  v: Values,
): { ok: true; command: StandardsCommand } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let candidate: unknown;
  const edited = () => {
    const parsed = parseStandard(v);
    if (!parsed.ok) Object.assign(errors, parsed.errors);
    return parsed.ok ? parsed.standard : undefined;
  };
  switch (type) {
    case 'commentStandard': {
      // The editor was open: a proposal (one left as the draft is refused as proposal_unchanged).
      const proposal = v.duties !== undefined ? edited() : undefined;
      candidate = { type, positionCode, text: v.text ?? '', ...(proposal ? { proposal } : {}) };
      break;
    }
    case 'draftStandard':
      candidate = { type, positionCode, standard: edited() };
      break;
    case 'answerProposal': {
      const standard = v.answer === 'changed' ? edited() : undefined;
      const reason = v.reason?.trim();
      candidate = {
        type,
        positionCode,
        commentId: v.commentId ?? '',
        answer: v.answer ?? '',
        ...(reason ? { reason } : {}),
        ...(standard ? { standard } : {}),
      };
      break;
    }
    case 'publishStandard':
      candidate = { type, positionCode };
      break;
    default:
      return { ok: false, errors: { type: 'error.invalid' } };
  }
  const result = standardsCommandSchema.safeParse(candidate);
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'type');
      const typed = v[field];
      errors[field] ??=
        typed !== undefined && typed.trim() === ''
          ? 'error.required'
          : field === 'answer'
            ? 'error.required'
            : 'error.invalid';
    }
  if (Object.keys(errors).length > 0 || !result.success) return { ok: false, errors };
  return { ok: true, command: result.data };
}
