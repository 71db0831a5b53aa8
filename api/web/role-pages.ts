// What the HR and auditor route modules share: render a page in the shell, require a session and a role,
// turn a refusal into a sentence, read a posted form with its files and repeated fields.
import type { Context } from 'hono';
import type { Principal } from '../../auth/identity.ts';
import type { Services } from '../commands/services.ts';
import type { Html } from './html.ts';
import type { Translate } from './i18n/index.ts';
import { notice, type Section } from './layout.ts';
import { problemText, webKit } from './request-kit.ts';
import { pageTranslator, type Session } from './session.ts';

export interface PageOptions {
  title: string;
  body: Html;
  session?: Session | null;
  section?: Section;
  status?: number;
}

export function rolePages(deps: Services) {
  const { render, need } = webKit(deps);

  /** The session of someone `may` lets in (a decision of read/access.ts); else the login page, or a 403 page. */
  const needRole = async (
    c: Context,
    may: (principal: Principal) => boolean,
    forbiddenKey: string,
  ): Promise<{ session: Session; t: Translate } | Response> => {
    const session = await need(c);
    if (session instanceof Response) return session;
    const t = pageTranslator(c, session);
    if (!may(session.principal))
      return render(c, t, {
        title: t('error.pageTitle'),
        body: notice('error', t(forbiddenKey)),
        session,
        status: 403,
      });
    return { session, t };
  };

  const notFound = (c: Context, t: Translate, session: Session, key = 'error.notFound') =>
    render(c, t, { title: t('error.pageTitle'), body: notice('info', t(key)), session, status: 404 });

  /** The pages of one section of the menu, each a title and a body shown to the session's person. */
  const sectionPages =
    (section: Section) =>
    (c: Context, t: Translate, session: Session, title: string, body: Html, status = 200) =>
      render(c, t, { title, body, session, section, status });

  return { render, needRole, notFound, sectionPages };
}

/** A refusal's code as a sentence in the person's language. */
export const refusalText = problemText;

/** A posted form: the first string of each field, every string of repeated fields, and the files. */
export async function postedForm(c: Context) {
  const form = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const files: Record<string, File> = {};
  for (const [k, v] of Object.entries(form)) {
    const all = Array.isArray(v) ? v : [v];
    const strings = all.filter((x): x is string => typeof x === 'string');
    if (strings[0] !== undefined) values[k] = strings[0];
    lists[k] = strings;
    const file = all.find((x): x is File => typeof x !== 'string');
    if (file) files[k] = file;
  }
  return { values, lists, files };
}

/** A cycle id as the pages take it: `<org>.<year>`, nothing else. */
export const cycleIdPattern = /^[\w-]{1,64}\.\d{4}$/;
