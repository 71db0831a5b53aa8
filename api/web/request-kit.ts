// Small helpers shared by the route modules mounted from routes.ts (agreement, team): rendering a page in
// the shell, requiring a session, running a command and a refusal's text, and the plain strings of a
// posted form.
import type { Context } from 'hono';
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import { refusalOf } from '../commands/refusal.ts';
import type { Services } from '../commands/services.ts';
import { type FormState, newFormKey, parseCommand, type Values } from './forms.ts';
import type { Html } from './html.ts';
import { type Translate, translator } from './i18n/index.ts';
import { page, type Section } from './layout.ts';
import { langOf, readSession, type Session } from './session.ts';

export function webKit(deps: Services) {
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

/** A refusal's code as a sentence in the person's language. */
export function problemText(t: Translate, code: string): string {
  try {
    return t(`problem.${code}`);
  } catch {
    return t('problem.other', { code });
  }
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; status: number; code: string };

/**
 * Runs a command for a page: its result, or why it was refused. A fault is logged and shown as the API
 * would answer it (500 internal_error), next to the form rather than instead of the page.
 */
export async function attempt<T>(run: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { ok: false, status: refusal.status, code: refusal.code };
    console.error('web:', error);
    return { ok: false, status: 500, code: 'internal_error' };
  }
}

/**
 * Sends a form's command: on success the redirect to `done`; else the form again, with the field errors
 * (422) or the refusal's sentence and status. A refusal is remembered under the form's key (the Update
 * id), so the form comes back with a new key for the corrected retry.
 */
export async function submitCommand(
  c: Context,
  form: { type: string; values: Values },
  parsed: { ok: true; command: AppraisalCommand } | { ok: false; errors: Record<string, string> },
  run: (command: AppraisalCommand) => Promise<unknown>,
  done: string,
  again: (state: FormState, status: number) => Promise<Response>,
): Promise<Response> {
  const { type, values } = form;
  if (!parsed.ok) return again({ type, values, errors: parsed.errors }, 422);
  const { command } = parsed;
  const answer = await attempt(() => run(command));
  if (answer.ok) return c.redirect(done, 303);
  const t = translator(langOf(c));
  const state = {
    type,
    values: { ...values, _key: newFormKey() },
    errors: {},
    formError: problemText(t, answer.code),
  };
  return again(state, answer.status >= 400 && answer.status < 600 ? answer.status : 500);
}

/** A posted form as plain strings (the first value of a repeated field). */
export async function postedValues(c: Context): Promise<Values> {
  const form = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(form).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  ) as Values;
}

/** Validates a form as an appraisal command, runs it, and either redirects or re-renders with errors. */
export function actOnForm(
  c: Context,
  type: string,
  values: Values,
  run: (command: AppraisalCommand) => Promise<unknown>,
  done: string,
  again: (state: FormState, status: number) => Promise<Response>,
): Promise<Response> {
  return submitCommand(c, { type, values }, parseCommand(type, values), run, done, again);
}
