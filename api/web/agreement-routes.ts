// The agreement (SKP) task pages: proposeIndicators (the SKP editor, in the form and approach of the
// appraisal's SKP), reviewIndicators and signAgreement (every version, comments and signatures, then sign
// or comment); the employee's own draft of the SKP from "my appraisal" (/app/appraisal/skp, either party
// may draft); and the check-in feedback page (what the employee reported, with the evidence, then the
// feedback). Mounted from routes.ts ahead of the generic task page: a task of another kind falls through
// to it. Acting goes through api/commands/ (the API's own way in), like every other page, after the same
// zod validation and the domain's rules of the form.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Rhk } from '../../domain/appraisal/events.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { commandsForTask, taskTakes } from '../../domain/appraisal/task-commands.ts';
import { qualifierOf } from '../../domain/ids.ts';
import { indicatorAspects } from '../../domain/organisation/master-data.ts';
import { agreedRhk, checkInRecord } from '../../record/read/agreement.ts';
import { appraisalState, myAppraisal } from '../../record/read/appraisal.ts';
import { type Task, taskOf } from '../../record/read/inbox.ts';
import { positionDefaults } from '../../record/read/master-data.ts';
import { measuresOf } from '../../record/read/measures.ts';
import { employeeNames, partiesOf } from '../../record/read/people.ts';
import { publishedStandard } from '../../record/read/standards.ts';
import { actOnMyAppraisal, actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, parseCommand, type Values } from './forms.ts';
import { h } from './html.ts';
import { notice } from './layout.ts';
import { postedValues, submitCommand, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { addRow, parseSkp, type SkpFormOptions, valuesFromRhk } from './skp-form.ts';
import { agreementTaskBody } from './views/agreement.ts';
import { checkInFeedbackBody } from './views/check-in.ts';
import { ownerOf } from './views/inbox.ts';
import { skpEditorBody } from './views/skp-editor.ts';

/** The commands with a page here: a task whose kind takes one (the domain's rule) is shown here. */
const commands: ReadonlySet<string> = new Set([
  'proposeIndicators',
  'signAgreement',
  'commentIndicators',
  'giveCheckInFeedback',
]);
const hasPageHere = (kind: string) => commandsForTask(kind).some((type) => commands.has(type));

export function agreementRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  const now = () => new Date();

  /** Everything an agreement page shows about an appraisal (the task's, or my own). */
  const context = async (session: Session, appraisal: { appraisalId: string; cycleId: string }) => {
    const { org, nip } = session.principal;
    const state = (await appraisalState(deps.db, org, appraisal.appraisalId)) ?? null;
    const supervisorNip = state?.participants.supervisorNip ?? null;
    const parents = await agreedRhk(deps.db, org, appraisal.cycleId, supervisorNip);
    const owner = ownerOf(appraisal.appraisalId);
    const people = [
      owner,
      ...(state?.agreement.versions.map((v) => v.by) ?? []),
      ...(state?.agreement.comments.map((c) => c.by) ?? []),
    ];
    const names = await employeeNames(deps.db, org, people);
    const options: SkpFormOptions = {
      setting: state?.skp ?? null,
      role: owner === nip ? 'employee' : 'supervisor',
    };
    const parties = await partiesOf(deps.db, org, { employee: owner, rater: supervisorNip });
    return {
      state,
      parents,
      options,
      measures: await measuresOf(deps.db, org),
      history: {
        names,
        parents: new Map(parents.map((r) => [r.id, r.description])),
        setting: options.setting,
        parties,
      },
      ownerName: owner === nip ? null : (names.get(owner) ?? owner),
    };
  };

  /**
   * What a first SKP starts from (nothing is kept until it is sent): the published standard of the
   * employee's position (its default RHK), else the position's default indicators of the master data
   * under one RHK to name; nothing once a version exists.
   */
  const firstDraft = async (
    session: Session,
    state: AppraisalState | null,
  ): Promise<{ rhk?: Rhk[]; standardVersion?: number; defaultsOf?: string }> => {
    if (!state || state.agreement.versions.length > 0) return {};
    const { org } = session.principal;
    const positionCode = state.participants.employee.positionCode;
    const standard = await publishedStandard(deps.db, org, positionCode);
    if (standard) return { rhk: standard.standard.rhk, standardVersion: standard.version };
    const position = await positionDefaults(deps.db, org, positionCode);
    if (!position || position.defaultIndicators.length === 0) return {};
    const indicators = position.defaultIndicators.map((d, j) => ({
      id: `iki-1-${j + 1}`,
      description: d.description,
      target: d.target,
      ...(isAspect(d.aspect) ? { aspect: d.aspect } : {}),
    }));
    const rhk = [{ id: 'rhk-1', kind: 'utama' as const, description: '', parentRhkId: null, indicators }];
    return { rhk, defaultsOf: position.name };
  };

  const show = async (c: Context, session: Session, task: Task, form: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const { state, parents, history, ownerName, options, measures } = await context(session, task);
    const agreement = state?.agreement ?? null;
    const common = { task, ownerName, agreement, history, now: now() };
    const start = taskTakes(task.kind, 'proposeIndicators') ? await firstDraft(session, state) : {};
    const body = taskTakes(task.kind, 'proposeIndicators')
      ? skpEditorBody(t, {
          ...common,
          parents,
          ...options,
          state: editorState(state, options, form, start.rhk),
          standardVersion: start.standardVersion ?? null,
          defaultsOf: start.defaultsOf ?? null,
          measures,
        })
      : taskTakes(task.kind, 'giveCheckInFeedback')
        ? checkInFeedbackBody(t, {
            ...common,
            appraisal: state,
            record: await checkInRecord(deps.db, task.appraisalId, qualifierOf(task.taskId) ?? ''),
            parties: history.parties,
            state: form,
          })
        : agreementTaskBody(t, { ...common, state: form });
    return render(c, t, { title: t(`task.${task.kind}`), body, session, section: 'inbox', status });
  };

  web.use('/tasks/:taskId', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'POST') return next();
    const session = await need(c);
    if (session instanceof Response) return next();
    const taskId = c.req.param('taskId');
    const task = await taskOf(deps.db, session.principal, taskId);
    if (!task || !hasPageHere(task.kind)) return next();
    if (c.req.method === 'GET') return show(c, session, task, null);

    const values = await postedValues(c);
    const type = values.type ?? '';
    if (!taskTakes(task.kind, type)) return show(c, session, task, null, 400);
    if (type === 'proposeIndicators' && values._add) {
      const { _add, ...rest } = values;
      return show(c, session, task, { type, values: addRow(rest, _add), errors: {} });
    }
    let parsed: ReturnType<typeof parseCommand>;
    if (type === 'proposeIndicators') {
      const { parents, options } = await context(session, task);
      parsed = parseSkp(
        values,
        parents.map((r) => r.id),
        options,
      );
    } else parsed = parseCommand(type, values);
    return submitCommand(
      c,
      { type, values },
      parsed,
      (command) => actOnTask(deps, session.principal, task.taskId, command, values._key),
      '/app/inbox?done=1',
      (state, status) => show(c, session, task, state, status),
    );
  });

  // ---- the employee drafts their own SKP (appraisals with an SKP form) ----
  /** My appraisal, when I may draft its SKP now: it has a form, is in agreement, and is not agreed. */
  const draftable = async (session: Session) => {
    const mine = await myAppraisal(deps.db, session.principal);
    const s = mine?.state;
    return s?.skp && s.step === 'agreement' && s.agreement.agreedVersion === null ? s : null;
  };

  const showDraft = async (c: Context, session: Session, form: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const title = t('skp.draftTitle');
    const mine = await draftable(session);
    if (!mine) {
      const body = h`${notice('info', t('problem.wrong_step'))}<p><a href="/app/appraisal">← ${t('nav.appraisal')}</a></p>`;
      return render(c, t, { title, body, session, section: 'appraisal', status: form ? 409 : 200 });
    }
    const { parents, history, options, measures } = await context(session, mine);
    const start = await firstDraft(session, mine);
    const body = skpEditorBody(t, {
      task: null,
      ownerName: null,
      agreement: mine.agreement,
      history,
      parents,
      ...options,
      action: '/app/appraisal/skp',
      measures,
      state: editorState(mine, options, form, start.rhk),
      standardVersion: start.standardVersion ?? null,
      defaultsOf: start.defaultsOf ?? null,
      now: now(),
    });
    return render(c, t, { title, body, session, section: 'appraisal', status });
  };

  web.get('/appraisal/skp', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return showDraft(c, session, null);
  });

  web.post('/appraisal/skp', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const values = await postedValues(c);
    const mine = await draftable(session);
    if (!mine) return showDraft(c, session, { type: 'proposeIndicators', values, errors: {} });
    if (values._add) {
      const { _add, ...rest } = values;
      return showDraft(c, session, { type: 'proposeIndicators', values: addRow(rest, _add), errors: {} });
    }
    const { parents, options } = await context(session, mine);
    return submitCommand(
      c,
      { type: 'proposeIndicators', values },
      parseSkp(
        values,
        parents.map((r) => r.id),
        options,
      ),
      (command) => actOnMyAppraisal(deps, session.principal, mine.cycleId, command, values._key),
      '/app/appraisal?done=1',
      (state, status) => showDraft(c, session, state, status),
    );
  });

  return web;
}

const isAspect = (a: string): a is (typeof indicatorAspects)[number] =>
  (indicatorAspects as readonly string[]).includes(a);

/**
 * What the editor holds: what was typed, or the latest version (a revision after a comment), else the
 * default RHK of the position's published standard or its default indicators, else one empty row. The employee sees the rater's ekspektasi khusus (carried over) but does not post them.
 */
function editorState(
  state: AppraisalState | null,
  options: SkpFormOptions,
  form: FormState | null,
  standardRhk?: Rhk[],
): FormState {
  const latest = state?.agreement.versions.at(-1);
  const start: Values = valuesFromRhk(latest?.rhk ?? standardRhk ?? [], latest);
  if (!form) return { type: 'proposeIndicators', values: start, errors: {} };
  if (options.role !== 'employee') return form;
  const carried = Object.fromEntries(Object.entries(start).filter(([k]) => k.startsWith('ekspektasi.')));
  return { ...form, values: { ...form.values, ...carried } };
}
