// The calendar of a person who left and came back during the year: their new appraisal starts when they
// return. The socialisation and the SKP agreement, if their days have passed, begin anew at the return with
// the cycle's own lengths (in the cycle's zone), and only the evaluation windows that open once that SKP is
// due are theirs: the periods before were the earlier appraisal's, or the person was away. The review, the
// rating and what follows stay the cycle's. Pure arithmetic on the zone's fixed offset (fixed-offsets.ts).
import { endOfLocalDayAfter } from '../time/fixed-offsets.ts';
import type { AppraisalCalendar } from './appraisal-calendar.ts';

const dayMs = 86_400_000;
/** Whole local days a window spans (it ends at 23:59:59 on its last day); one at least (PT1H in drills). */
const daysOf = (w: { start: string; deadline: string }) =>
  Math.max(1, Math.round((Date.parse(w.deadline) - Date.parse(w.start)) / dayMs));

/** The calendar of an appraisal that starts at `at` (the return), from the cycle's. */
export function calendarFromReturn(calendar: AppraisalCalendar, at: string): AppraisalCalendar {
  const zone = calendar.timeZone;
  if (!zone || calendar.socialisation.deadline > at) return calendar;
  const socialisationDays = daysOf(calendar.socialisation);
  const agreementDays = daysOf(calendar.agreement);
  const socialisationEnd = endOfLocalDayAfter(at, socialisationDays - 1, zone);
  const agreementEnd = endOfLocalDayAfter(at, socialisationDays + agreementDays - 1, zone);
  // Not one of the zones of fixed offset: the cycle's calendar as it is.
  if (!socialisationEnd || !agreementEnd) return calendar;
  const socialisation = { start: at, deadline: socialisationEnd };
  const agreement = {
    start: new Date(Date.parse(socialisationEnd) + 1_000).toISOString(),
    deadline: agreementEnd,
  };
  const periods = calendar.periods && {
    ...calendar.periods,
    windows: calendar.periods.windows.filter((w) => w.opens >= agreementEnd),
  };
  return { ...calendar, socialisation, agreement, ...(periods ? { periods } : {}) };
}
