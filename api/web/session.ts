// Who is looking: the session cookie holds the same bearer token the API takes (a dev token in dev
// mode), verified the same way on every page (auth/). Pages read through read/ and act through
// api/commands/ as that principal, the API's own way in, so authorisation and tenancy are the API's.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate, type Principal } from '../../auth/identity.ts';
import { organisationProfile, timeZoneOf } from '../../record/read/organisation.ts';
import { employeeName, hasReports } from '../../record/read/people.ts';
import type { Services } from '../commands/services.ts';
import { isLang, type Lang, type Translate, translator } from './i18n/index.ts';
import type { Viewer } from './layout.ts';

export const sessionCookie = 'siklus_session';
export const langCookie = 'lang';

export interface Session {
  principal: Principal;
  viewer: Viewer;
  /** The organisation's zone: the pages show its people's times there. */
  timeZone: string;
}

export function langOf(c: Context): Lang {
  const value = getCookie(c, langCookie);
  return isLang(value) ? value : 'id';
}

/** The reader's language; dates and times in their organisation's zone once signed in. */
export function pageTranslator(c: Context, session?: Session | null): Translate {
  return session ? translator(langOf(c), session.timeZone) : translator(langOf(c));
}

export function setLang(c: Context, lang: Lang) {
  setCookie(c, langCookie, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'Lax' });
}

/** The signed-in person, or null when there is no valid session (an expired token included). */
export async function readSession(c: Context, deps: Services): Promise<Session | null> {
  const token = getCookie(c, sessionCookie);
  if (!token || !deps.identity) return null;
  try {
    const principal = await authenticate(deps.identity, `Bearer ${token}`);
    const [name, team, timeZone, organisation] = await Promise.all([
      employeeName(deps.db, principal.org, principal.nip),
      hasReports(deps.db, principal.org, principal.nip),
      timeZoneOf(deps.db, principal.org),
      organisationProfile(deps.db, principal.org),
    ]);
    return {
      principal,
      viewer: { name: name ?? principal.nip, org: principal.org, roles: principal.roles, team, organisation },
      timeZone,
    };
  } catch {
    return null;
  }
}

export function startSession(c: Context, token: string) {
  const secure = new URL(c.req.url).protocol === 'https:';
  // httpOnly: page scripts never see the token; SameSite=Lax: other sites cannot post forms with it.
  setCookie(c, sessionCookie, token, {
    path: '/app',
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    maxAge: 12 * 3600,
  });
}

export function endSession(c: Context) {
  deleteCookie(c, sessionCookie, { path: '/app' });
}
