// The Format Penetapan of a period: its findings, the signed justification and who signed it (as what),
// or that it is not signed yet; the year's document stays as it was.
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../documents/model.ts';
import { type PenetapanInput, penetapanDocument } from '../../documents/penetapan.ts';

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
});
