// The penetapan page over real HTTP against real PostgreSQL: the unit's leader sees the penetapan they
// hold and its case (the findings with their counts, the group and pack, the people with their predikat
// and periodic predikat, the calibration assistant's proposal) and the form to sign it with a
// justification per finding; someone who holds none sees none; the read model follows the escalation.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSchemas } from '../../../domain/event-registry.ts';
import { cycleStreamId } from '../../../domain/ids.ts';
import { checkCurve } from '../../../domain/rating/curve-check.ts';
import { projections } from '../../../record/projections/index.ts';
import { appendToStream, type NewEvent } from '../../../record/store/index.ts';
import type { Database } from '../../../schema/database.ts';
import { createMigratedDatabase, type MigratedDatabase } from '../../support/database.ts';
import { hrNip, type PeriodicCycle, people, seedPeriodicCycle } from '../../support/periodic-events.ts';
import { type DevServedApp, serveWithoutTemporal, sessionCookie } from '../../support/web-app.ts';

let database: MigratedDatabase;
let db: Kysely<Database>;
let served: DevServedApp;
let cycle: PeriodicCycle;
const cookies: Record<'hr' | 'kapus' | 'head' | 'staff', string> = { hr: '', kapus: '', head: '', staff: '' };
const at = '2026-01-10T00:00:00.000Z';
const deadline = '2026-01-17T00:00:00.000Z';

const append = async (events: Array<{ type: string; data: unknown }>) => {
  const streamId = cycleStreamId(cycle.cycleId);
  const version = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('stream_version').as('v'))
    .where('stream_id', '=', streamId)
    .executeTakeFirst();
  const envelopes = events.map((e) => ({ eventId: randomUUID(), ...e, metadata: { actor: 'test' } }));
  await appendToStream(db, eventSchemas, streamId, envelopes as NewEvent<typeof eventSchemas>[], {
    expectedVersion: Number(version?.v ?? 0),
    projections,
  });
};

beforeAll(async () => {
  database = await createMigratedDatabase('penetapan_web');
  db = database.db;
  cycle = await seedPeriodicCycle(db, 'bungo');
  // The year's akhir predikat of PKM as seeded, checked against Istimewa (its capaian) over PKM alone.
  const rows = await db
    .selectFrom('appraisals')
    .select('predikat')
    .where('cycle_id', '=', cycle.cycleId)
    .where('unit_code', '=', 'PKM')
    .where('predikat', 'is not', null)
    .execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.predikat ?? ''] = (counts[r.predikat ?? ''] ?? 0) + 1;
  const group = { reason: 'alone' as const, unitCodes: ['PKM'] };
  const curve = checkCurve('PKM', 'istimewa', group, counts);
  const { unitCode: _, unitPredikat: __, ...recorded } = curve;
  const findings = [{ rule: 'istimewa.max70PercentSangatBaik', message: 'too many Sangat Baik' }];
  await append([
    {
      type: 'cycle.unitCalibrated',
      data: {
        unitCode: 'PKM',
        unitPredikat: 'istimewa',
        counts,
        ok: false,
        violations: [],
        curve: recorded,
        pack: 'asn-2023',
        at,
      },
    },
    {
      type: 'cycle.penetapanOpened',
      data: {
        unitCode: 'PKM',
        leaderNip: people.kapus.nip,
        superiorNip: people.head.nip,
        stage: 'leader',
        assigneeNip: people.kapus.nip,
        deadline,
        findings,
        pack: 'asn-2023',
        at,
      },
    },
  ]);
  served = await serveWithoutTemporal(db, 'web');
  const cookie = (nip: string, roles: Array<'hr' | 'employee'>) => sessionCookie(served, 'bungo', nip, roles);
  cookies.hr = await cookie(hrNip, ['hr', 'employee']);
  cookies.kapus = await cookie(people.kapus.nip, ['employee']);
  cookies.head = await cookie(people.head.nip, ['employee']);
  cookies.staff = await cookie(people.ahmad.nip, ['employee']);
}, 60_000);

afterAll(async () => {
  await served?.close();
  await database?.close();
});

const open = (path: string, as: keyof typeof cookies, lang: 'id' | 'en' = 'en') =>
  fetch(`${served.base}${path}`, { redirect: 'manual', headers: { cookie: `${cookies[as]}; lang=${lang}` } });
const casePath = () => `/app/penetapan?cycle=${cycle.cycleId}&unit=PKM`;

describe('the penetapan page', () => {
  it("shows the leader the penetapan they hold with its deadline in the organisation's zone, and its case", async () => {
    const list = await (await open('/app/penetapan', 'kapus')).text();
    expect(list).toContain('Open the penetapan of Puskesmas Muara Bungo (PKM)');
    expect(list).toMatch(/for the unit&#39;s leader · due 17 Jan 2026 07:00 WIB/);
    const page = await (await open(casePath(), 'kapus')).text();
    expect(page).toContain('At most 70% of employees are Sangat Baik.');
    expect(page).toContain('(too many Sangat Baik)');
    expect(page).toContain('Checked over Puskesmas Muara Bungo (pack asn-2023)');
    expect(page).toContain(people.ahmad.name);
    expect(page).toContain('Calibration assistant');
    expect(page).toContain('<textarea id="justification-0" name="justification" required');
    expect(page).toContain('Sign: not conforming, as justified');
  });

  it('shows it in Indonesian, one language on the page', async () => {
    const page = await (await open(casePath(), 'kapus', 'id')).text();
    expect(page).toContain('Asisten kalibrasi');
    expect(page).toContain('Tandatangani: tidak sesuai, dengan alasan');
    expect(page).not.toContain('Calibration assistant');
  });

  it('shows nothing to someone who holds no penetapan, and follows the penetapan when it passes on', async () => {
    const staff = await (await open(casePath(), 'staff')).text();
    expect(staff).toContain('No penetapan waits for your signature.');
    expect(staff).not.toContain('name="justification"');
    expect(await (await open('/app/penetapan', 'head')).text()).toContain('No penetapan waits');
    await append([
      {
        type: 'cycle.penetapanEscalated',
        data: {
          unitCode: 'PKM',
          from: 'leader',
          to: 'superior',
          assigneeNip: people.head.nip,
          deadline: '2026-01-24T00:00:00.000Z',
          at: deadline,
        },
      },
    ]);
    expect(await (await open('/app/penetapan', 'head')).text()).toContain(
      'passed to the leader&#39;s superior · due 24 Jan 2026 07:00 WIB',
    );
    expect(await (await open('/app/penetapan', 'kapus')).text()).toContain('No penetapan waits');
  });
});
