// Pages of the regulation's rules that anyone signed in may use: the distribution calculator. The rules
// are public (BKN publishes its own calculator); only the organisation's records need a role.
import { Hono } from 'hono';
import type { Services } from '../commands/services.ts';
import { rolePages } from './role-pages.ts';
import { calculatorBody, parseCalculator } from './views/distribution-calculator.ts';

export function rulesRoutes(deps: Services): Hono {
  const web = new Hono();
  const { render, needRole } = rolePages(deps);

  web.get('/rules/distribution', async (c) => {
    const who = await needRole(c, () => true, 'error.forbidden');
    if (who instanceof Response) return who;
    const { t, session } = who;
    const input = parseCalculator(c.req.query());
    const status = input && !input.ok ? 422 : 200;
    const body = calculatorBody(t, input);
    return render(c, t, { title: t('calculator.title'), body, session, section: 'rules', status });
  });

  return web;
}
