import { describe, expect, it } from 'vitest';
import { allPeriodIds, evaluationPeriods, periodIds, periodKindOf } from '../../../domain/cycle/periods.ts';

describe('evaluation periods', () => {
  it('are TW1-TW4 by default, M01-M12 monthly and S1-S2 by semester', () => {
    expect(periodIds('quarterly')).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    expect(periodIds('monthly')).toHaveLength(12);
    expect(periodIds('monthly')[11]).toBe('M12');
    expect(periodIds('semester')).toEqual(['S1', 'S2']);
    expect(allPeriodIds).toHaveLength(18);
    expect(periodKindOf('M07')).toBe('monthly');
    expect(periodKindOf('TW5')).toBeNull();
  });

  it('cover the calendar months and open at 00:00 local on their last day', () => {
    const [tw1, tw2] = evaluationPeriods('quarterly', 2026, 'Asia/Jakarta');
    expect(tw1).toMatchObject({ id: 'TW1', firstDay: '2026-01-01', lastDay: '2026-03-31' });
    // 00:00 WIB on 31 March is 17:00 UTC on 30 March: the UTC date is a day earlier.
    expect(tw1?.opens).toBe('2026-03-30T17:00:00.000Z');
    expect(tw2).toMatchObject({ firstDay: '2026-04-01', lastDay: '2026-06-30' });
    const feb = evaluationPeriods('monthly', 2028, 'Asia/Jakarta')[1];
    expect(feb?.lastDay).toBe('2028-02-29');
  });

  it('end at 23:59:59 local on the window’s last day, in WIB, WITA and WIT, never at a UTC midnight', () => {
    // TW1's window: 31 March plus 13 days, so 13 April 23:59:59 local.
    expect(evaluationPeriods('quarterly', 2026, 'Asia/Jakarta')[0]?.deadline).toBe(
      '2026-04-13T16:59:59.000Z',
    );
    expect(evaluationPeriods('quarterly', 2026, 'Asia/Makassar')[0]?.deadline).toBe(
      '2026-04-13T15:59:59.000Z',
    );
    expect(evaluationPeriods('quarterly', 2026, 'Asia/Jayapura')[0]?.deadline).toBe(
      '2026-04-13T14:59:59.000Z',
    );
    // A monthly window is a week: January's is 31 January to 6 February.
    expect(evaluationPeriods('monthly', 2026, 'Asia/Jakarta')[0]?.deadline).toBe('2026-02-06T16:59:59.000Z');
  });

  it('escalate to the superior, then HR, a week apart each', () => {
    const s2 = evaluationPeriods('semester', 2026, 'Asia/Jakarta')[1];
    // S2 ends 31 December; its window runs to 13 January of the next year.
    expect(s2).toMatchObject({
      deadline: '2027-01-13T16:59:59.000Z',
      superiorDeadline: '2027-01-20T16:59:59.000Z',
      hrDeadline: '2027-01-27T16:59:59.000Z',
    });
  });
});
