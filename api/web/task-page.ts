// A task's own page, mounted ahead of the generic task page (routes.ts) as evaluation-routes.ts and
// objection-routes.ts are: for a task it has a page for, GET shows the task and POST acts on it with the
// posted command through api/commands/, then goes on to where that command leads.
import type { Context, Hono } from 'hono';
import { taskTakes } from '../../domain/appraisal/task-commands.ts';
import { type Task, taskOf } from '../../record/read/inbox.ts';
import { actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import type { FormState } from './forms.ts';
import { actOnForm, postedValues, webKit } from './request-kit.ts';
import type { Session } from './session.ts';

export type ShowTask = (
  c: Context,
  session: Session,
  task: Task,
  form: FormState | null,
  status?: number,
) => Promise<Response>;

export function mountTaskPage(
  web: Hono,
  deps: Services,
  page: { has: (kind: string) => boolean; show: ShowTask; done: (type: string, task: Task) => string },
): void {
  const { need } = webKit(deps);
  web.use('/tasks/:taskId', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'POST') return next();
    const session = await need(c);
    if (session instanceof Response) return next();
    const task = await taskOf(deps.db, session.principal, c.req.param('taskId'));
    if (!task || !page.has(task.kind)) return next();
    if (c.req.method === 'GET') return page.show(c, session, task, null);
    const values = await postedValues(c);
    const type = values.type ?? '';
    if (!taskTakes(task.kind, type)) return page.show(c, session, task, null, 400);
    return actOnForm(
      c,
      type,
      values,
      (command) => actOnTask(deps, session.principal, task.taskId, command, values._key),
      page.done(type, task),
      (state, status) => page.show(c, session, task, state, status),
    );
  });
}
