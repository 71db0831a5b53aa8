// What an Update's "workflow not found" means for an appraisal. The launch stores an appraisal's opening
// events (its first task with them) before it starts the workflow, and marks the member started after:
// in between (longer when the worker died mid-launch and the launch is retried) the task is in the
// inbox while the workflow does not exist yet. That is "retry shortly", not "this appraisal has ended".
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';
import { Refusal } from './refusal.ts';

const retryAfterStartingS = 5;

export async function notFoundRefusal(db: Kysely<Database>, appraisalId: string): Promise<Refusal> {
  const starting = await db
    .selectFrom('cycle_members')
    .select('nip')
    .where('appraisal_id', '=', appraisalId)
    .where('started_at', 'is', null)
    .executeTakeFirst();
  if (starting)
    return new Refusal(
      503,
      'appraisal_starting',
      'This appraisal is being started; nothing was done. Retry shortly',
      {},
      { 'retry-after': String(retryAfterStartingS) },
    );
  return new Refusal(409, 'appraisal_closed', 'This appraisal has ended');
}
