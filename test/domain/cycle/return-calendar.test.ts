// Given/when/then for the calendar of a person who left and came back: their new appraisal's socialisation
// and SKP agreement begin at the return, with the cycle's lengths and in its zone, and only the evaluation
// windows that open once that SKP is due are theirs.
import { describe, expect, it } from 'vitest';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../../domain/cycle/calendar.ts';
import { calendarFromReturn } from '../../../domain/cycle/return-calendar.ts';

const quarterly = (zone = 'Asia/Jakarta') =>
  toAppraisalCalendar(buildCalendar(2027, '2027-01-01', { periods: 'quarterly' }, zone));

describe('given a quarterly cycle in WIB (socialisation P14D, agreement P30D)', () => {
  const cycle = quarterly();

  it('when someone comes back on 1 August, then their SKP is due 13 September and TW3 and TW4 are theirs', () => {
    const back = calendarFromReturn(cycle, '2027-08-01T03:00:00.000Z');
    expect(back.socialisation).toEqual({
      start: '2027-08-01T03:00:00.000Z',
      deadline: '2027-08-14T16:59:59.000Z',
    });
    expect(back.agreement).toEqual({
      start: '2027-08-14T17:00:00.000Z',
      deadline: '2027-09-13T16:59:59.000Z',
    });
    expect(back.periods?.windows.map((w) => w.id)).toEqual(['TW3', 'TW4']);
    // The year's review, rating and end stay the cycle's.
    expect([back.review, back.rating, back.cycleEnd, back.ratingEscalation]).toEqual([
      cycle.review,
      cycle.rating,
      cycle.cycleEnd,
      cycle.ratingEscalation,
    ]);
  });

  it('when someone comes back on 1 September, then TW3 opens before their SKP is due and is not theirs', () => {
    const back = calendarFromReturn(cycle, '2027-09-01T01:00:00.000Z');
    expect(back.agreement.deadline).toBe('2027-10-14T16:59:59.000Z');
    expect(back.periods?.windows.map((w) => w.id)).toEqual(['TW4']);
  });

  it('when someone comes back before the socialisation ends, then the calendar is the cycle’s', () => {
    expect(calendarFromReturn(cycle, '2027-01-10T01:00:00.000Z')).toBe(cycle);
  });

  it('counts the days of the cycle’s zone: in WIT the first day ends at 14:59:59 UTC', () => {
    const back = calendarFromReturn(quarterly('Asia/Jayapura'), '2027-08-01T03:00:00.000Z');
    expect(back.socialisation.deadline).toBe('2027-08-14T14:59:59.000Z');
  });
});
