// Sign-in through the instansi's OpenID Connect provider (production): the authorization code flow with
// PKCE. The provider's access token (a JWT with the NIP, organisation and roles, for siklus's audience)
// becomes the session, verified exactly as the API verifies bearer tokens.
import { createHash, randomBytes } from 'node:crypto';

export interface OidcConfig {
  /** The provider's issuer: discovery is `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Only for a confidential client; a public client relies on PKCE alone. */
  clientSecret?: string;
  scope: string;
}

/** From SIKLUS_OIDC_CLIENT_ID (+ SIKLUS_OIDC_CLIENT_SECRET, SIKLUS_OIDC_SCOPE) and SIKLUS_JWT_ISSUER. */
export function oidcFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuer = env.SIKLUS_JWT_ISSUER;
  const clientId = env.SIKLUS_OIDC_CLIENT_ID;
  if (!issuer || !clientId || env.SIKLUS_DEV_AUTH === '1') return undefined;
  return {
    issuer,
    clientId,
    ...(env.SIKLUS_OIDC_CLIENT_SECRET ? { clientSecret: env.SIKLUS_OIDC_CLIENT_SECRET } : {}),
    scope: env.SIKLUS_OIDC_SCOPE ?? 'openid profile',
  };
}

interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

const discovered = new Map<string, Promise<Endpoints>>();

async function endpoints(config: OidcConfig): Promise<Endpoints> {
  let found = discovered.get(config.issuer);
  if (!found) {
    found = fetch(`${config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`).then(async (r) => {
      if (!r.ok) throw new Error(`OIDC discovery answered ${r.status}`);
      const doc = (await r.json()) as Partial<Endpoints>;
      if (!doc.authorization_endpoint || !doc.token_endpoint)
        throw new Error('OIDC discovery lacks endpoints');
      return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
    });
    // A failed discovery is tried again on the next sign-in.
    found.catch(() => discovered.delete(config.issuer));
    discovered.set(config.issuer, found);
  }
  return found;
}

/** What the browser keeps between the redirect and the callback (in an httpOnly cookie). */
export interface PendingLogin {
  state: string;
  verifier: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function authorizationRedirect(
  config: OidcConfig,
  redirectUri: string,
): Promise<{ url: string; pending: PendingLogin }> {
  const { authorization_endpoint } = await endpoints(config);
  const pending = { state: base64url(randomBytes(24)), verifier: base64url(randomBytes(48)) };
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: base64url(createHash('sha256').update(pending.verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return { url: url.toString(), pending };
}

/** Exchanges the code for tokens; the access token is what the API accepts. */
export async function exchangeCode(
  config: OidcConfig,
  redirectUri: string,
  code: string,
  pending: PendingLogin,
): Promise<string> {
  const { token_endpoint } = await endpoints(config);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
      ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
    }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown };
  if (!response.ok || typeof body.access_token !== 'string')
    throw new Error(`the token endpoint answered ${response.status}`);
  return body.access_token;
}
