// The org chart's supervisor of one employee, set when HR corrects a rater during the year, and their
// post after a mutasi or promotion (api/commands/participants.ts): cycles started from then on take them.
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

/** A mutasi or promotion: the employee's unit, position and supervisor from now on. */
export async function setPost(
  db: Kysely<Database>,
  orgId: string,
  nip: string,
  post: { unitCode: string; positionCode: string; supervisorNip: string | null },
): Promise<void> {
  await db
    .updateTable('employees')
    .set({
      unit_code: post.unitCode,
      position_code: post.positionCode,
      supervisor_nip: post.supervisorNip,
      updated_at: new Date(),
    })
    .where('org_id', '=', orgId)
    .where('nip', '=', nip)
    .execute();
}
