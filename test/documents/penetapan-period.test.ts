// The Format Penetapan of a period: its findings, the signed justification and who signed it (as what),
// or that it is not signed yet; the year's document stays as it was.
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../documents/model.ts';
import { type PenetapanInput, penetapanDocument } from '../../documents/penetapan.ts';
import { checkCurve, curveFacts } from '../../domain/rating/curve-check.ts';
import { checkDistribution } from '../../domain/rating/distribution.ts';

const base: PenetapanInput = {
  cycleId: 'bungo.2027',
  year: 2027,
  organisation: { name: 'Kabupaten Bungo', timeZone: 'Asia/Jakarta' },
  unit: { code: 'PKM', name: 'Puskesmas' },
  period: 'TW2',
  capaian: { predikat: 'baik', at: '2027-06-01T02:00:00.000Z' },
  calibration: null,
  people: [{ nip: '199001012015031001', name: 'Siti Aminah', position: null, predikat: 'baik' }],
  lang: 'en',
};
const finding = { rule: 'baik.max70PercentBaik', message: '1 of 1 are Baik (at most 70%)' };
const value = (input: PenetapanInput, key: string, layout?: number) =>
  factsOf(penetapanDocument(input, layout)).find((f) => f.key === key)?.value;

describe("a period's Format Penetapan", () => {
  it('names the signer, as what, and the justification per finding once signed', () => {
    const signed: PenetapanInput = {
      ...base,
      holding: {
        findings: [finding],
        signed: {
          by: '197703032000031003',
          name: 'Kepala Dinas',
          as: 'superior',
          at: '2027-08-01T03:00:00.000Z',
          conforming: false,
          justifications: [{ rule: finding.rule, text: 'Unit satu orang' }],
        },
      },
    };
    expect(value(signed, 'signed')).toBe("Kepala Dinas (NIP 197703032000031003), The leader's superior");
    expect(value(signed, 'findings')).toBe(finding.message);
    expect(value(signed, 'justification')).toBe(`${finding.message}: Unit satu orang`);
    expect(value(signed, 'sign.date')).toContain('2027');
  });

  it('says it is not signed yet while its holder has not signed', () => {
    const open = { ...base, lang: 'id' as const, holding: { findings: [finding], signed: null } };
    expect(value(open, 'signed')).toBe('Belum ditandatangani');
    expect(value(open, 'justification')).toBe('-');
  });

  it('has no signature line without a period penetapan (the year, or before the periods were signed)', () => {
    expect(value(base, 'signed')).toBeUndefined();
    expect(value({ ...base, period: 'akhir' }, 'signed')).toBeUndefined();
  });

  it("prints the layouts issued before: 1 without any signature, 2 with a period's only", () => {
    const holding = {
      findings: [finding],
      signed: {
        by: '197703032000031003',
        name: 'Kepala Dinas',
        as: 'leader' as const,
        at: '2027-08-01T03:00:00.000Z',
        conforming: false,
        justifications: [{ rule: finding.rule, text: 'Unit satu orang' }],
      },
    };
    const period = { ...base, holding };
    const year = { ...base, period: 'akhir', holding };
    expect(value(period, 'signed', 1)).toBeUndefined();
    expect(value(period, 'findings', 1)).toBe('-');
    expect(value(period, 'justification', 2)).toBe(`${finding.message}: Unit satu orang`);
    expect(value(year, 'signed', 2)).toBeUndefined();
    expect(value(year, 'justification', 2)).toBe('-');
    expect(value(year, 'justification', 3)).toBe(`${finding.message}: Unit satu orang`);
    expect(value(year, 'sign.date', 2)).not.toBe(value(year, 'sign.date', 3));
  });

  it("words the findings in the document's language from their facts since layout 4; layout 3 printed them as stored", () => {
    // The findings as the curve check made them: one Butuh Perbaikan under capaian Kurang.
    const counts = { butuhPerbaikan: 1 };
    const findings = checkCurve(
      'PKM',
      'kurang',
      { reason: 'alone', unitCodes: ['PKM'] },
      counts,
    ).findings.map((f) => ({ rule: f.rule, message: f.message }));
    const rule = 'kurang.min60PercentKurang';
    const signed = {
      by: '197703032000031003',
      name: 'Kepala Dinas',
      as: 'leader' as const,
      at: '2027-08-01T03:00:00.000Z',
      conforming: false,
      justifications: [{ rule, text: 'Unit satu orang' }],
    };
    const input: PenetapanInput = {
      ...base,
      capaian: { predikat: 'kurang', at: base.capaian?.at ?? '' },
      lang: 'id',
      facts: curveFacts('kurang', counts).map((f) => f.finding),
      holding: { findings, signed },
    };
    const english = '0 of 1 (0%) are Kurang/Misconduct; at least 60% (1) required';
    const indonesian =
      '0 dari 1 pegawai (0%) berpredikat Kurang/Misconduct; yang dipersyaratkan paling sedikit 60% (1 pegawai)';
    expect(value(input, 'findings')).toBe(
      `${indonesian} / 1 dari 1 pegawai berpredikat Butuh Perbaikan, lebih banyak daripada 0 pegawai berpredikat Kurang/Misconduct; sebagian besar seharusnya berpredikat Kurang/Misconduct`,
    );
    expect(value(input, 'justification')).toBe(`${indonesian}: Unit satu orang`);
    expect(value(input, 'findings')).not.toMatch(/ of 1 |required|more than|should be/);
    // In English, the sentences stored; and layout 3 (already sealed) prints them as stored in any language.
    expect(value({ ...input, lang: 'en' }, 'justification')).toBe(`${english}: Unit satu orang`);
    expect(value(input, 'justification', 3)).toBe(`${english}: Unit satu orang`);
    // Without the facts (a finding its counts do not give), the stored sentence.
    const { facts: _, ...unknown } = input;
    expect(value(unknown, 'justification')).toBe(`${english}: Unit satu orang`);
  });

  it("words the year's calibration findings in the document's language too since layout 4", () => {
    const counts = { baik: 8, butuhPerbaikan: 2 };
    const check = checkDistribution('baik', counts);
    const violations = check.ok ? [] : check.violations.map(({ rule, message }) => ({ rule, message }));
    const year: PenetapanInput = {
      ...base,
      period: 'akhir',
      lang: 'id',
      calibration: { ok: false, violations, at: '2028-02-01T03:00:00.000Z' },
      facts: curveFacts('baik', counts).map((f) => f.finding),
    };
    const english = '8 of 10 (80%) are Baik; at most 70% (7) allowed';
    expect(violations.map((v) => v.message)).toEqual([english]);
    expect(value(year, 'findings')).toBe(
      '8 dari 10 pegawai (80%) berpredikat Baik; yang diperbolehkan paling banyak 70% (7 pegawai)',
    );
    expect(value(year, 'findings', 3)).toBe(english);
  });
});
