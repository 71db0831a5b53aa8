// HR's monitoring page (views/hr-monitoring.ts): the read of record/read/monitoring.ts as a page and as
// the JSON its live script polls (the API serves the same read), and the reminders sent from the list
// through api/commands/reminders.ts as the signed-in person (one Update id per task under the form's key).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { mayManageCycles, mayReadCycles } from '../../record/read/access.ts';
import { cycleOf, cyclesOf } from '../../record/read/cycles.ts';
import { cycleMonitoring, type MonitoringFilter } from '../../record/read/monitoring.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { remindLateTasks } from '../commands/reminders.ts';
import type { Services } from '../commands/services.ts';
import { newFormKey } from './forms.ts';
import type { Translate } from './i18n/index.ts';
import { attempt } from './request-kit.ts';
import { cycleIdPattern, postedForm, refusalText, rolePages } from './role-pages.ts';
import { monitoringBody } from './views/hr-monitoring.ts';

/** The filter as the page's query (or the reminder form's fields) gives it; a unit or step is a short code. */
const filterOf = (get: (name: string) => string | undefined): MonitoringFilter => {
  const code = (v: string | undefined) => (v && v.length <= 64 ? v : undefined);
  return { unit: code(get('unit')), step: code(get('step')), lateOnly: get('late') === '1' };
};

export function monitoringRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole } = rolePages(deps);

  /** The cycle asked for, else the newest one. */
  const chosenCycle = async (org: string, asked: string | undefined) => {
    const cycles = await cyclesOf(deps.db, org);
    const cycleId = cycles.find((x) => x.cycle_id === asked)?.cycle_id ?? cycles[0]?.cycle_id;
    const cycle = cycleId ? await cycleOf(deps.db, org, cycleId) : undefined;
    return { cycles, cycle };
  };

  web.get('/hr/monitoring', async (c) => {
    const who = await needRole(c, mayReadCycles, 'error.forbidden');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const org = session.principal.org;
    const { cycles, cycle } = await chosenCycle(org, c.req.query('cycle'));
    const filter = filterOf((n) => c.req.query(n));
    const [monitoring, names] = await Promise.all([
      cycle ? cycleMonitoring(deps.db, org, cycle, filter, new Date()) : null,
      unitNames(deps.db, org),
    ]);
    const flash = flashOf(c, t);
    const body = monitoringBody(t, {
      cycles,
      monitoring,
      unitNames: names,
      canRemind: mayManageCycles(session.principal) && cycle?.status === 'running',
      formKey: newFormKey(),
      ...(flash ? { flash } : {}),
    });
    return render(c, t, { title: t('monitoring.title'), body, session, section: 'hrMonitoring' });
  });

  // The live script's poll: the same read, as JSON.
  web.get('/hr/monitoring/data', async (c) => {
    const who = await needRole(c, mayReadCycles, 'error.forbidden');
    if (who instanceof Response) return who;
    const org = who.session.principal.org;
    const { cycle } = await chosenCycle(org, c.req.query('cycle'));
    if (!cycle) return c.json({ code: 'not_found' }, 404);
    return c.json(
      await cycleMonitoring(
        deps.db,
        org,
        cycle,
        filterOf((n) => c.req.query(n)),
        new Date(),
      ),
    );
  });

  web.post('/hr/monitoring/remind', async (c) => {
    const who = await needRole(c, mayManageCycles, 'error.forbiddenHr');
    if (who instanceof Response) return who;
    const me = who.session.principal;
    const { values, lists } = await postedForm(c);
    const cycleId = values.cycle ?? '';
    if (!cycleIdPattern.test(cycleId)) return c.redirect('/app/hr/monitoring', 303);
    const filter = filterOf((n) => values[n]);
    const back = (outcome: Record<string, string>) => {
      const q = new URLSearchParams({ cycle: cycleId });
      if (filter.unit) q.set('unit', filter.unit);
      if (filter.step) q.set('step', filter.step);
      if (filter.lateOnly) q.set('late', '1');
      for (const [k, v] of Object.entries(outcome)) q.set(k, v);
      return c.redirect(`/app/hr/monitoring?${q}`, 303);
    };
    let which: Parameters<typeof remindLateTasks>[3];
    if (values.intent === 'all') which = { allLate: { unit: filter.unit, step: filter.step } };
    else {
      // The selected people: each one's open tasks, as the list showed them.
      const chosen = new Set(lists.appraisal ?? []);
      if (chosen.size === 0) return back({ failed: 'none_selected' });
      const cycle = await cycleOf(deps.db, me.org, cycleId);
      if (!cycle) return back({ failed: 'not_found' });
      const now = await cycleMonitoring(deps.db, me.org, cycle, {}, new Date());
      const taskIds = now.people.filter((p) => chosen.has(p.appraisalId)).flatMap((p) => p.tasks);
      which = { taskIds: taskIds.map((x) => x.taskId) };
      if (which.taskIds.length === 0) return back({ failed: 'nothing_to_remind' });
    }
    const answer = await attempt(() => remindLateTasks(deps, me, cycleId, which, values._key));
    if (!answer.ok) return back({ failed: answer.code });
    const { reminded, alreadyReminded, refused } = answer.value;
    if (reminded + alreadyReminded + refused === 0) return back({ failed: 'nothing_to_remind' });
    return back({ reminded: String(reminded), already: String(alreadyReminded), refused: String(refused) });
  });

  return web;
}

function flashOf(c: Context, t: Translate): { kind: 'ok' | 'error'; text: string } | undefined {
  const failed = c.req.query('failed');
  if (failed === 'none_selected') return { kind: 'error', text: t('monitoring.noneSelected') };
  if (failed === 'nothing_to_remind') return { kind: 'error', text: t('monitoring.nothingToRemind') };
  if (failed) return { kind: 'error', text: refusalText(t, failed) };
  const reminded = c.req.query('reminded');
  if (reminded === undefined) return undefined;
  const n = (v: string | undefined) => String(Number.parseInt(v ?? '0', 10) || 0);
  const text = t('monitoring.sent', {
    reminded: n(reminded),
    already: n(c.req.query('already')),
    refused: n(c.req.query('refused')),
  });
  return { kind: Number(n(c.req.query('refused'))) > 0 ? 'error' : 'ok', text };
}
