// The objection window the workflows get is never 0 days: a calendar whose feedback step is shorter than
// half a day (a drill's, built by hand; buildCalendar refuses less than the 14 days of PP 30/2019) still
// leaves the employee the rest of a local day to object.
import { describe, expect, it } from 'vitest';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar } from '../../../domain/cycle/calendar.ts';

const built = buildCalendar(2027, '2027-01-01', {}, 'Asia/Jakarta');
const withFeedback = (hours: number) => {
  const steps = built.steps.map((s) => {
    if (s.step !== 'feedback') return s;
    return { ...s, deadline: new Date(Date.parse(s.start) + hours * 3_600_000).toISOString() };
  });
  return toAppraisalCalendar({ ...built, steps });
};

describe('the objection window', () => {
  it('is at least one day when the feedback step is shorter than twelve hours', () => {
    expect(withFeedback(6).objectionWindowDays).toBe(1);
    expect(withFeedback(1).objectionWindowDays).toBe(1);
  });

  it('is the feedback step in days otherwise', () => {
    expect(withFeedback(14 * 24).objectionWindowDays).toBe(14);
    expect(toAppraisalCalendar(built).objectionWindowDays).toBe(14);
  });
});
