// One task's page under /app/tasks/<id>: the case the task is about and its form, answered as the signed-in
// person through api/commands (a realisation with its evidence files too).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { taskTakes } from '../../domain/appraisal/task-commands.ts';
import { employeeView, myAppraisal } from '../../record/read/appraisal.ts';
import { peopleNamed } from '../../record/read/cycle-people.ts';
import { type Task, taskOf } from '../../record/read/inbox.ts';
import { boundReadings } from '../../record/read/measures.ts';
import { standardsOf } from '../../record/read/organisation.ts';
import { employeeNames } from '../../record/read/people.ts';
import { actOnTask } from '../commands/appraisal.ts';
import type { Services } from '../commands/services.ts';
import { postedEvidence, withPostedEvidence } from './evidence-upload.ts';
import type { FormState } from './forms.ts';
import { notice } from './layout.ts';
import { actOnForm, postedValues, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { ownerOf } from './views/inbox.ts';
import { taskBody } from './views/task.ts';

export function taskRoutes(deps: Services): Hono {
  const web = new Hono();
  const now = () => new Date();
  const { render, need } = webKit(deps);

  const taskPage = async (
    c: Context,
    session: Session,
    taskId: string,
    state: FormState | null,
    status = 200,
  ) => {
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const task = await taskOf(deps.db, session.principal, taskId);
    if (!task)
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('info', t('task.notFound')),
        session,
        status: 404,
      });
    const owner = ownerOf(task.appraisalId);
    const mine = owner === nip;
    // Assigning peers: whom the search by name found (neither the employee nor me).
    const peerQ = (c.req.query('peerQ') ?? state?.values.peerQ ?? '').slice(0, 100);
    const peers = taskTakes(task.kind, 'assignPeers')
      ? {
          q: peerQ,
          found: peerQ.trim()
            ? (await peopleNamed(deps.db, org, peerQ)).filter((p) => p.nip !== owner && p.nip !== nip)
            : null,
        }
      : undefined;
    const [appraisal, standards, names] = await Promise.all([
      mine ? myAppraisal(deps.db, session.principal, task.cycleId) : undefined,
      taskTakes(task.kind, 'acknowledgeStandards')
        ? standardsOf(deps.db, org, nip).then((s) => s ?? null)
        : null,
      mine ? null : employeeNames(deps.db, org, [owner]),
    ]);
    const body = taskBody(t, {
      task,
      ownerName: names ? (names.get(owner) ?? owner) : null,
      appraisal: appraisal ? employeeView(appraisal.state) : null,
      standards,
      state,
      now: now(),
      ...(peers ? { peers } : {}),
      // A bound indicator's realisation is pre-filled from my unit's value of its measure.
      measures:
        appraisal && taskTakes(task.kind, 'recordRealisation')
          ? await boundReadings(deps.db, appraisal.state)
          : [],
    });
    return render(c, t, { title: t(`task.${task.kind}`), body, session, section: 'inbox', status });
  };

  web.get('/tasks/:taskId', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    return taskPage(c, session, c.req.param('taskId'), null);
  });

  web.post('/tasks/:taskId', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const taskId = c.req.param('taskId');
    const values = await postedValues(c);
    const task: Task | undefined = await taskOf(deps.db, session.principal, taskId);
    const type = values.type ?? '';
    if (!task || !taskTakes(task.kind, type)) return taskPage(c, session, taskId, null, 404);
    // A realisation's evidence files: a wrong kind or too large a file is the page's error, nothing kept.
    const realising = type === 'submitCheckIn' || type === 'recordRealisation';
    const evidence = realising ? await postedEvidence(c, values) : { ok: true as const, files: [] };
    if (!evidence.ok) {
      const t = pageTranslator(c, session);
      const state = { type, values, errors: evidence.errors, formError: t('field.evidenceFileAgain') };
      return taskPage(c, session, taskId, state, evidence.status);
    }
    const run = (command: AppraisalCommand) =>
      withPostedEvidence(deps, session.principal, task.appraisalId, evidence.files, command, (withFiles) =>
        actOnTask(deps, session.principal, taskId, withFiles, values._key),
      );
    return actOnForm(c, type, values, run, '/app/inbox?done=1', (state, status) =>
      taskPage(c, session, taskId, state, status),
    );
  });

  return web;
}
