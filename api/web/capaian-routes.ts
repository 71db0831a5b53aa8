// /app/capaian: a unit's capaian kinerja organisasi, set by the leader of the unit above (HR as a named
// delegate). The page lists the units the reader sets it for and opens one unit's case; the form goes
// through the same command as the API (api/commands/cycles.ts, setUnitPredikat).
import { Hono } from 'hono';
import { annualPeriod } from '../../domain/cycle/periods.ts';
import { unitPredikatSchema } from '../../domain/rating/distribution-rules.ts';
import { holdsRole } from '../../record/read/access.ts';
import { capaianCase, capaianUnits, unitForCapaian } from '../../record/read/capaian.ts';
import { cycleOf, cyclesOf } from '../../record/read/cycles.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { cyclePeriods } from '../../record/read/periodic.ts';
import { setUnitPredikat } from '../commands/cycles.ts';
import type { Services } from '../commands/services.ts';
import { attempt, webKit } from './request-kit.ts';
import { cycleIdPattern, postedForm, refusalText } from './role-pages.ts';
import { pageTranslator } from './session.ts';
import { capaianBody } from './views/capaian.ts';

export function capaianRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);

  web.get('/capaian', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const hr = holdsRole(session.principal, 'hr');
    const cycles = await cyclesOf(deps.db, org);
    const cycleId =
      cycles.find((x) => x.cycle_id === c.req.query('cycle'))?.cycle_id ?? cycles[0]?.cycle_id ?? null;
    const [units, names, cycle] = await Promise.all([
      cycleId ? capaianUnits(deps.db, org, cycleId, { nip, hr }) : [],
      unitNames(deps.db, org),
      cycleId ? cycleOf(deps.db, org, cycleId) : undefined,
    ]);
    const unit = units.find((u) => u.code === c.req.query('unit'));
    const open =
      unit && cycleId && cycle
        ? {
            unit,
            case: await capaianCase(deps.db, org, cycleId, unit.code),
            periods: cyclePeriods(cycle).choices.filter((p) => p !== annualPeriod),
          }
        : undefined;
    const saved = c.req.query('saved');
    const failed = c.req.query('failed');
    const flash = saved
      ? { kind: 'ok' as const, text: t('capaian.saved', { unit: names.get(saved) ?? saved }) }
      : failed
        ? { kind: 'error' as const, text: refusalText(t, failed) }
        : undefined;
    // A leader who is also HR sets the units below their own as the leader; the form asks HR for the
    // document only where the reader does not lead the unit above.
    const asDelegate =
      hr && !(unit && (await unitForCapaian(deps.db, org, unit.code))?.parentHeadNip === nip);
    const body = capaianBody(t, {
      cycles,
      cycleId,
      units,
      unitNames: names,
      ...(open ? { open } : {}),
      asDelegate,
      ...(flash ? { flash } : {}),
    });
    return render(c, t, { title: t('capaian.title'), body, session, section: 'capaian' });
  });

  web.post('/capaian', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const { values } = await postedForm(c);
    const cycle = values.cycle ?? '';
    const unit = values.unit ?? '';
    if (!cycleIdPattern.test(cycle) || !unit || unit.length > 64) return c.redirect('/app/capaian', 303);
    const back = `/app/capaian?cycle=${encodeURIComponent(cycle)}&unit=${encodeURIComponent(unit)}`;
    const predikat = unitPredikatSchema.safeParse(values.predikat);
    if (!predikat.success) return c.redirect(`${back}&failed=predikat_required#case`, 303);
    const period = values.period || undefined;
    const links = (values.links ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
    const change = {
      unitCode: unit,
      predikat: predikat.data,
      period,
      document: values.document,
      note: values.note,
      links,
    };
    const answer = await attempt(() => setUnitPredikat(deps, session.principal, cycle, change, values._key));
    if (answer.ok) return c.redirect(`${back}&saved=${encodeURIComponent(unit)}#case`, 303);
    return c.redirect(`${back}&failed=${encodeURIComponent(answer.code)}#case`, 303);
  });

  return web;
}
