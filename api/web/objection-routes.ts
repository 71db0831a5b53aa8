// The keberatan task pages (views/objection.ts): the superior's decision with the case in front of them
// and the explanations they may ask for, and the page of whoever is asked to explain. Mounted from
// routes.ts ahead of the generic task page, as evaluation-routes.ts is; reads go through record/read/
// (the task's holder, found by taskOf, may read its appraisal), acting through api/commands/.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { taskTakes } from '../../domain/appraisal/task-commands.ts';
import { appraisalState } from '../../record/read/appraisal.ts';
import { evaluationFileOf } from '../../record/read/evaluation-file.ts';
import { type Task, taskOf } from '../../record/read/inbox.ts';
import { employeeNames } from '../../record/read/people.ts';
import { actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, parseCommand } from './forms.ts';
import { trailRead } from './read-trail-routes.ts';
import { postedValues, submitCommand, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { ownerOf } from './views/inbox.ts';
import { decideObjectionBody, explainObjectionBody } from './views/objection.ts';

const kinds: ReadonlySet<string> = new Set(['decideObjection', 'explainObjection']);

export function objectionRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);
  const now = () => new Date();

  const show = async (c: Context, session: Session, task: Task, form: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const { principal } = session;
    const owner = ownerOf(task.appraisalId);
    const deciding = task.kind === 'decideObjection';
    const [appraisal, answer, names] = await Promise.all([
      appraisalState(deps.db, principal.org, task.appraisalId),
      deciding ? evaluationFileOf(deps.db, principal, principal.org, task.appraisalId) : null,
      owner === principal.nip ? null : employeeNames(deps.db, principal.org, [owner]),
    ]);
    // The objection's case is someone else's file (the rater explaining, the superior deciding).
    if (owner !== principal.nip) await trailRead(c, deps.db, principal, task.appraisalId, 'objectionFile');
    const view = {
      task,
      ownerName: names ? (names.get(owner) ?? owner) : null,
      appraisal: appraisal ?? null,
      file: answer && 'file' in answer ? answer.file : null,
      state: form,
      now: now(),
    };
    const body = deciding ? decideObjectionBody(t, view) : explainObjectionBody(t, view);
    return render(c, t, { title: t(`task.${task.kind}`), body, session, section: 'inbox', status });
  };

  web.use('/tasks/:taskId', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'POST') return next();
    const session = await need(c);
    if (session instanceof Response) return next();
    const task = await taskOf(deps.db, session.principal, c.req.param('taskId'));
    if (!task || !kinds.has(task.kind)) return next();
    if (c.req.method === 'GET') return show(c, session, task, null);
    const values = await postedValues(c);
    const type = values.type ?? '';
    if (!taskTakes(task.kind, type)) return show(c, session, task, null, 400);
    // Asking for an explanation leaves the decision open: back to the case.
    const done =
      type === 'askExplanation' ? `/app/tasks/${encodeURIComponent(task.taskId)}` : '/app/inbox?done=1';
    return submitCommand(
      c,
      { type, values },
      parseCommand(type, values),
      (command) => actOnTask(deps, session.principal, task.taskId, command, values._key),
      done,
      (state, status) => show(c, session, task, state, status),
    );
  });

  return web;
}
