import { describe, expect, it } from 'vitest';
import { currentYearPlan, pastYearPlan } from '../../simulation/past-year-plan.ts';

describe('the demo past year', () => {
  it('is last year once its follow-up ended (30 June), the launch the December before, in local time', () => {
    expect(pastYearPlan(new Date('2026-11-27T10:00:00Z'), 'Asia/Jakarta')).toEqual({
      year: 2025,
      serverStart: '2024-12-02T01:00:00.000Z',
      cycleEnd: '2026-06-30T16:59:59.000Z',
    });
  });

  it('is the year before last while last year is still being rated and objected to', () => {
    expect(pastYearPlan(new Date('2026-03-01T00:00:00Z'), 'Asia/Jakarta').year).toBe(2024);
    // 30 June 23:59:59 WIT has passed in Jayapura at 15:00 UTC that day, not yet in Jakarta.
    expect(pastYearPlan(new Date('2026-06-30T16:00:00Z'), 'Asia/Jayapura').year).toBe(2025);
    expect(pastYearPlan(new Date('2026-06-30T16:00:00Z'), 'Asia/Jakarta').year).toBe(2024);
  });
});

describe('the demo year in progress', () => {
  it('is next year in its SKP planning season (from November), started 13 days ago at local midnight', () => {
    expect(currentYearPlan(new Date('2026-11-27T10:00:00Z'), 'Asia/Jakarta')).toEqual({
      year: 2027,
      start: '2026-11-13T17:00:00.000Z',
    });
    // 27 November 02:00 WIT is still 26 November in Jakarta.
    expect(currentYearPlan(new Date('2026-11-26T17:00:00Z'), 'Asia/Jayapura').start).toBe(
      '2026-11-13T15:00:00.000Z',
    );
  });

  it('is this year before November', () => {
    expect(currentYearPlan(new Date('2026-10-31T10:00:00Z'), 'Asia/Jakarta').year).toBe(2026);
  });
});
