// What every route handler gets: the dependencies and the authenticated principal.
import type { Principal } from '../auth/identity.ts';
import type { Services } from './commands/services.ts';

export interface ApiDependencies extends Services {
  /** Largest request body accepted, in bytes (413 beyond). */
  maxBodyBytes?: number;
  /** How long an Idempotency-Key stays claimed by a request in flight (default 60 s); longer than any request. */
  idempotencyLeaseMs?: number;
}

export type ApiEnv = {
  Variables: {
    principal: Principal;
    deps: ApiDependencies;
    /** The request's Idempotency-Key once claimed: the commands derive the Update id from it. */
    idempotencyKey: string | undefined;
  };
};
