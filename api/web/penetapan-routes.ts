// /app/penetapan: the penetapan the reader holds and one unit's case, with the calibration assistant's
// proposal; the signature goes through the same command as the API (api/commands/penetapan.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { annualPeriod, isPeriodId } from '../../domain/cycle/periods.ts';
import { proposeCalibration } from '../../domain/rating/calibration-assistant.ts';
import { type Predikat, predikats } from '../../domain/rating/predikat.ts';
import { holdsRole } from '../../record/read/access.ts';
import { unitNames } from '../../record/read/organisation.ts';
import { penetapanCase, penetapanOf } from '../../record/read/penetapan.ts';
import { employeeNames } from '../../record/read/people.ts';
import { periodPenetapanCase, periodPenetapanOf } from '../../record/read/period-penetapan.ts';
import { decideCalibration, signPenetapan } from '../commands/penetapan.ts';
import { Refusal, refusalOf } from '../commands/refusal.ts';
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
    const annual = await penetapanOf(deps.db, org, { nip, hr });
    const periodic = await periodPenetapanOf(deps.db, org, { nip, hr });
    const mine = [...annual, ...periodic].sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
    const cycle = c.req.query('cycle') ?? '';
    const unit = c.req.query('unit') ?? '';
    const period = c.req.query('period') ?? annualPeriod;
    // A case opens for whoever holds it now (and for HR, who reads every one); a period's for its
    // holder, for HR, and for whoever signed it (the case after the signature).
    const heldPeriod = periodic.find(
      (p) => p.cycleId === cycle && p.unitCode === unit && p.period === period,
    );
    const periodFound =
      period !== annualPeriod && isPeriodId(period)
        ? await periodPenetapanCase(deps.db, org, cycle, unit, period)
        : undefined;
    const openPeriod =
      periodFound && (heldPeriod || hr || periodFound.penetapan.signed?.by === nip)
        ? {
            case: periodFound,
            holds: heldPeriod !== undefined,
            names: await employeeNames(
              deps.db,
              org,
              periodFound.penetapan.signed ? [periodFound.penetapan.signed.by] : [],
            ),
          }
        : undefined;
    const held = annual.find((p) => p.cycleId === cycle && p.unitCode === unit);
    const found =
      period === annualPeriod && (held || hr) ? await penetapanCase(deps.db, org, cycle, unit) : undefined;
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
    const decided = c.req.query('calibration');
    const failed = c.req.query('failed');
    // Which changes were refused and why (a calibration applied all or nothing, or only in part).
    const who = (c.req.query('who') ?? '').split(',').flatMap((pair) => {
      const [nip = '', code = ''] = pair.split(':');
      const name = found?.people.find((p) => p.nip === nip)?.name;
      return name && code ? [t('assistant.refusedChange', { name, why: refusalText(t, code) })] : [];
    });
    const signedPeriod = c.req.query('signedPeriod');
    const flash = signed
      ? {
          kind: 'ok' as const,
          text:
            signedPeriod && isPeriodId(signedPeriod)
              ? t('penetapan.periodSigned', { unit: signed, period: signedPeriod })
              : t('penetapan.signed', { unit: signed }),
        }
      : decided === 'applied' || decided === 'rejected'
        ? { kind: 'ok' as const, text: t(`assistant.${decided}`, { unit }) }
        : failed
          ? { kind: 'error' as const, text: [refusalText(t, failed), ...who].join(' ') }
          : undefined;
    const body = penetapanBody(t, {
      mine,
      ...(open ? { open } : {}),
      ...(openPeriod ? { openPeriod } : {}),
      ...(flash ? { flash } : {}),
    });
    return render(c, t, { title: t('penetapan.title'), body, session, section: 'penetapan' });
  });

  web.post('/penetapan', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const posted = await postedCase(c);
    if (!posted) return c.redirect('/app/penetapan', 303);
    const { values, lists, cycle, unit } = posted;
    const period = values.period ?? annualPeriod;
    const back = `${posted.back}${period === annualPeriod ? '' : `&period=${encodeURIComponent(period)}`}`;
    const rules = lists.rule ?? [];
    const texts = lists.justification ?? [];
    const justifications = rules.map((rule, i) => ({ rule, text: texts[i] ?? '' }));
    const signature = { conforming: values.conforming === 'yes', justifications, period };
    const answer = await attempt(() =>
      signPenetapan(deps, session.principal, cycle, unit, signature, values._key),
    );
    if (answer.ok)
      return c.redirect(
        period === annualPeriod
          ? `/app/penetapan?signed=${encodeURIComponent(unit)}`
          : `${back}&signed=${encodeURIComponent(unit)}&signedPeriod=${encodeURIComponent(period)}#case`,
        303,
      );
    return c.redirect(`${back}&failed=${encodeURIComponent(answer.code)}#case`, 303);
  });

  // The holder applies (ticked changes, each with the predikat picked) or rejects the assistant's proposal.
  web.post('/penetapan/calibration', async (c) => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const posted = await postedCase(c);
    if (!posted) return c.redirect('/app/penetapan', 303);
    const { values, lists, cycle, unit, back } = posted;
    const reject = values.decision === 'reject';
    const picked = reject ? [] : (lists.apply ?? []);
    const applied = picked.map((nip) => ({ nip, to: values[`to-${nip}`] ?? '' }));
    const answer = await attemptNaming(() => {
      const invalid = applied.find((a) => !isPredikat(a.to));
      if (invalid) throw new Refusal(422, 'invalid_predikat', `No predikat ${invalid.to}`);
      const decision = {
        applied: applied as Array<{ nip: string; to: Predikat }>,
        reason: values.reason ?? '',
      };
      return decideCalibration(deps, session.principal, cycle, unit, decision, values._key);
    });
    if (answer.ok) return c.redirect(`${back}&calibration=${reject ? 'rejected' : 'applied'}#case`, 303);
    const which = answer.refused.map((r) => `${r.nip}:${r.code}`).join(',');
    const named = which ? `&who=${encodeURIComponent(which)}` : '';
    return c.redirect(`${back}&failed=${encodeURIComponent(answer.code)}${named}#case`, 303);
  });

  return web;
}

/** A form about one unit's case: what it posted and the case's page; null for one naming no case. */
async function postedCase(c: Context) {
  const { values, lists } = await postedForm(c);
  const cycle = values.cycle ?? '';
  const unit = values.unit ?? '';
  if (!cycleIdPattern.test(cycle) || !unit || unit.length > 64) return null;
  const back = `/app/penetapan?cycle=${encodeURIComponent(cycle)}&unit=${encodeURIComponent(unit)}`;
  return { values, lists, cycle, unit, back };
}

/** attempt, with the changes a calibration refusal names (those refused, or not applied) and why. */
async function attemptNaming<T>(run: () => Promise<T>) {
  let refused: Array<{ nip: string; code: string }> = [];
  const answer = await attempt(async () => {
    try {
      return await run();
    } catch (error) {
      const extra = refusalOf(error)?.extra ?? {};
      const listed = [extra.refused, extra.failed].flatMap((l) => (Array.isArray(l) ? l : []));
      refused = listed.flatMap((r) =>
        typeof r?.nip === 'string' && typeof r?.code === 'string' ? [{ nip: r.nip, code: r.code }] : [],
      );
      throw error;
    }
  });
  return answer.ok ? answer : { ...answer, refused };
}

const isPredikat = (p: string): p is Predikat => (predikats as readonly string[]).includes(p);
