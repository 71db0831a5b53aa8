// The one way in for changes (api/commands) as a test calls it, without HTTP: its services over a rig
// and Temporal environment, and who acts.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Kysely } from 'kysely';
import type { Services } from '../../api/commands/services.ts';
import type { Principal } from '../../auth/identity.ts';
import type { Database } from '../../schema/database.ts';

/** The commands' services over this rig's database and task queue (no identity provider). */
export const commandServices = (
  env: TestWorkflowEnvironment,
  rig: { db: Kysely<Database>; taskQueue: string },
): Services => ({ db: rig.db, temporal: env.client, taskQueue: rig.taskQueue, identity: null });

/** An employee of `org`, with no other role, as the commands see them. */
export const employeeOf =
  (org: string) =>
  (nip: string): Principal => ({ nip, org, roles: ['employee'], allOrganisations: false });
