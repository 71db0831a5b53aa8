// The organisation's time zone as it is now, for a workflow that builds a calendar (the yearly schedule's
// next cycle counts its days there): workflow code reads no database itself.
import type { Kysely } from 'kysely';
import { organisationTimeZone } from '../organisation/time-zone.ts';
import type { Database } from '../schema/database.ts';

export function createOrganisationTimeZone(deps: { db: Kysely<Database> }) {
  return async function organisationTimeZoneOf(orgId: string): Promise<string> {
    return organisationTimeZone(deps.db, orgId);
  };
}
