// The demo organisations' service measures as `npm start` seeds them, on real PostgreSQL: every value
// goes through the import's checks, the monitoring read shows the units below target, the published
// standard of the head of a puskesmas binds an indicator to the SKM measure, and a second start writes
// nothing again for organisations seeded before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoMeasures } from '../../bin/demo-measures.ts';
import { seedDemoStandards } from '../../bin/demo-standards.ts';
import { organisations } from '../../demo/data.ts';
import { demoMeasures } from '../../demo/measures.ts';
import { seedDemoOrganisations } from '../../demo/seed.ts';
import { measureMonitoring } from '../../record/read/measures.ts';
import { publishedStandard } from '../../record/read/standards.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../support/database.ts';

let database: MigratedDatabase;

beforeAll(async () => {
  database = await createMigratedDatabase('demo_measures');
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe('the demo service measures', () => {
  it('are seeded with this year’s quarters so far, some units below target, bound in a published standard', async () => {
    const { db } = database;
    const seeded = await seedDemoOrganisations(db);
    expect(seeded).toEqual(organisations.map((o) => o.id));
    const at = '2026-11-27T08:00:00.000Z';
    await seedDemoStandards(db, seeded, at);
    // TW1-TW3 have ended by 27 November; TW4's figures are not in yet.
    expect(await seedDemoMeasures(db, seeded, at)).toBe(12 + 6 + 9);
    const bungo = await measureMonitoring(db, 'bungo', 2026);
    expect(bungo.map((m) => m.code).sort()).toEqual(demoMeasures.map((m) => m.code).sort());
    const waiting = bungo.find((m) => m.code === 'waktu-tunggu');
    expect(waiting?.periods).toEqual(['TW1', 'TW2', 'TW3']);
    expect(waiting?.values.filter((v) => v.belowTarget).map((v) => `${v.unitCode} ${v.period}`)).toEqual([
      'PKM-MB TW1',
      'PKM-MB TW2',
    ]);
    expect(bungo.find((m) => m.code === 'skm')?.belowTarget).toEqual([]);
    const asemrowo = await measureMonitoring(db, 'asemrowo', 2026);
    expect(asemrowo.find((m) => m.code === 'skm')?.belowTarget).toEqual(['PKM-AS']);
    expect(asemrowo.find((m) => m.code === 'waktu-tunggu')?.belowTarget).toEqual(['PKM-AS']);

    const kapkm = await publishedStandard(db, 'bungo', 'KAPKM');
    const bound = kapkm?.standard.rhk.flatMap((r) => r.indicators).filter((i) => i.measureCode);
    expect(bound?.map((i) => [i.description, i.measureCode])).toEqual([['Survei kepuasan pasien', 'skm']]);
    expect(await seedDemoMeasures(db, [], at)).toBe(0);
  });
});
