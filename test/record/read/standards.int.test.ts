// What a round starts from, read from the org chart of the demo organisation Bungo: each position's
// holders and their supervisors, the leader of the one unit its other holders work in (none when they
// work in several, or when the only holder leads it), and its current standard: the one HR kept on the
// position before any version, then the latest published version.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoStandards } from '../../../bin/demo-standards.ts';
import { positions } from '../../../demo/data.ts';
import { demoPeople, seedDemoOrganisations } from '../../../demo/seed.ts';
import { roundPositions } from '../../../record/read/standards.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';

const nipOf = (name: string) => demoPeople().find((p) => p.org === 'bungo' && p.name === name)?.nip;

describe('roundPositions', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase('standards_read');
    db = createDb(database.url);
    await migrateToLatest(db);
    await seedDemoOrganisations(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('takes holders, supervisors and the unit leader from the org chart', async () => {
    const byCode = new Map((await roundPositions(db, 'bungo')).map((p) => [p.positionCode, p]));
    const nurses = [nipOf('Ns. Fitri Handayani'), nipOf('Ns. Junaidi')].sort();
    expect(byCode.get('PERAWAT')).toMatchObject({
      participants: [
        ...nurses.map((nip) => ({ nip, role: 'holder' })),
        { nip: nipOf('dr. Riko Saputra'), role: 'supervisor' },
      ],
      leaderNips: [nipOf('dr. Riko Saputra')],
    });
    // Two heads of service in two units: HR drafts. The head of a puskesmas does not draft their own.
    expect(byCode.get('KADIS')?.leaderNips).toEqual([]);
    expect(byCode.get('KAPKM')).toMatchObject({
      participants: [
        { nip: nipOf('dr. Riko Saputra'), role: 'holder' },
        { nip: nipOf('dr. Nurhayati, M.Kes'), role: 'supervisor' },
      ],
      leaderNips: [],
    });
    // Positions nobody holds in Bungo are not drafted (PENGAWAS works in Bukittinggi).
    expect(byCode.has('PENGAWAS')).toBe(false);
  });

  it("starts from the position's own duties and indicators, then from the latest published version", async () => {
    const [before] = await roundPositions(db, 'bungo', ['BIDAN']);
    expect(before).toMatchObject({
      baseVersion: null,
      standard: {
        duties: positions.BIDAN?.duties,
        rhk: [
          {
            kind: 'utama',
            indicators: [
              { id: 'iki-1', description: 'Kunjungan ibu hamil K4', aspect: 'kuantitas', target: '90%' },
            ],
          },
        ],
      },
    });
    await seedDemoStandards(db, ['bungo']);
    const [after] = await roundPositions(db, 'bungo', ['PERAWAT']);
    expect(after?.baseVersion).toBe(1);
    expect(after?.standard.rhk[0]?.indicators[0]?.target).toBe('100% dalam 24 jam');
  });
});
