// The dev login picker's organisations: the demo instansi with their people, and none of the scratch ones
// a stray API call leaves behind (an organisation row made by posting units to a new id, never named, or
// one with nobody in it). Against real PostgreSQL.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoOrganisations } from '../../../demo/seed.ts';
import { upsertUnits } from '../../../organisation/units-and-positions.ts';
import { organisationsWithPeople } from '../../../record/read/people.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { seedOrganisation } from '../../../simulation/seed.ts';
import { createTestDatabase } from '../../support/database.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Kysely<Database>;

beforeAll(async () => {
  database = await createTestDatabase('login_organisations');
  db = createDb(database.url);
  await migrateToLatest(db);
  await seedDemoOrganisations(db);
  // Scratch: units posted to a new id (the row is named after its id), and a named one left empty.
  await upsertUnits(db, 'coba', [{ code: 'U1', name: 'Unit', parentCode: null }]);
  await seedOrganisation(db, 'kosong', ['U1'], []);
  await db
    .updateTable('organisations')
    .set({ name: 'Organisasi Kosong' })
    .where('id', '=', 'kosong')
    .execute();
  // Unnamed, with someone in it: still scratch.
  await upsertUnits(db, 'tes', [{ code: 'U1', name: 'Unit', parentCode: null }]);
  await db
    .insertInto('positions')
    .values({ org_id: 'tes', code: 'P', name: 'Staf', kind: 'JF', duties: '[]', default_indicators: '[]' })
    .execute();
  await db
    .insertInto('employees')
    .values({
      org_id: 'tes',
      nip: '199001012015031001',
      name: 'Uji',
      email: 'uji@example.test',
      unit_code: 'U1',
      position_code: 'P',
      supervisor_nip: null,
      employment_status: 'PNS',
      updated_at: new Date(),
    })
    .execute();
}, 60_000);

afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe('the login picker', () => {
  it('offers the named organisations with people, and hides the scratch ones', async () => {
    const offered = await organisationsWithPeople(db);
    expect(offered.map((o) => o.id).sort()).toEqual(['asemrowo', 'bukittinggi', 'bungo']);
    expect(offered.every((o) => o.people.length > 0)).toBe(true);
  });
});
