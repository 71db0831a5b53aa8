// The agreement (SKP) task pages: proposeIndicators (the SKP editor), reviewIndicators and signAgreement
// (every version, comments and signatures, then sign or comment); and the check-in feedback page (what
// the employee reported, with the evidence, then the feedback). Mounted from routes.ts ahead of the
// generic task page: a task of another kind falls through to it. Acting goes through api/commands/ (the
// API's own way in), like every other page, after the same zod validation.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Rhk } from '../../domain/appraisal/events.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { commandsForTask, taskTakes } from '../../domain/appraisal/task-commands.ts';
import { qualifierOf } from '../../domain/ids.ts';
import { agreedRhk, checkInRecord } from '../../record/read/agreement.ts';
import { appraisalState } from '../../record/read/appraisal.ts';
import { type Task, taskOf } from '../../record/read/inbox.ts';
import { employeeNames } from '../../record/read/people.ts';
import { publishedStandard } from '../../record/read/standards.ts';
import { actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, parseCommand, type Values } from './forms.ts';
import { postedValues, submitCommand, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { addRow, parseSkp, valuesFromRhk } from './skp-form.ts';
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

  /** Everything an agreement page shows about the appraisal the task is on. */
  const context = async (session: Session, task: Task) => {
    const { org, nip } = session.principal;
    const state = (await appraisalState(deps.db, org, task.appraisalId)) ?? null;
    const supervisorNip = state?.participants.supervisorNip ?? null;
    const parents = await agreedRhk(deps.db, org, task.cycleId, supervisorNip);
    const people = [
      ownerOf(task.appraisalId),
      ...(state?.agreement.versions.map((v) => v.by) ?? []),
      ...(state?.agreement.comments.map((c) => c.by) ?? []),
    ];
    const names = await employeeNames(deps.db, org, people);
    const owner = ownerOf(task.appraisalId);
    return {
      state,
      parents,
      history: { names, parents: new Map(parents.map((r) => [r.id, r.description])) },
      ownerName: owner === nip ? null : (names.get(owner) ?? owner),
    };
  };

  const show = async (c: Context, session: Session, task: Task, form: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const { state, parents, history, ownerName } = await context(session, task);
    const agreement = state?.agreement ?? null;
    const common = { task, ownerName, agreement, history, now: now() };
    // A first SKP starts from the published standard of the employee's position (its default RHK).
    const standard =
      taskTakes(task.kind, 'proposeIndicators') && state && state.agreement.versions.length === 0
        ? await publishedStandard(deps.db, session.principal.org, state.participants.employee.positionCode)
        : undefined;
    const body = taskTakes(task.kind, 'proposeIndicators')
      ? skpEditorBody(t, {
          ...common,
          parents,
          state: form ?? editorStart(state, standard?.standard.rhk),
          standardVersion: standard?.version ?? null,
        })
      : taskTakes(task.kind, 'giveCheckInFeedback')
        ? checkInFeedbackBody(t, {
            ...common,
            appraisal: state,
            record: await checkInRecord(deps.db, task.appraisalId, qualifierOf(task.taskId) ?? ''),
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
      const parents = (await context(session, task)).parents.map((r) => r.id);
      parsed = parseSkp(values, parents);
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

  return web;
}

/**
 * The editor starts from the latest version (a revision after a comment), else from the default RHK of
 * the position's published standard, else one empty row.
 */
function editorStart(state: AppraisalState | null, standardRhk: Rhk[] | undefined): FormState {
  const latest = state?.agreement.versions.at(-1);
  const values: Values = valuesFromRhk(latest?.rhk ?? standardRhk ?? []);
  return { type: 'proposeIndicators', values, errors: {} };
}
