// What the commands, the HTTP API and the web pages run on; the entry points build it once.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { IdentityConfig } from '../../auth/identity.ts';
import type { NotificationListener } from '../../notifications/listener.ts';
import type { Database } from '../../schema/database.ts';

export interface Services {
  db: Kysely<Database>;
  temporal: Client;
  taskQueue: string;
  /** Verifies bearer tokens; without one nobody is let in (the API says how to configure it). */
  identity: IdentityConfig | null;
  /** Wakes live feeds when a notification commits; without it feeds poll. */
  listener?: NotificationListener;
  /** How long a Workflow Update may take before the answer is 503 outcome_unknown (default 10 s). */
  updateTimeoutMs?: number;
}
