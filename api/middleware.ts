// Cross-cutting request handling: body size, NUL characters, authentication, tenant isolation.
import type { MiddlewareHandler } from 'hono';
import { AuthenticationError, authenticate, type Principal } from '../auth/identity.ts';
import { fieldWithNul, limitBodyBytes } from '../http/input-guards.ts';
import { mayAudit, mayEnterOrganisation, mayManageCycles, mayReadCycles } from '../record/read/access.ts';
import { Refusal } from './commands/refusal.ts';
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

/** A route gate on a decision of read/access.ts, checked before the body is validated. */
function gate(may: (principal: Principal) => boolean, roles: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!may(c.get('principal'))) throw new Refusal(403, 'forbidden_role', `This needs the ${roles} role`);
    await next();
  };
}
export const hrOnly = gate(mayManageCycles, 'hr');
export const hrOrAuditor = gate(mayReadCycles, 'hr or auditor');
export const auditorOnly = gate(mayAudit, 'auditor');
