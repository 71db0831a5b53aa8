// /app/login/oidc sends the browser to the provider; /app/login/callback comes back with a code, which
// is exchanged for the access token that becomes the session (only if the API would accept it).
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authenticate } from '../../auth/identity.ts';
import type { Services } from '../commands/services.ts';
import { authorizationRedirect, exchangeCode, type OidcConfig, type PendingLogin } from './oidc.ts';
import { startSession } from './session.ts';

const pendingCookie = 'siklus_oidc';

export function oidcRoutes(deps: Services, config: OidcConfig): Hono {
  const routes = new Hono();
  const callbackUrl = (url: string) => new URL('/app/login/callback', url).toString();

  routes.get('/login/oidc', async (c) => {
    const { url, pending } = await authorizationRedirect(config, callbackUrl(c.req.url));
    setCookie(c, pendingCookie, JSON.stringify(pending), {
      path: '/app/login',
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET, which carries it.
      sameSite: 'Lax',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: 600,
    });
    return c.redirect(url, 302);
  });

  routes.get('/login/callback', async (c) => {
    const pending = readPending(getCookie(c, pendingCookie));
    deleteCookie(c, pendingCookie, { path: '/app/login' });
    const code = c.req.query('code');
    if (!pending || !code || c.req.query('state') !== pending.state || !deps.identity)
      return c.redirect('/app/login?oidc=failed', 303);
    try {
      const token = await exchangeCode(config, callbackUrl(c.req.url), code, pending);
      await authenticate(deps.identity, `Bearer ${token}`);
      startSession(c, token);
      return c.redirect('/app/inbox', 303);
    } catch {
      return c.redirect('/app/login?oidc=failed', 303);
    }
  });
  return routes;
}

function readPending(text: string | undefined): PendingLogin | null {
  try {
    const value = JSON.parse(text ?? '') as Partial<PendingLogin>;
    return typeof value.state === 'string' && typeof value.verifier === 'string'
      ? { state: value.state, verifier: value.verifier }
      : null;
  } catch {
    return null;
  }
}
