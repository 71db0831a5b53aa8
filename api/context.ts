// What every route handler gets: the dependencies and the authenticated principal.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { IdentityConfig, Principal } from '../auth/identity.ts';
import type { NotificationListener } from '../notifications/listener.ts';
import type { Database } from '../schema/database.ts';

export interface ApiDependencies {
  db: Kysely<Database>;
  temporal: Client;
  taskQueue: string;
  /** Verifies bearer tokens; without one every /v1 call answers 401 and says how to configure it. */
  identity: IdentityConfig | null;
  /** Wakes live feeds when a notification commits; without it feeds poll. */
  listener?: NotificationListener;
  /** Largest request body accepted, in bytes (413 beyond). */
  maxBodyBytes?: number;
  /** How long a Workflow Update may take before the answer is 503 outcome_unknown (default 10 s). */
  updateTimeoutMs?: number;
  /** How long an Idempotency-Key stays claimed by a request in flight (default 60 s); longer than any request. */
  idempotencyLeaseMs?: number;
}

export type ApiEnv = {
  Variables: {
    principal: Principal;
    deps: ApiDependencies;
    /** Derived from the Idempotency-Key: the same for every retry of a request (the Update id). */
    operationId: string | undefined;
  };
};
