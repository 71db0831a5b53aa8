// A measure's target per period, its achievement by the SKP's kuantitatif rule, and a bound realisation:
// pre-filled from the measure, an override recorded as one, and the caller's own `measure` never kept.
import { describe, expect, it } from 'vitest';
import type { RealisationMeasure } from '../../../domain/measures/binding.ts';
import {
  bindRealisation,
  isBelowTarget,
  measureAchievement,
  measureSchema,
  targetOf,
} from '../../../domain/measures/measure.ts';

const waiting = measureSchema.parse({
  code: 'waktu-tunggu',
  name: 'Rata-rata waktu tunggu',
  satuan: 'menit',
  lowerIsBetter: true,
  target: 30,
  targets: { TW4: 20 },
});
const skm = measureSchema.parse({ code: 'skm', name: 'Indeks kepuasan', satuan: 'indeks', target: 80 });
const reading = { code: 'waktu-tunggu', value: 36, source: 'simpus', recordedAt: '2027-04-05T01:00:00.000Z' };

describe('given a measure with a general target and one for TW4', () => {
  it('when a period is asked, then its own target wins over the general one', () => {
    expect(targetOf(waiting, 'TW1')).toBe(30);
    expect(targetOf(waiting, 'TW4')).toBe(20);
    expect(targetOf({ targets: {} }, 'TW1')).toBeUndefined();
  });

  it('when a value is compared, then the direction decides the achievement and whether it is below target', () => {
    expect(measureAchievement(waiting, 'TW1', 36)).toBe(80); // 2 - 36/30
    expect(isBelowTarget(waiting, 'TW1', 36)).toBe(true);
    expect(isBelowTarget(waiting, 'TW1', 25)).toBe(false);
    expect(measureAchievement(skm, 'TW1', 84)).toBe(105);
    expect(isBelowTarget(skm, 'TW1', 72)).toBe(true);
    expect(isBelowTarget({ targets: {}, lowerIsBetter: false }, 'TW1', 72)).toBeNull();
  });

  it('when a period is not a period, then the definition is refused', () => {
    const wrong = measureSchema.safeParse({ code: 'x', name: 'x', satuan: 'x', targets: { TW5: 1 } });
    expect(wrong.success).toBe(false);
    expect(measureSchema.safeParse({ code: 'a b', name: 'x', satuan: 'x' }).success).toBe(false);
  });
});

describe('given a bound indicator and the unit’s value for the period', () => {
  const base: {
    indicatorId: string;
    evidence: never[];
    value?: string;
    amount?: number;
    measure?: RealisationMeasure;
  } = { indicatorId: 'i1', evidence: [] };

  it('when the employee gives no number, then the realisation is the measure’s value, not overridden', () => {
    expect(bindRealisation(base, reading, true)).toEqual({
      ...base,
      amount: 36,
      measure: { ...reading, overridden: false },
    });
  });

  it('when the employee gives another number, then it is kept and recorded as an override', () => {
    expect(bindRealisation({ ...base, amount: 28 }, reading, true)).toEqual({
      ...base,
      amount: 28,
      measure: { ...reading, overridden: true },
    });
  });

  it('when the caller sends a measure of its own, then it is dropped for the record’s', () => {
    const forged = { ...base, amount: 28, measure: { ...reading, value: 28, overridden: false } };
    expect(bindRealisation(forged, reading, true).measure).toEqual({ ...reading, overridden: true });
    expect(bindRealisation(forged, undefined, true)).toEqual({ ...base, amount: 28 });
  });

  it('in words (kualitatif), then empty words become the value and satuan, and other words an override', () => {
    const withSatuan = { ...reading, satuan: 'menit' };
    expect(bindRealisation(base, withSatuan, false)).toEqual({
      ...base,
      value: '36 menit',
      measure: { ...reading, overridden: false },
    });
    // The same number written the Indonesian way, with a remark, is the measure's.
    const same = bindRealisation(
      { ...base, value: '36,0 menit; antrean daring berjalan' },
      withSatuan,
      false,
    );
    expect(same.measure?.overridden).toBe(false);
    for (const words of ['sekitar 30 menit', '31 menit', '360 menit'])
      expect(bindRealisation({ ...base, value: words }, withSatuan, false).measure?.overridden).toBe(true);
  });
});
