// Each employee's SKP setting as the launch reads it from the organisation (PostgreSQL): the JPT form for a
// JPT position and for whoever leads an independent unit (a Camat in a JA position), the JA/JF form
// otherwise, the cycle's approach, and the unit each head leads as units.head_nip (migration 0010) says.
// The lookups the workflow makes read the agreed RHK of a supervisor and a unit's capaian.
import { describe, expect, it } from 'vitest';
import { createSkpLookups } from '../../activities/skp-lookups.ts';
import { loadSkpSettings } from '../../activities/skp-settings.ts';
import { upsertUnits } from '../../organisation/units-and-positions.ts';
import { seedOrganisation } from '../../simulation/seed.ts';
import { appendAppraisalEvents, startAppraisal } from '../support/appraisal-events.ts';
import { useMigratedDatabase } from '../support/database.ts';

const nip = {
  camat: '197703032000031003',
  kasi: '198505052010011002',
  staff: '199001012015031001',
  sekda: '198012122005012006',
};

describe('the SKP setting of each employee, and the lookups of the SKP rules', () => {
  const live = useMigratedDatabase('skp_settings', async (db) => {
    await seedOrganisation(
      db,
      'asemrowo',
      ['KEC', 'PELAYANAN'],
      [
        { nip: nip.sekda, name: 'Sekretaris', unitCode: 'KEC', supervisorNip: null, positionCode: 'SEKDA' },
        { nip: nip.camat, name: 'Camat', unitCode: 'KEC', supervisorNip: nip.sekda, positionCode: 'CAMAT' },
        {
          nip: nip.kasi,
          name: 'Kasi',
          unitCode: 'PELAYANAN',
          supervisorNip: nip.camat,
          positionCode: 'KASI',
        },
        { nip: nip.staff, name: 'Staf', unitCode: 'PELAYANAN', supervisorNip: nip.kasi },
      ],
    );
    await db
      .insertInto('positions')
      .values(
        (
          [
            ['SEKDA', 'JPT'],
            ['CAMAT', 'JA'],
            ['KASI', 'JA'],
          ] as const
        ).map(([code, kind]) => ({
          org_id: 'asemrowo',
          code,
          name: code,
          kind,
          duties: JSON.stringify([]),
          default_indicators: JSON.stringify([]),
        })),
      )
      .execute();
    await upsertUnits(db, 'asemrowo', [
      { code: 'KEC', name: 'Pimpinan Kecamatan', parentCode: null, headNip: nip.camat, independent: true },
      { code: 'PELAYANAN', name: 'Seksi Pelayanan', parentCode: 'KEC', headNip: nip.kasi },
    ]);
  });

  it('given positions and unit heads, when a kuantitatif cycle launches, then each gets its form, the approach and the unit they lead', async () => {
    const settings = await loadSkpSettings(live.db, 'asemrowo', Object.values(nip), 'kuantitatif');
    expect(Object.fromEntries(settings)).toEqual({
      [nip.sekda]: { form: 'jpt', approach: 'kuantitatif', ledUnitCode: null },
      [nip.camat]: { form: 'jpt', approach: 'kuantitatif', ledUnitCode: 'KEC' },
      [nip.kasi]: { form: 'jaJf', approach: 'kuantitatif', ledUnitCode: 'PELAYANAN' },
      [nip.staff]: { form: 'jaJf', approach: 'kuantitatif', ledUnitCode: null },
    });
    // A re-post of the units replaces their head and independence, as it does their name.
    await upsertUnits(live.db, 'asemrowo', [{ code: 'KEC', name: 'Pimpinan Kecamatan', parentCode: null }]);
    const after = await loadSkpSettings(live.db, 'asemrowo', [nip.camat], 'kualitatif');
    expect(after.get(nip.camat)).toEqual({ form: 'jaJf', approach: 'kualitatif', ledUnitCode: null });
  });

  it('given a supervisor whose SKP is agreed and a unit with a capaian, when looked up, then the RHK ids and the capaian come back', async () => {
    const lookups = createSkpLookups({ db: live.db });
    const appraisalId = await startAppraisal(live.db, 'asemrowo', nip.kasi, nip.camat);
    const cycleId = 'asemrowo.2027';
    expect(await lookups.readAgreedRhk({ orgId: 'asemrowo', cycleId, nip: nip.kasi })).toEqual([]);
    const at = new Date().toISOString();
    const rhk = (id: string) => ({
      id,
      kind: 'utama',
      description: id,
      parentRhkId: null,
      indicators: [{ id: `${id}-i`, description: 'x', aspect: 'waktu', target: '1 hari' }],
    });
    await appendAppraisalEvents(live.db, appraisalId, 1, [
      { type: 'agreement.proposed', data: { version: 1, rhk: [rhk('a')], by: nip.camat, at } },
      { type: 'agreement.proposed', data: { version: 2, rhk: [rhk('b'), rhk('c')], by: nip.camat, at } },
      { type: 'agreement.agreed', data: { version: 2, at } },
    ]);
    expect(await lookups.readAgreedRhk({ orgId: 'asemrowo', cycleId, nip: nip.kasi })).toEqual(['b', 'c']);
    expect(await lookups.readUnitCapaian({ cycleId, unitCode: 'PELAYANAN' })).toBeNull();
    await live.db
      .insertInto('unit_period_predikat')
      .values({
        cycle_id: cycleId,
        unit_code: 'PELAYANAN',
        period: 'TW1',
        unit_predikat: 'kurang',
        set_by: nip.sekda,
        set_at: at,
      })
      .execute();
    expect(await lookups.readUnitCapaian({ cycleId, unitCode: 'PELAYANAN', period: 'TW1' })).toBe('kurang');
    expect(await lookups.readUnitCapaian({ cycleId, unitCode: 'PELAYANAN', period: 'TW2' })).toBeNull();
  });
});
