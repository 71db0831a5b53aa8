// The unit monitoring page (/app/measures): HR and auditors see every unit's measures, a unit leader those
// of the units they lead; anyone else gets a 403 page. Read only: values come by import or from the API.
import { Hono } from 'hono';
import { mayReadCycles } from '../../record/read/access.ts';
import { measureMonitoring, measureYears, unitsLedBy } from '../../record/read/measures.ts';
import { unitNames } from '../../record/read/organisation.ts';
import type { Services } from '../commands/services.ts';
import { notice } from './layout.ts';
import { webKit } from './request-kit.ts';
import { pageTranslator } from './session.ts';
import { measuresBody } from './views/measures.ts';

export function measuresRoutes(deps: Services, now: () => Date = () => new Date()): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);

  web.get('/measures', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const everyUnit = mayReadCycles(session.principal);
    const led = everyUnit ? null : await unitsLedBy(deps.db, org, nip);
    if (led?.length === 0)
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t('measures.forbidden')),
        session,
        status: 403,
      });
    // This year in the organisation's zone, and every year with values.
    const thisYear = Number(t.date(now()).match(/\d{4}/)?.[0] ?? now().getUTCFullYear());
    const years = [...new Set([thisYear, ...(await measureYears(deps.db, org))])].sort((a, b) => b - a);
    const asked = Number(c.req.query('year'));
    const year = years.includes(asked) ? asked : (years.find((y) => y <= thisYear) ?? thisYear);
    const [measures, names] = await Promise.all([
      measureMonitoring(deps.db, org, year, led ?? undefined),
      unitNames(deps.db, org),
    ]);
    const body = measuresBody(t, { year, years, measures, unitNames: names, leaderOf: led });
    return render(c, t, { title: t('measures.pageTitle'), body, session, section: 'measures' });
  });

  return web;
}
