// Small helpers shared by the route modules mounted from routes.ts (agreement, team): rendering a page in
// the shell, requiring a session, a refusal's text, and the plain strings of a posted form.
import type { Context } from 'hono';
import type { ApiDependencies } from '../api/context.ts';
import type { Values } from './forms.ts';
import type { Html } from './html.ts';
import type { Translate } from './i18n/index.ts';
import { page, type Section } from './layout.ts';
import { type ApiAnswer, readSession, type Session } from './session.ts';

export function webKit(deps: ApiDependencies) {
  const render = (
    c: Context,
    t: Translate,
    o: { title: string; body: Html; session?: Session | null; section?: Section; status?: number },
  ) => {
    const url = new URL(c.req.url);
    const html = page({
      t,
      title: o.title,
      body: o.body,
      viewer: o.session?.viewer ?? null,
      ...(o.section ? { section: o.section } : {}),
      path: url.pathname + url.search,
    });
    return c.html(html, (o.status ?? 200) as 200);
  };
  /** The session, or a redirect to the login page. */
  const need = async (c: Context): Promise<Session | Response> =>
    (await readSession(c, deps)) ??
    c.redirect(`/app/login${c.req.header('cookie')?.includes('siklus_session') ? '?expired=1' : ''}`, 303);
  return { render, need };
}

export function problemText(t: Translate, answer: ApiAnswer): string {
  const code = String(answer.body?.code ?? answer.status);
  try {
    return t(`problem.${code}`);
  } catch {
    return t('problem.other', { code });
  }
}

/** A posted form as plain strings (the first value of a repeated field). */
export async function postedValues(c: Context): Promise<Values> {
  const form = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(form).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  ) as Values;
}
