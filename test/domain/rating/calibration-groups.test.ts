// Which group a unit's curve is checked with: alone, with its parent when small, or a group HR named.
import { describe, expect, it } from 'vitest';
import {
  calibrationGroupOf,
  type GroupedUnit,
  groupCounts,
} from '../../../domain/rating/calibration-groups.ts';
import { asn2023 } from '../../../domain/regulation/pack.ts';

const size = asn2023.smallUnitSize;
const units = (rated: number): GroupedUnit[] => [
  { code: 'P', parentCode: null, rated: 20 },
  { code: 'A', parentCode: 'P', rated },
  { code: 'X', parentCode: 'GONE', rated: 1 },
];

describe('given the pack of 2023', () => {
  it('when read, then a small unit is one of fewer than 5 rated people', () => {
    expect(size).toBe(5);
  });
});

describe('given a unit with a parent', () => {
  it('when it has exactly the small-unit size of rated people, then it is checked alone', () => {
    expect(calibrationGroupOf('A', units(size), size)).toEqual({ reason: 'alone', unitCodes: ['A'] });
  });

  it('when it has one fewer, then it is checked together with its parent, itself first', () => {
    expect(calibrationGroupOf('A', units(size - 1), size)).toEqual({
      reason: 'withParent',
      unitCodes: ['A', 'P'],
    });
  });

  it('when nobody in it is rated yet, then it is small too', () => {
    expect(calibrationGroupOf('A', units(0), size).reason).toBe('withParent');
  });

  it('when its parent is not among the units, then it is checked alone', () => {
    expect(calibrationGroupOf('X', units(1), size)).toEqual({ reason: 'alone', unitCodes: ['X'] });
  });
});

describe('given a unit without a parent', () => {
  it('when it is small, then it is checked alone: there is nobody above to join', () => {
    expect(calibrationGroupOf('P', [{ code: 'P', parentCode: null, rated: 2 }], size).reason).toBe('alone');
  });
});

describe('given a group HR named', () => {
  const named = [{ name: 'Sekretariat', unitCodes: ['P', 'A'] }];
  it('when the unit is in it, then that group is checked, whatever the unit size', () => {
    expect(calibrationGroupOf('A', units(size + 10), size, named)).toEqual({
      reason: 'named',
      name: 'Sekretariat',
      unitCodes: ['A', 'P'],
    });
  });

  it("when the group's counts are summed, then each unit's counts add up", () => {
    const counts: Record<string, Record<string, number>> = { A: { baik: 2 }, P: { baik: 3, kurang: 1 } };
    const group = calibrationGroupOf('A', units(1), size, named);
    expect(groupCounts(group, (code) => counts[code] ?? {})).toEqual({ baik: 5, kurang: 1 });
  });
});
