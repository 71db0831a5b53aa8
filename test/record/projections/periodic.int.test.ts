// The periodic evaluation's read models, from period events appended through the event store with the
// production projections: a row per employee and period, the counts per unit and period, each unit's
// capaian per period (apart from the year's), the same however the events were batched, rebuilt alike
// by the audit, and read back as distribution, progress and the recap's rows.
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildProjections } from '../../../audit/rebuild-projections.ts';
import { periodPredikatCounts } from '../../../record/projections/unit-counts.ts';
import { periodDistribution, periodicProgress } from '../../../record/read/periodic.ts';
import { predikatRows } from '../../../record/read/predikat-export.ts';
import type { Database } from '../../../schema/database.ts';
import { createDb } from '../../../schema/db.ts';
import { migrateToLatest } from '../../../schema/migrate.ts';
import { createTestDatabase } from '../../support/database.ts';
import {
  type Appends,
  type PeriodicCycle,
  people,
  ranks,
  seedPeriodicCycle,
} from '../../support/periodic-events.ts';

const databases: Array<{ drop(): Promise<void> }> = [];
const dbs: Array<Kysely<Database>> = [];
async function seeded(appends: Appends): Promise<{ db: Kysely<Database>; cycle: PeriodicCycle }> {
  const database = await createTestDatabase(`periodic_${appends.toLowerCase()}`);
  databases.push(database);
  const db = createDb(database.url);
  dbs.push(db);
  await migrateToLatest(db);
  return { db, cycle: await seedPeriodicCycle(db, 'bungo', appends) };
}

let db: Kysely<Database>;
let cycle: PeriodicCycle;
beforeAll(async () => {
  ({ db, cycle } = await seeded('perStream'));
}, 60_000);
afterAll(async () => {
  for (const d of dbs) await d.destroy();
  for (const database of databases) await database.drop();
});

const rowsOf = async (d: Kysely<Database>, table: string, order: string) =>
  (await sql.raw<Record<string, unknown>>(`select * from ${table} order by ${order}`).execute(d)).rows;

describe('the periodic projections', () => {
  it('keep one row per employee and period: ratings, who rated, escalation, acknowledgement, missed', async () => {
    const rows = await db
      .selectFrom('period_evaluations')
      .select(['period', 'nip', 'unit_code', 'results', 'behaviour', 'predikat', 'rated_as', 'rated_by'])
      .select(['escalated_to', 'missed', 'realisation_at', 'acknowledged_at', 'deadline'])
      .where('cycle_id', '=', cycle.cycleId)
      .where('period', '=', 'TW1')
      .orderBy('nip')
      .execute();
    const byNip = Object.fromEntries(rows.map((r) => [r.nip, r]));
    expect(rows.map((r) => r.nip)).toEqual(
      [people.kapus, people.ahmad, people.budi, people.citra, people.dedi, people.eka].map((p) => p.nip),
    );
    expect(byNip[people.ahmad.nip]).toMatchObject({
      unit_code: 'PKM',
      results: 'diAtas',
      behaviour: 'diAtas',
      predikat: 'sangatBaik',
      rated_as: 'rater',
      rated_by: people.kapus.nip,
      escalated_to: null,
      missed: false,
      realisation_at: new Date('2025-03-30T17:00:00.000Z'),
      acknowledged_at: new Date('2025-03-30T17:00:00.000Z'),
      // 23:59:59 WIB on 13 April, the last day of TW I's 14-day window.
      deadline: new Date('2025-04-13T16:59:59.000Z'),
    });
    expect(byNip[people.citra.nip]).toMatchObject({
      predikat: 'butuhPerbaikan',
      rated_as: 'superior',
      rated_by: people.head.nip,
      escalated_to: 'superior',
      // The deadline of whoever holds the rating: the superior's, 7 days on.
      deadline: new Date('2025-04-20T16:59:59.000Z'),
    });
    expect(byNip[people.dedi.nip]).toMatchObject({ predikat: null, escalated_to: 'hr', missed: true });
    expect(byNip[people.eka.nip]).toMatchObject({ predikat: null, escalated_to: null, missed: false });
  });

  it('count predikat per unit and period, and keep a period’s capaian apart from the year’s', async () => {
    const counts: Array<{ period: string; unit_code: string; predikat: string; count: number }> = [];
    for (const period of ['TW1', 'TW2'])
      for (const r of await periodPredikatCounts(db, cycle.cycleId, period))
        counts.push({ period, unit_code: r.unitCode, predikat: r.bucket, count: r.count });
    const key = (r: (typeof counts)[number]) => `${r.period}|${r.unit_code}|${r.predikat}`;
    counts.sort((a, b) => (key(a) < key(b) ? -1 : 1));
    expect(counts).toEqual([
      { period: 'TW1', unit_code: 'PKM', predikat: 'baik', count: 2 },
      { period: 'TW1', unit_code: 'PKM', predikat: 'butuhPerbaikan', count: 1 },
      { period: 'TW1', unit_code: 'PKM', predikat: 'sangatBaik', count: 1 },
      { period: 'TW2', unit_code: 'DINKES', predikat: 'baik', count: 1 },
      { period: 'TW2', unit_code: 'PKM', predikat: 'sangatKurang', count: 1 },
    ]);
    const capaian = await db
      .selectFrom('unit_period_predikat')
      .select(['unit_code', 'period', 'unit_predikat', 'set_by'])
      .orderBy('unit_code')
      .orderBy('period')
      .execute();
    expect(capaian.map((r) => [r.unit_code, r.period, r.unit_predikat])).toEqual([
      ['DINKES', 'TW1', 'baik'],
      ['PKM', 'TW1', 'baik'],
      ['PKM', 'TW2', 'kurang'],
    ]);
    const year = await db.selectFrom('unit_calibration').select(['unit_code', 'unit_predikat']).execute();
    expect(year).toEqual([{ unit_code: 'PKM', unit_predikat: 'istimewa' }]);
  });

  it('come out the same when the events are appended one by one or all streams in one append', async () => {
    const tables = [
      ['period_evaluations', 'appraisal_id, period'],
      ['unit_period_predikat', 'cycle_id, unit_code, period'],
    ] as const;
    const perEvent = await seeded('perEvent');
    const oneForAll = await seeded('oneForAll');
    for (const [table, order] of tables) {
      const expected = await rowsOf(db, table, order);
      expect(expected.length).toBeGreaterThan(0);
      expect(await rowsOf(perEvent.db, table, order)).toEqual(expected);
      expect(await rowsOf(oneForAll.db, table, order)).toEqual(expected);
    }
  }, 60_000);

  it("are rebuilt from the log alike by the audit, which sees a row that is not the log's", async () => {
    const intact = await rebuildProjections(db, { cycleId: cycle.cycleId });
    expect(intact.tables).toEqual(expect.arrayContaining(['period_evaluations', 'unit_period_predikat']));
    expect(intact).toMatchObject({ ok: true, differences: [] });
    const { db: other, cycle: otherCycle } = await seeded('perStream');
    await other
      .updateTable('period_evaluations')
      .set({ predikat: 'sangatBaik' })
      .where('nip', '=', people.citra.nip)
      .where('period', '=', 'TW1')
      .execute();
    await other
      .updateTable('unit_period_predikat')
      .set({ unit_predikat: 'istimewa' })
      .where('unit_code', '=', 'PKM')
      .execute();
    const tampered = await rebuildProjections(other, { cycleId: otherCycle.cycleId });
    expect(tampered.ok).toBe(false);
    expect(tampered.differences.map((d) => d.table).sort()).toEqual([
      'period_evaluations',
      'unit_period_predikat',
    ]);
  });
});

describe('the periodic reads', () => {
  it("show each unit's period distribution against its capaian's pattern, flagged when outside it", async () => {
    const tw1 = await periodDistribution(db, cycle.cycleId, 'TW1');
    expect(tw1).toEqual([
      { unitCode: 'DINKES', counts: {}, unitPredikat: 'baik', check: { ok: true } },
      {
        unitCode: 'PKM',
        counts: { sangatBaik: 1, baik: 2, butuhPerbaikan: 1 },
        unitPredikat: 'baik',
        check: { ok: true },
      },
    ]);
    const tw2 = await periodDistribution(db, cycle.cycleId, 'TW2');
    const pkm = tw2.find((u) => u.unitCode === 'PKM');
    expect(pkm).toMatchObject({ counts: { sangatKurang: 1 }, unitPredikat: 'kurang', check: { ok: false } });
    expect(pkm?.check?.ok === false && pkm.check.violations.map((v) => v.rule)).toEqual([
      'kurang.min60PercentKurang',
      'kurang.min10PercentButuhPerbaikan',
    ]);
    expect(tw2.find((u) => u.unitCode === 'DINKES')).toMatchObject({ unitPredikat: null, check: null });
    expect(await periodDistribution(db, cycle.cycleId, 'TW3')).toEqual([]);
  });

  it('show per unit and period who is rated, late or escalated, as of a moment', async () => {
    // Before TW II's deadline its unrated evaluations are not late yet; after it they are.
    const during = await periodicProgress(db, cycle.cycleId, new Date('2025-07-01T00:00:00Z'));
    expect(during.units).toEqual([
      { period: 'TW1', unitCode: 'DINKES', employees: 1, rated: 0, late: 1, escalated: 1, missed: 1 },
      { period: 'TW1', unitCode: 'PKM', employees: 4, rated: 4, late: 0, escalated: 1, missed: 0 },
      { period: 'TW2', unitCode: 'DINKES', employees: 1, rated: 1, late: 0, escalated: 0, missed: 0 },
      { period: 'TW2', unitCode: 'PKM', employees: 4, rated: 1, late: 0, escalated: 0, missed: 0 },
    ]);
    expect(during.late.map((l) => [l.period, l.name, l.holder, l.holderName, l.rated?.as ?? null])).toEqual([
      ['TW1', people.dedi.name, 'hr', null, null],
      ['TW1', people.citra.name, 'superior', people.head.name, 'superior'],
    ]);
    const after = await periodicProgress(db, cycle.cycleId, new Date('2025-07-14T00:00:00Z'), 3);
    expect(after.units.find((u) => u.period === 'TW2' && u.unitCode === 'PKM')).toMatchObject({ late: 3 });
    expect(after.lateTotal).toBe(5);
    expect(after.late).toHaveLength(3);
    expect(after.late[2]).toMatchObject({ period: 'TW2', holder: 'rater', holderName: people.kapus.name });
  });

  it('give the recap rows of a period and of the year (akhir), without the cancelled', async () => {
    const collect = async (period: string) => {
      const rows = [];
      for await (const row of predikatRows(db, cycle.cycleId, period, 2)) rows.push(row);
      return rows;
    };
    const tw1 = await collect('TW1');
    expect(tw1.map((r) => [r.unitCode, r.name, r.predikat])).toEqual([
      ['DINKES', people.dedi.name, null],
      ['PKM', people.kapus.name, 'baik'],
      ['PKM', people.ahmad.name, 'sangatBaik'],
      ['PKM', people.budi.name, 'baik'],
      ['PKM', people.citra.name, 'butuhPerbaikan'],
    ]);
    expect(tw1[2]).toEqual({
      nip: people.ahmad.nip,
      name: people.ahmad.name,
      unitCode: 'PKM',
      unitName: 'Puskesmas Muara Bungo',
      positionCode: 'STAF',
      positionName: 'Perawat Terampil',
      period: 'TW1',
      results: 'diAtas',
      behaviour: 'diAtas',
      predikat: 'sangatBaik',
      employmentStatus: 'PNS',
      rank: ranks.ahmad,
    });
    const akhir = await collect('akhir');
    expect(akhir.map((r) => [r.name, r.results, r.behaviour, r.predikat])).toEqual([
      [people.dedi.name, null, null, null],
      [people.kapus.name, null, null, null],
      [people.ahmad.name, 'sesuai', 'sesuai', 'baik'],
      // The objection's final decision, not the rater's first rating.
      [people.budi.name, 'diAtas', 'diAtas', 'sangatBaik'],
      [people.citra.name, null, null, null],
    ]);
  });
});
