// The keberatan task pages (views/objection.ts): the superior's decision with the case in front of them
// and the explanations they may ask for, and the page of whoever is asked to explain. Mounted from
// routes.ts ahead of the generic task page, as evaluation-routes.ts is; reads go through record/read/
// (the task's holder, found by taskOf, may read its appraisal), acting through api/commands/.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { appraisalState } from '../../record/read/appraisal.ts';
import { evaluationFileOf } from '../../record/read/evaluation-file.ts';
import type { Task } from '../../record/read/inbox.ts';
import { employeeNames } from '../../record/read/people.ts';
import type { Services } from '../commands/services.ts';
import type { FormState } from './forms.ts';
import { trailRead } from './read-trail-routes.ts';
import { webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { mountTaskPage } from './task-page.ts';
import { ownerOf } from './views/inbox.ts';
import { decideObjectionBody, explainObjectionBody } from './views/objection.ts';

const kinds: ReadonlySet<string> = new Set(['decideObjection', 'explainObjection']);

export function objectionRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render } = webKit(deps);
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

  mountTaskPage(web, deps, {
    has: (kind) => kinds.has(kind),
    show,
    // Asking for an explanation leaves the decision open: back to the case.
    done: (type, task) =>
      type === 'askExplanation' ? `/app/tasks/${encodeURIComponent(task.taskId)}` : '/app/inbox?done=1',
  });

  return web;
}
