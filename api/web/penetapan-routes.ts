// /app/penetapan: the penetapan the reader holds and one unit's case, with the calibration assistant's
// proposal; the signature goes through the same command as the API (api/commands/penetapan.ts).
import { Hono } from 'hono';
import { proposeCalibration } from '../../domain/rating/calibration-assistant.ts';
import { holdsRole } from '../../record/read/access.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { penetapanCase, penetapanOf } from '../../record/read/penetapan.ts';
import { signPenetapan } from '../commands/penetapan.ts';
import type { Services } from '../commands/services.ts';
import { attempt, webKit } from './request-kit.ts';
import { cycleIdPattern, postedForm, refusalText } from './role-pages.ts';
import { pageTranslator } from './session.ts';
import { penetapanBody } from './views/penetapan.ts';

export function penetapanRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, need } = webKit(deps);

  web.get('/penetapan', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    const { org, nip } = session.principal;
    const hr = holdsRole(session.principal, 'hr');
    const mine = await penetapanOf(deps.db, org, { nip, hr });
    const cycle = c.req.query('cycle') ?? '';
    const unit = c.req.query('unit') ?? '';
    // A case opens for whoever holds it now (and for HR, who reads every one).
    const held = mine.find((p) => p.cycleId === cycle && p.unitCode === unit);
    const found = held || hr ? await penetapanCase(deps.db, org, cycle, unit) : undefined;
    const open = found
      ? {
          case: found,
          unitNames: await unitNames(deps.db, org),
          proposal:
            found.curve && found.unitPredikat && !found.penetapan.signed
              ? proposeCalibration(
                  unit,
                  found.unitPredikat,
                  found.curve.group,
                  found.curve.counts,
                  found.people,
                )
              : null,
        }
      : undefined;
    const signed = c.req.query('signed');
    const failed = c.req.query('failed');
    const flash = signed
      ? { kind: 'ok' as const, text: t('penetapan.signed', { unit: signed }) }
      : failed
        ? { kind: 'error' as const, text: refusalText(t, failed) }
        : undefined;
    const body = penetapanBody(t, { mine, ...(open ? { open } : {}), ...(flash ? { flash } : {}) });
    return render(c, t, { title: t('penetapan.title'), body, session, section: 'penetapan' });
  });

  web.post('/penetapan', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const { values, lists } = await postedForm(c);
    const cycle = values.cycle ?? '';
    const unit = values.unit ?? '';
    if (!cycleIdPattern.test(cycle) || !unit || unit.length > 64) return c.redirect('/app/penetapan', 303);
    const back = `/app/penetapan?cycle=${encodeURIComponent(cycle)}&unit=${encodeURIComponent(unit)}`;
    const rules = lists.rule ?? [];
    const texts = lists.justification ?? [];
    const justifications = rules.map((rule, i) => ({ rule, text: texts[i] ?? '' }));
    const signature = { conforming: values.conforming === 'yes', justifications };
    const answer = await attempt(() =>
      signPenetapan(deps, session.principal, cycle, unit, signature, values._key),
    );
    if (answer.ok) return c.redirect(`/app/penetapan?signed=${encodeURIComponent(unit)}`, 303);
    return c.redirect(`${back}&failed=${encodeURIComponent(answer.code)}#case`, 303);
  });

  return web;
}
