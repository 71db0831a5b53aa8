// The organisation's time zone (migration 0007): where its deadlines end at 23:59:59 and are shown.
import type { Kysely } from 'kysely';
import type { IndonesianTimeZone } from '../domain/time/zones.ts';
import type { Database } from '../schema/database.ts';
import { ensureOrganisation } from './units-and-positions.ts';

export async function setTimeZone(
  db: Kysely<Database>,
  orgId: string,
  timeZone: IndonesianTimeZone,
): Promise<void> {
  await ensureOrganisation(db, orgId);
  await db.updateTable('organisations').set({ time_zone: timeZone }).where('id', '=', orgId).execute();
}
