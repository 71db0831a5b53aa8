// The calendar of a cycle with evaluation periods (quarterly, monthly, semester) in the organisation's
// zone, and what the workflows get of it (toAppraisalCalendar): the windows, the akhir rating's escalation.
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, type CalendarOverrides } from '../../../domain/cycle/calendar.ts';
import { indonesianTimeZones } from '../../../domain/time/zones.ts';
import { domainFailure as failure } from '../../support/domain-error.ts';

const { WIB, WITA, WIT } = indonesianTimeZones;

const local = (iso: string, zone: string) =>
  Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString().replace('T', ' ');

const build = (overrides: CalendarOverrides, zone: string = WIB, start = '2026-01-01') =>
  buildCalendar(2026, start, overrides, zone);

describe('given a quarterly cycle in WIB', () => {
  const calendar = build({ periods: 'quarterly' });

  it('when built, then it has the windows TW1-TW4 and no check-in steps', () => {
    expect(calendar.periods?.kind).toBe('quarterly');
    expect(calendar.periods?.windows.map((w) => w.id)).toEqual(['TW1', 'TW2', 'TW3', 'TW4']);
    expect(calendar.steps.map((s) => s.step)).toEqual([
      'socialisation',
      'agreement',
      'review',
      'calibration',
      'feedback',
    ]);
  });

  it('when TW1 opens on 31 March at 00:00 WIB, then its UTC date is 30 March, and it closes 13 April 23:59:59 WIB', () => {
    const tw1 = calendar.periods!.windows[0]!;
    expect(tw1.opens).toBe('2026-03-30T17:00:00.000Z');
    expect(local(tw1.opens, WIB)).toBe('2026-03-31 00:00:00');
    expect(tw1.deadline).toBe('2026-04-13T16:59:59.000Z');
    expect(local(tw1.deadline, WIB)).toBe('2026-04-13 23:59:59');
  });

  it("when the review's turn comes, then it opens at 00:00 WIB after TW4's window closes", () => {
    const review = calendar.steps.find((s) => s.step === 'review')!;
    expect(local(calendar.periods!.windows[3]!.deadline, WIB)).toBe('2027-01-13 23:59:59');
    expect(local(review.start, WIB)).toBe('2027-01-14 00:00:00');
  });
});

describe('given a monthly cycle', () => {
  it('when built with the defaults from 1 January, then it has 12 windows of a week and the SKP is agreed within January', () => {
    const calendar = build({ periods: 'monthly' });
    const windows = calendar.periods!.windows;
    expect(windows).toHaveLength(12);
    expect(windows.map((w) => w.id)).toEqual(expect.arrayContaining(['M01', 'M02', 'M12']));
    expect(local(windows[0]!.opens, WIB)).toBe('2026-01-31 00:00:00');
    expect(local(windows[0]!.deadline, WIB)).toBe('2026-02-06 23:59:59');
    expect(local(windows[1]!.opens, WIB)).toBe('2026-02-28 00:00:00');
    const [socialisation, agreement, review] = calendar.steps;
    expect(local(socialisation!.deadline, WIB)).toBe('2026-01-07 23:59:59');
    expect(local(agreement!.deadline, WIB)).toBe('2026-01-28 23:59:59');
    // M12's window runs 31 December to 6 January; the review opens the day after.
    expect(local(review!.start, WIB)).toBe('2027-01-07 00:00:00');
  });

  it('when the agreement would still be open when M01 opens, then calendar.outOfOrder names agreement', () => {
    const error = failure(() => build({ periods: 'monthly', agreement: 'P30D' }));
    expect(error).toMatchObject({ code: 'calendar.outOfOrder', field: 'agreement' });
    expect(error.message).toContain('after M01 opens at 2026-01-30T17:00:00.000Z');
  });

  it('when a window is longer than the shortest month, then the windows overlap and checkInWindow is named', () => {
    expect(failure(() => build({ periods: 'monthly', checkInWindow: 'P29D' }))).toMatchObject({
      code: 'calendar.outOfOrder',
      field: 'checkInWindow',
    });
    expect(build({ periods: 'monthly', checkInWindow: 'P2W' }).periods?.windowDays).toBe(14);
  });
});

describe('given a semester cycle', () => {
  it('when built, then it has S1 and S2, each evaluated for 14 days from the half-year’s last day', () => {
    const windows = build({ periods: 'semester' }).periods!.windows;
    expect(windows.map((w) => [w.id, local(w.opens, WIB), local(w.deadline, WIB)])).toEqual([
      ['S1', '2026-06-30 00:00:00', '2026-07-13 23:59:59'],
      ['S2', '2026-12-31 00:00:00', '2027-01-13 23:59:59'],
    ]);
  });
});

describe('given an organisation in WITA or WIT', () => {
  it('when a quarterly cycle is built in WITA, then every deadline is 23:59:59 WITA (15:59:59 UTC)', () => {
    const calendar = build({ periods: 'quarterly' }, WITA);
    expect(calendar.timeZone).toBe(WITA);
    expect(calendar.periods!.windows[0]!.deadline).toBe('2026-04-13T15:59:59.000Z');
    for (const step of calendar.steps) expect(local(step.deadline, WITA).slice(11)).toBe('23:59:59');
    expect(calendar.steps[0]!.start).toBe('2025-12-31T16:00:00.000Z');
  });

  it('when a quarterly cycle is built in WIT, then every deadline is 23:59:59 WIT (14:59:59 UTC)', () => {
    const calendar = build({ periods: 'quarterly' }, WIT);
    expect(calendar.periods!.windows[0]!.deadline).toBe('2026-04-13T14:59:59.000Z');
    expect(calendar.steps.map((s) => s.deadline.slice(11))).toEqual(Array(5).fill('14:59:59.000Z'));
  });
});

describe('given period options that do not fit', () => {
  it.each([
    [{ periods: 'weekly' }, 'calendar.invalidOverrides', 'periods'],
    [{ periods: 'monthly', checkInOpens: { I: '2026-03-01' } }, 'calendar.invalidOverrides', 'checkInOpens'],
    [{ periods: 'quarterly', checkInWindow: 'P1M' }, 'calendar.invalidDuration', 'checkInWindow'],
    [{ periods: 'quarterly', checkInWindow: 'PT12H' }, 'calendar.invalidDuration', 'checkInWindow'],
    [{ periods: 'semester', reviewStart: '2027-01-13' }, 'calendar.outOfOrder', 'reviewStart'],
  ])('when the options are %o, then %s names %s', (overrides, code, field) => {
    expect(failure(() => build(overrides as CalendarOverrides))).toMatchObject({ code, field });
  });
});

describe('given the calendar handed to the workflows', () => {
  it('when the cycle has periods, then it carries them with the zone, and the akhir rating escalates a week and two weeks later', () => {
    const calendar = toAppraisalCalendar(build({ periods: 'monthly' }, WITA));
    expect(calendar.periods?.kind).toBe('monthly');
    expect(calendar.periods?.timeZone).toBe(WITA);
    expect(calendar.periods?.windows).toHaveLength(12);
    expect(calendar.timeZone).toBe(WITA);
    // The akhir rating is due when calibration closes: 3 February 2027 (review 7-27 January, then a week).
    expect(local(calendar.rating.deadline, WITA)).toBe('2027-02-03 23:59:59');
    expect(calendar.ratingEscalation).toEqual({
      superiorDeadline: '2027-02-10T15:59:59.000Z',
      hrDeadline: '2027-02-17T15:59:59.000Z',
    });
    expect(local(calendar.cycleEnd, WITA)).toBe('2027-12-31 23:59:59');
    expect(calendar.objectionWindowDays).toBe(14);
  });

  it('when the cycle has periods, then its check-ins (read only without periods) are the quarter-end windows', () => {
    const calendar = toAppraisalCalendar(build({ periods: 'quarterly' }));
    const tw = calendar.periods!.windows;
    expect(calendar.checkIns.I).toEqual({ start: tw[0]!.opens, deadline: tw[0]!.deadline });
    expect(calendar.checkIns.IV).toEqual({ start: tw[3]!.opens, deadline: tw[3]!.deadline });
  });

  it('when the cycle has no periods, then it runs the check-ins and has neither periods nor an escalation', () => {
    const calendar = toAppraisalCalendar(build({}));
    expect(calendar.periods).toBeUndefined();
    expect(calendar.ratingEscalation).toBeUndefined();
    expect(local(calendar.checkIns.I.deadline, WIB)).toBe('2026-04-13 23:59:59');
    expect(local(calendar.cycleEnd, WIB)).toBe('2027-12-31 23:59:59');
  });
});
