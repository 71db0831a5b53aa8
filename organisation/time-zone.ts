// The organisation's time zone (migration 0007): where its deadlines end at 23:59:59 and are shown.
import type { Kysely } from 'kysely';
import { defaultTimeZone, type IndonesianTimeZone } from '../domain/time/zones.ts';
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

/** The organisation's zone; the default (WIB) for an organisation not stored yet. */
export async function organisationTimeZone(db: Kysely<Database>, orgId: string): Promise<IndonesianTimeZone> {
  const row = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.time_zone ?? defaultTimeZone;
}
