// The rating task pages (views/period.ts): the akhir rating with the evaluation file in front of the rater,
// a period's rating with its realisation, evidence and a feedback form per RHK, and the employee reading
// the period's result. Mounted from routes.ts ahead of the generic task page, as agreement-routes.ts is;
// the file is read through record/read/ with its access decision, and acting goes through api/commands/.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { commandsForTask, taskTakes } from '../../domain/appraisal/task-commands.ts';
import { appraisalState } from '../../record/read/appraisal.ts';
import { unitCapaian } from '../../record/read/capaian.ts';
import { evaluationFileOf, myPeriodResult } from '../../record/read/evaluation-file.ts';
import type { Task } from '../../record/read/inbox.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { employeeNames, partiesOf } from '../../record/read/people.ts';
import type { Services } from '../commands/services.ts';
import type { FormState } from './forms.ts';
import { trailRead } from './read-trail-routes.ts';
import { webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';
import { mountTaskPage } from './task-page.ts';
import { ownerOf } from './views/inbox.ts';
import { acknowledgePeriodBody, ratePeriodBody, ratingQualifier, setRatingBody } from './views/period.ts';

/** The commands with a page here: a task whose kind takes one (the domain's rule) is shown here. */
const commands: ReadonlySet<string> = new Set(['setRating', 'ratePeriod', 'acknowledgePeriod']);
const hasPageHere = (kind: string) => commandsForTask(kind).some((type) => commands.has(type));

export function evaluationRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render } = webKit(deps);
  const now = () => new Date();

  const body = async (c: Context, session: Session, task: Task, form: FormState | null) => {
    const t = pageTranslator(c, session);
    const { principal } = session;
    if (taskTakes(task.kind, 'acknowledgePeriod')) {
      const period = ratingQualifier(task.taskId).period ?? '';
      const result = (await myPeriodResult(deps.db, principal, task.cycleId, period)) ?? null;
      // The rater of the SKP period the evaluation period belongs to (a mutasi may have closed it).
      const state = await appraisalState(deps.db, principal.org, task.appraisalId);
      const closed = state?.closedSkpPeriods?.find((c) => c.periods.includes(period));
      const rater = closed ? closed.raterNip : (state?.participants.supervisorNip ?? null);
      const parties = state
        ? await partiesOf(deps.db, principal.org, { employee: ownerOf(task.appraisalId), rater })
        : null;
      return acknowledgePeriodBody(t, { task, result, parties, state: form, now: now() });
    }
    const answer = await evaluationFileOf(deps.db, principal, principal.org, task.appraisalId);
    const file = 'file' in answer ? answer.file : null;
    if (file) await trailRead(c, deps.db, principal, task.appraisalId, 'evaluationFile');
    const owner = ownerOf(task.appraisalId);
    const ownerName =
      file?.employee.name ?? (await employeeNames(deps.db, principal.org, [owner])).get(owner) ?? owner;
    // A unit leader's rating hasil kerja is the capaian of the unit they lead, for the year or the period.
    const unitCode = file?.setting?.ledUnitCode;
    const period = taskTakes(task.kind, 'setRating') ? null : ratingQualifier(task.taskId).period;
    const leader = unitCode
      ? {
          unitCode,
          unitName: (await unitNames(deps.db, principal.org)).get(unitCode) ?? unitCode,
          capaian: await unitCapaian(deps.db, task.cycleId, unitCode, period),
        }
      : null;
    const view = { task, ownerName, file, state: form, now: now(), leader };
    return taskTakes(task.kind, 'setRating')
      ? setRatingBody(t, view)
      : ratePeriodBody(t, { ...view, saved: c.req.query('saved') === 'feedback' });
  };

  const show = async (c: Context, session: Session, task: Task, form: FormState | null, status = 200) => {
    const t = pageTranslator(c, session);
    const page = await body(c, session, task, form);
    return render(c, t, { title: t(`task.${task.kind}`), body: page, session, section: 'inbox', status });
  };

  mountTaskPage(web, deps, {
    has: hasPageHere,
    show,
    // Feedback leaves the task open: back to the page, to give more or to rate.
    done: (type, task) =>
      type === 'givePeriodFeedback'
        ? `/app/tasks/${encodeURIComponent(task.taskId)}?saved=feedback`
        : '/app/inbox?done=1',
  });

  return web;
}
