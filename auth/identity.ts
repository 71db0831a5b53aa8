// Who calls: a bearer JWT verified against the configured JWKS, issuer and audience (any OIDC provider).
// Claims: `sub` is the NIP, `org` the organisation, `roles` the granted roles. Supervisor, reviewer and
// objection-reviewer rights are not claims: they come from the org chart and the appraisal itself.
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { z } from 'zod';
import { nipSchema } from '../domain/organisation/nip.ts';

export const grantedRoles = ['hr', 'employee', 'auditor'] as const;

export interface Principal {
  nip: string;
  org: string;
  roles: Array<(typeof grantedRoles)[number]>;
  /** An auditor whose token says `org: "*"` may read every organisation. */
  allOrganisations: boolean;
}

const claimsSchema = z.object({
  sub: nipSchema,
  org: z.string().min(1),
  roles: z.array(z.enum(grantedRoles)).default(['employee']),
});

/** Why a caller is not let in; `code` is stable (the API answers it as a 401 problem). */
export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
  constructor(
    readonly code: 'unauthenticated' | 'invalid_token',
    message: string,
  ) {
    super(message);
  }
}

export interface IdentityConfig {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export function identityFromJwks(options: {
  issuer: string;
  audience: string;
  jwksUrl?: string;
  jwks?: { keys: unknown[] };
}): IdentityConfig {
  const keys = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : createLocalJWKSet(options.jwks as Parameters<typeof createLocalJWKSet>[0]);
  return { issuer: options.issuer, audience: options.audience, keys };
}

// Verified tokens, until they expire: a signature check per request is the inbox's largest CPU cost.
const verified = new Map<string, { principal: Principal; expiresAt: number }>();
const cacheLimit = 10_000;

export async function authenticate(
  config: IdentityConfig,
  authorization: string | undefined,
): Promise<Principal> {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (!token) throw new AuthenticationError('unauthenticated', 'A bearer token is required');
  const cached = verified.get(`${config.issuer}|${token}`);
  if (cached && cached.expiresAt > Date.now()) return cached.principal;
  if (verified.size >= cacheLimit) verified.delete(verified.keys().next().value ?? '');
  return verify(config, token);
}

async function verify(config: IdentityConfig, token: string): Promise<Principal> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, config.keys, { issuer: config.issuer, audience: config.audience }));
  } catch (error) {
    throw new AuthenticationError(
      'invalid_token',
      error instanceof Error ? error.message : 'The token is not valid',
    );
  }
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success)
    throw new AuthenticationError(
      'invalid_token',
      claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  const { sub, org, roles } = claims.data;
  const principal = { nip: sub, org, roles, allOrganisations: org === '*' && roles.includes('auditor') };
  const exp = (payload as { exp?: number }).exp;
  if (exp) verified.set(`${config.issuer}|${token}`, { principal, expiresAt: exp * 1000 });
  return principal;
}
