// Production sign-in to the web UI through an OpenID Connect provider: the authorization code flow with
// PKCE against a small real provider on loopback (discovery, authorize, token, JWKS), with the same
// token verification as the API. A forged state, a code replayed without its verifier, or a token for
// another audience never becomes a session.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@temporalio/client';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityFromJwks } from '../../../auth/identity.ts';
import { createServerApp } from '../../../bin/server.ts';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import { type ServedApp, serveApp } from '../../support/web-app.ts';

const nurse = demoPeople().find((p) => p.name === 'Ns. Fitri Handayani')!;
const clientId = 'siklus-web';

/** A provider that signs in one person without asking, as a real one would after its own login form. */
async function startProvider(audience: { value: string }) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  let issuer = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === null ? undefined : JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
      });
    if (url.pathname === '/jwks') return send(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== clientId || q.get('code_challenge_method') !== 'S256')
        return send(400, { error: 'invalid_request' });
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '' });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', q.get('state') ?? '');
      return send(302, null, { location: back.toString() });
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let text = '';
      for await (const chunk of req) text += chunk;
      const form = new URLSearchParams(text);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get('redirect_uri'))
        return send(400, { error: 'invalid_grant' });
      const accessToken = await new SignJWT({ org: 'bungo', roles: ['employee'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject(nurse.nip)
        .setIssuer(issuer)
        .setAudience(audience.value)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return send(200, { access_token: accessToken, token_type: 'Bearer', expires_in: 3600 });
    }
    send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('web sign-in through an OIDC provider', () => {
  const audience = { value: 'siklus' };
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;
  let web: ServedApp | undefined;
  let base: string;

  beforeAll(async () => {
    provider = await startProvider(audience);
    database = await createTestDatabase('web_oidc');
    db = createDb(database.url);
    await migrateToLatest(db);
    await seedDemoOrganisations(db);
    const identity = identityFromJwks({
      issuer: provider.issuer,
      audience: 'siklus',
      jwksUrl: `${provider.issuer}/jwks`,
    });
    const app = createServerApp({
      db,
      // Never called here: signing in and the inbox page read PostgreSQL only.
      temporal: new Client(),
      taskQueue: 'unused',
      identity,
      web: { oidc: { issuer: provider.issuer, clientId, scope: 'openid' } },
    });
    web = await serveApp(app);
    base = web.base;
  }, 120_000);

  afterAll(async () => {
    await web?.close();
    await provider?.close();
    await db?.destroy();
    await database?.drop();
  });

  /** One browser: follows redirects by hand, keeping cookies per path as a browser would. */
  const browser = () => {
    const jar = new Map<string, { value: string; path: string }>();
    const get = async (url: string) => {
      const path = new URL(url).pathname;
      const cookie = [...jar]
        .filter(([, c]) => url.startsWith(base) && path.startsWith(c.path))
        .map(([name, c]) => `${name}=${c.value}`)
        .join('; ');
      const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
        const [name = '', value = ''] = pair.split('=');
        const cookiePath = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
        if (value === '' || attributes.some((a) => /^max-age=0$/i.test(a))) jar.delete(name);
        else jar.set(name, { value, path: cookiePath });
      }
      return {
        status: response.status,
        location: response.headers.get('location'),
        text: await response.text(),
      };
    };
    return { get, jar };
  };

  it('signs in through the provider with PKCE and lands in the inbox as that person', async () => {
    const b = browser();
    const login = await b.get(`${base}/app/login`);
    expect(login.text).toContain('href="/app/login/oidc"');
    const toProvider = await b.get(`${base}/app/login/oidc`);
    expect(toProvider.status).toBe(302);
    const authorize = new URL(toProvider.location ?? '');
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/app/login/callback`);
    const back = await b.get(toProvider.location ?? '');
    expect(back.status).toBe(302);
    const callback = await b.get(back.location ?? '');
    expect(callback).toMatchObject({ status: 303, location: '/app/inbox' });
    expect(b.jar.has('siklus_session')).toBe(true);
    expect(b.jar.has('siklus_oidc')).toBe(false);
    const inbox = await b.get(`${base}/app/inbox`);
    expect(inbox.status).toBe(200);
    expect(inbox.text).toContain(nurse.name);
  });

  it('refuses a forged state, a replayed code, and a token for another audience', async () => {
    const forged = browser();
    const out = await forged.get(`${base}/app/login/oidc`);
    const back = new URL((await forged.get(out.location ?? '')).location ?? '');
    back.searchParams.set('state', 'forged');
    expect(await forged.get(back.toString())).toMatchObject({
      status: 303,
      location: '/app/login?oidc=failed',
    });
    expect(forged.jar.has('siklus_session')).toBe(false);

    // The code was spent on nothing above; a second browser replaying it has no verifier for it.
    const thief = browser();
    const thiefOut = await thief.get(`${base}/app/login/oidc`);
    const stolen = new URL(back.toString());
    // The thief's own state passes; the exchange fails, for the thief holds another code verifier.
    stolen.searchParams.set('state', new URL(thiefOut.location ?? '').searchParams.get('state') ?? '');
    expect((await thief.get(stolen.toString())).location).toBe('/app/login?oidc=failed');
    expect(thief.jar.has('siklus_session')).toBe(false);

    audience.value = 'another-application';
    try {
      const other = browser();
      const go = await other.get(`${base}/app/login/oidc`);
      const again = await other.get(go.location ?? '');
      expect(await other.get(again.location ?? '')).toMatchObject({ location: '/app/login?oidc=failed' });
      expect(other.jar.has('siklus_session')).toBe(false);
      expect((await other.get(`${base}/app/login?oidc=failed`)).text).toContain('Gagal masuk');
    } finally {
      audience.value = 'siklus';
    }
  });
});
