// The curve check gives findings with counts: every rule of the unit's capaian, met or not, and the
// "sebagian besar" rule; the group checked is named in the outcome.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.ts';
import type { CalibrationGroup } from '../../../domain/rating/calibration-groups.ts';
import { checkCurve, sebagianBesarRule } from '../../../domain/rating/curve-check.ts';

const alone: CalibrationGroup = { reason: 'alone', unitCodes: ['A'] };
const failed = (check: ReturnType<typeof checkCurve>) => check.findings.map((f) => f.rule);

describe('given a unit rated Istimewa', () => {
  it('when exactly 70% are Sangat Baik, then it conforms and both rules are reported as met with counts', () => {
    const check = checkCurve('A', 'istimewa', alone, { sangatBaik: 7, baik: 3 });
    expect(check.conforms).toBe(true);
    expect(check.findings).toEqual([]);
    expect(check.rules).toEqual([
      {
        rule: 'istimewa.max70PercentSangatBaik',
        met: true,
        message: '7 of 10 (70%) are Sangat Baik; at most 70% (7) allowed',
        actual: 7,
        limit: 7,
        total: 10,
      },
      {
        rule: sebagianBesarRule,
        met: true,
        message: '7 of 10 are Sangat Baik: the largest group',
        actual: 7,
        limit: 7,
        total: 10,
      },
    ]);
  });

  it("when one more is Sangat Baik, then today's 70% limit is a finding with its counts", () => {
    const check = checkCurve('A', 'istimewa', alone, { sangatBaik: 8, baik: 2 });
    expect(check.conforms).toBe(false);
    expect(check.findings).toEqual([
      {
        rule: 'istimewa.max70PercentSangatBaik',
        met: false,
        message: '8 of 10 (80%) are Sangat Baik; at most 70% (7) allowed',
        actual: 8,
        limit: 7,
        total: 10,
      },
    ]);
  });
});

describe('given a unit rated Baik', () => {
  it('when more people are Sangat Baik than Baik, then "sebagian besar" is a finding though the limits are met', () => {
    const check = checkCurve('A', 'baik', alone, { sangatBaik: 6, baik: 3, butuhPerbaikan: 1 });
    expect(failed(check)).toEqual([sebagianBesarRule]);
    expect(check.findings[0]).toEqual({
      rule: sebagianBesarRule,
      met: false,
      message: '6 of 10 are Sangat Baik, more than the 3 Baik; most should be Baik',
      actual: 3,
      limit: 6,
      total: 10,
    });
  });

  it('when Baik ties with Sangat Baik as the largest group, then "sebagian besar" is met', () => {
    const check = checkCurve('A', 'baik', alone, { sangatBaik: 4, baik: 4, butuhPerbaikan: 1 });
    expect(check.conforms).toBe(true);
  });

  it('when nobody is Butuh Perbaikan or Kurang, then the "at least one" rule is a finding: 0 of 1 required', () => {
    const check = checkCurve('A', 'baik', alone, { baik: 7, sangatBaik: 3 });
    expect(failed(check)).toEqual(['baik.atLeastOneButuhPerbaikanOrKurang']);
    expect(check.findings[0]).toMatchObject({ actual: 0, limit: 1, total: 10 });
  });

  it('when several rules break, then each is a finding, in rule order', () => {
    const check = checkCurve('A', 'baik', alone, { sangatBaik: 1, baik: 0, kurang: 0, sangatKurang: 2 });
    expect(failed(check)).toEqual(['baik.atLeastOneButuhPerbaikanOrKurang', sebagianBesarRule]);
    const all = checkCurve('A', 'baik', alone, { baik: 8, sangatBaik: 0 });
    expect(failed(all)).toEqual(['baik.max70PercentBaik', 'baik.atLeastOneButuhPerbaikanOrKurang']);
  });
});

describe('given a unit rated Sangat Kurang', () => {
  it('when one person is Sangat Baik, then "none allowed" is a finding', () => {
    const check = checkCurve('A', 'sangatKurang', alone, { sangatKurang: 8, kurang: 1, sangatBaik: 1 });
    expect(failed(check)).toEqual(['sangatKurang.noSangatBaik']);
    expect(check.findings[0]?.message).toBe('1 of 10 (10%) is Sangat Baik; none allowed');
  });
});

describe('given an empty group', () => {
  it('when nobody is rated, then every rule is met: nothing to calibrate', () => {
    const check = checkCurve('A', 'kurang', alone, {});
    expect(check.conforms).toBe(true);
    expect(check.rules.map((r) => [r.met, r.message]).slice(0, 1)).toEqual([[true, 'no rated employees']]);
  });
});

describe('given a checked group', () => {
  it('when a small unit is checked with its parent, then the check names the group and its summed counts', () => {
    const group: CalibrationGroup = { reason: 'withParent', unitCodes: ['A', 'P'] };
    const check = checkCurve('A', 'baik', group, { baik: 5, sangatBaik: 3, butuhPerbaikan: 2 });
    expect(check.group).toEqual(group);
    expect(check.counts).toEqual({ sangatBaik: 3, baik: 5, butuhPerbaikan: 2, kurang: 0, sangatKurang: 0 });
  });

  it('when a count is negative, then it is refused as a domain error', () => {
    expect(() => checkCurve('A', 'baik', alone, { baik: -1 })).toThrow(DomainError);
  });
});
