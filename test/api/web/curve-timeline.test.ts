// The auditor's timeline says which group a unit's curve was checked over, under which pack, and what it
// found, in each language.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { cycleEventLine } from '../../../api/web/views/cycle-events.ts';

const curve = (findings: string[]) => ({
  unitCode: 'PKM',
  ok: true,
  violations: [],
  pack: 'asn-2023',
  curve: {
    group: { reason: 'withParent', unitCodes: ['PKM', 'DINKES'] },
    counts: { baik: 4 },
    rules: [],
    findings: findings.map((rule) => ({ rule })),
    conforms: findings.length === 0,
  },
});
const names = { people: new Map<string, string>(), units: new Map([['DINKES', 'Dinas Kesehatan']]) };

describe("given a unit's curve check in the cycle's log", () => {
  it('when it has findings, then the sentence names the group, the pack and each finding (id and en)', () => {
    const data = curve(['baik.atLeastOneButuhPerbaikanOrKurang', 'unit.sebagianBesar']);
    const say = (lang: 'id' | 'en') => {
      const t = translator(lang);
      const line = cycleEventLine(t, 'cycle.unitCalibrated', data, names);
      return t(line.key, line.vars);
    };
    expect(say('id')).toBe(
      'Kurva unit PKM diperiksa atas PKM + Dinas Kesehatan (paket asn-2023): temuan Paling sedikit satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct.; Sebagian besar pegawai berpredikat sesuai kategori capaian unit.',
    );
    expect(say('en')).toBe(
      "The curve of unit PKM was checked over PKM + Dinas Kesehatan (pack asn-2023): findings At least one employee is Butuh Perbaikan or Kurang/Misconduct.; Most employees are in the unit's own category.",
    );
  });

  it('when it conforms, then the sentence says so', () => {
    const t = translator('en');
    const line = cycleEventLine(t, 'cycle.unitCalibrated', curve([]), names);
    expect(t(line.key, line.vars)).toBe(
      'The curve of unit PKM was checked over PKM + Dinas Kesehatan (pack asn-2023): it follows the distribution pattern',
    );
  });
});

describe("given an objection's decision that changed a predikat, and the unit's curve checked again", () => {
  const recheck = (findings: string[] | null) => ({
    unitCode: 'PKM',
    appraisalId: 'bungo.2027.199001012015011001',
    nip: '199001012015011001',
    from: 'kurang',
    to: 'butuhPerbaikan',
    by: '197703032000031003',
    ...(findings ? { ...curve(findings), unitCode: 'PKM' } : {}),
  });
  const people = new Map([['199001012015011001', 'Siti']]);
  const say = (lang: 'id' | 'en', data: unknown) => {
    const t = translator(lang);
    const line = cycleEventLine(t, 'cycle.curveRechecked', data, { ...names, people });
    return t(line.key, line.vars);
  };

  it('when the curve has findings, then the sentence names the change, who decided, the group, the pack and each finding (id and en)', () => {
    const data = recheck(['unit.sebagianBesar']);
    expect(say('en', data)).toBe(
      "The objection of Siti (199001012015011001) was decided (Kurang/Misconduct → Butuh Perbaikan) by 197703032000031003; the curve of unit PKM was checked again over PKM + Dinas Kesehatan (pack asn-2023): findings Most employees are in the unit's own category.",
    );
    expect(say('id', data)).toBe(
      'Keberatan Siti (199001012015011001) diputus (Kurang/Misconduct → Butuh Perbaikan) oleh 197703032000031003; kurva unit PKM diperiksa ulang atas PKM + Dinas Kesehatan (paket asn-2023): temuan Sebagian besar pegawai berpredikat sesuai kategori capaian unit.',
    );
  });

  it('when it conforms, or the unit has no capaian to check against, then the sentence says so', () => {
    expect(say('en', recheck([]))).toMatch(
      /the curve of unit PKM was checked again over PKM \+ Dinas Kesehatan \(pack asn-2023\): it follows the distribution pattern$/,
    );
    expect(say('en', recheck(null))).toMatch(
      /the curve of unit PKM was not checked again: the unit has no capaian$/,
    );
  });
});

describe("given the holder's decision on the calibration assistant's proposal", () => {
  it('when applied or rejected, then the sentence names the decision, each change applied and the reason (id and en)', () => {
    const say = (lang: 'id' | 'en', data: unknown) => {
      const t = translator(lang);
      const line = cycleEventLine(t, 'cycle.calibrationDecided', data, names);
      return t(line.key, line.vars);
    };
    const applied = {
      unitCode: 'PKM',
      by: '198505052010011002',
      decision: 'adjusted',
      applied: [{ nip: '199001012015011001', from: 'sangatBaik', to: 'baik' }],
      reason: 'Bukti triwulan',
    };
    expect(say('en', applied)).toBe(
      '198505052010011002 decided on the calibration assistant’s proposal for unit PKM: applied with adjustments (199001012015011001: Sangat Baik → Baik); reason: Bukti triwulan',
    );
    expect(say('id', { ...applied, decision: 'rejected', applied: [] })).toBe(
      '198505052010011002 memutuskan usulan asisten kalibrasi unit PKM: ditolak (–); alasan: Bukti triwulan',
    );
  });

  it('when an appraisal refused a change after others were applied, then the sentence says which was not applied and why', () => {
    const t = translator('en');
    const data = {
      unitCode: 'PKM',
      by: '198505052010011002',
      decision: 'adjusted',
      applied: [{ nip: '199001012015011001', from: 'sangatBaik', to: 'baik' }],
      failed: [{ nip: '199101012016011002', from: 'sangatBaik', to: 'baik', code: 'wrong_step' }],
      reason: 'Bukti triwulan',
    };
    const line = cycleEventLine(t, 'cycle.calibrationDecided', data, names);
    expect(t(line.key, line.vars)).toBe(
      '198505052010011002 decided on the calibration assistant’s proposal for unit PKM: applied with adjustments (199001012015011001: Sangat Baik → Baik); reason: Bukti triwulan. Not applied: 199101012016011002 → Baik (wrong_step)',
    );
  });
});
