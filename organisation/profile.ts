// The organisation's name, region and logo, which every page header and every document shows. A hand
// edit like the master data, recorded in organisation_changes (the logo by its SHA-256 and size).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { recordChange } from './master-data.ts';
import { ensureOrganisation } from './units-and-positions.ts';

type Db = Kysely<Database>;

export async function setProfile(
  db: Db,
  org: string,
  by: string,
  profile: { name: string; region: string | null },
) {
  await ensureOrganisation(db, org);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('organisations')
      .select(['name', 'region'])
      .where('id', '=', org)
      .executeTakeFirst();
    await trx.updateTable('organisations').set(profile).where('id', '=', org).execute();
    await recordChange(trx, org, by, { kind: 'organisation', key: org, before, after: profile });
  });
}

export async function setLogo(
  db: Db,
  org: string,
  by: string,
  logo: { bytes: Uint8Array; type: 'image/png' | 'image/jpeg' },
) {
  await ensureOrganisation(db, org);
  const bytes = Buffer.from(logo.bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ logo: bytes, logo_type: logo.type })
      .where('id', '=', org)
      .execute();
    await recordChange(trx, org, by, {
      kind: 'organisation',
      key: org,
      before: undefined,
      after: { logo: { sha256, size: bytes.length, type: logo.type } },
    });
  });
  return { sha256, size: bytes.length, type: logo.type };
}
