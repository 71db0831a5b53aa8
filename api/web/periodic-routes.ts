// HR's and auditors' pages of the periodic evaluation: the predikat of one period (or of the year) with
// its distribution per unit and its recap, and the recap's download (the same file as the API's). The
// progress page takes its periodic section from here too.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { annualPeriod } from '../../domain/cycle/periods.ts';
import { attachmentHeaders } from '../../http/attachment.ts';
import { mayManageCycles, mayReadCycles } from '../../record/read/access.ts';
import { cycleOf, cyclesOf } from '../../record/read/cycles.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { cyclePeriods, periodDistribution, periodicProgress } from '../../record/read/periodic.ts';
import { predikatFile, predikatPreview } from '../../record/read/predikat-export.ts';
import type { Database } from '../../schema/database.ts';
import type { Services } from '../commands/services.ts';
import type { Translate } from './i18n/index.ts';
import { cycleIdPattern, refusalText, rolePages } from './role-pages.ts';
import { periodicBody } from './views/hr-periodic.ts';

/** Rows of the recap shown on the page; the download has them all. */
const previewRows = 200;

export function periodicRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole, notFound } = rolePages(deps);

  web.get('/hr/periodic', async (c) => {
    const who = await needRole(c, mayReadCycles, 'error.forbidden');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const org = session.principal.org;
    const cycles = await cyclesOf(deps.db, org);
    const cycleId =
      cycles.find((x) => x.cycle_id === c.req.query('cycle'))?.cycle_id ?? cycles[0]?.cycle_id ?? null;
    const cycle = cycleId ? await cycleOf(deps.db, org, cycleId) : undefined;
    const periods = cyclePeriods(cycle ?? { calendar: {} });
    const asked = c.req.query('period');
    // The period asked for when the cycle has it; else the first period, or the year.
    const period = asked && periods.choices.includes(asked) ? asked : (periods.choices[0] ?? annualPeriod);
    const [distribution, preview, names] = await Promise.all([
      cycleId && period !== annualPeriod ? periodDistribution(deps.db, cycleId, period) : [],
      cycleId ? predikatPreview(deps.db, cycleId, period, previewRows) : { rows: [], total: 0 },
      unitNames(deps.db, org),
    ]);
    const body = periodicBody(t, {
      cycles,
      cycleId,
      periods,
      period,
      distribution,
      preview,
      unitNames: names,
      canSetCapaian: mayManageCycles(session.principal) && cycle?.status === 'running',
      ...flashOf(c, t, names),
    });
    return render(c, t, { title: t('periodic.title'), body, session, section: 'hrPeriodic' });
  });

  web.get('/hr/periodic/export', async (c) => {
    const who = await needRole(c, mayReadCycles, 'error.forbidden');
    if (who instanceof Response) return who;
    const org = who.session.principal.org;
    const cycleId = c.req.query('cycle') ?? '';
    const period = c.req.query('period') ?? '';
    const format = c.req.query('format') === 'xlsx' ? 'xlsx' : 'csv';
    if (!cycleIdPattern.test(cycleId)) return notFound(c, who.t, who.session);
    const cycle = await cycleOf(deps.db, org, cycleId);
    if (!cycle || !cyclePeriods(cycle).choices.includes(period)) return notFound(c, who.t, who.session);
    const file = await predikatFile(deps.db, org, cycleId, period, format);
    if (!file) return notFound(c, who.t, who.session);
    return new Response(file.body, { headers: attachmentHeaders(file) });
  });

  return web;
}

/** The outcome of setting a unit's capaian, back on the page (see hr-routes.ts, POST /hr/predikat). */
function flashOf(c: Context, t: Translate, names: Map<string, string>) {
  const unit = c.req.query('capaian');
  const failed = c.req.query('failed');
  const period = c.req.query('period') ?? '';
  if (unit)
    return {
      flash: {
        kind: 'ok' as const,
        text: t('periodic.capaianSaved', { unit: names.get(unit) ?? unit, period }),
      },
    };
  if (failed) return { flash: { kind: 'error' as const, text: refusalText(t, failed) } };
  return {};
}

/** The progress page's periodic section: undefined for a cycle without evaluation periods. */
export async function periodicProgressOf(db: Kysely<Database>, org: string, cycleId: string) {
  const cycle = await cycleOf(db, org, cycleId);
  const periods = cycle && cyclePeriods(cycle);
  if (!periods?.kind) return undefined;
  return { cycleId, timeZone: periods.timeZone, progress: await periodicProgress(db, cycleId, new Date()) };
}
