// Cross-cutting request handling: body size, NUL characters, authentication, tenant isolation.
import type { MiddlewareHandler } from 'hono';
import { AuthenticationError, authenticate, type Principal } from '../auth/identity.ts';
import { Refusal } from '../commands/refusal.ts';
import { fieldWithNul, limitBodyBytes } from '../http/input-guards.ts';
import { type GrantedRole, holdsRole, mayEnterOrganisation } from '../read/access.ts';
import type { ApiDependencies, ApiEnv } from './context.ts';
import { problem } from './problem.ts';

export function limitBody(maxBytes: number): MiddlewareHandler<ApiEnv> {
  return limitBodyBytes(maxBytes, (c) =>
    problem(c, 413, 'payload_too_large', `The body is larger than ${maxBytes} bytes`),
  );
}

/** NUL (U+0000) anywhere in the path, the query or the body is a 400 before anything reaches PostgreSQL. */
export function refuseNul(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const field = await fieldWithNul(c);
    if (field)
      throw new Refusal(400, 'invalid_text', `${field} contains a NUL character (U+0000)`, { field });
    await next();
  };
}

/** Authenticates, then hides every other organisation: its resources answer 404, as if absent. */
export function authenticated(deps: ApiDependencies): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!deps.identity) {
      throw new Refusal(
        401,
        'identity_not_configured',
        'No identity provider: set SIKLUS_JWKS_URL, SIKLUS_JWT_ISSUER and SIKLUS_JWT_AUDIENCE, or SIKLUS_DEV_AUTH=1 for local development',
      );
    }
    const principal = await authenticate(deps.identity, c.req.header('authorization')).catch((error) => {
      throw error instanceof AuthenticationError ? new Refusal(401, error.code, error.message) : error;
    });
    const org = c.req.param('org');
    if (org !== undefined && !mayEnterOrganisation(principal, org)) {
      throw new Refusal(404, 'not_found', 'No such resource');
    }
    c.set('principal', principal);
    c.set('deps', deps);
    await next();
  };
}

export function requireRole(principal: Principal, role: GrantedRole): void {
  if (!holdsRole(principal, role)) throw new Refusal(403, 'forbidden_role', `This needs the ${role} role`);
}

/** A route gate: the principal must hold one of these roles; checked before the body is validated. */
export function roleGate(...roles: GrantedRole[]): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!holdsRole(c.get('principal'), ...roles)) {
      throw new Refusal(403, 'forbidden_role', `This needs the ${roles.join(' or ')} role`);
    }
    await next();
  };
}
export const hrOnly = roleGate('hr');
export const hrOrAuditor = roleGate('hr', 'auditor');
