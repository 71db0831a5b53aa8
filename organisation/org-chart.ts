// The org chart's supervisor of one employee, set when HR corrects a rater during the year
// (api/commands/participants.ts): cycles started from then on take the right rater from it.
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';

export async function setSupervisor(
  db: Kysely<Database>,
  orgId: string,
  nip: string,
  supervisorNip: string,
): Promise<void> {
  await db
    .updateTable('employees')
    .set({ supervisor_nip: supervisorNip, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('nip', '=', nip)
    .execute();
}
