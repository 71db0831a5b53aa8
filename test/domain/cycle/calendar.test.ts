import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  type CalendarOverrides,
  calendarByStep,
  nextCycleStart,
  objectionDeadline,
  reminderAt,
} from '../../../domain/cycle/calendar.ts';
import { indonesianTimeZones } from '../../../domain/time/zones.ts';
import { domainFailure as failure } from '../../support/domain-error.ts';

const { WIB, WITA, WIT } = indonesianTimeZones;

/** An instant as the wall clock of `zone` shows it: `YYYY-MM-DD HH:mm:ss`. */
const local = (iso: string, zone: string = WIB) =>
  Temporal.Instant.from(iso).toZonedDateTimeISO(zone).toPlainDateTime().toString().replace('T', ' ');

/** Each step's local start day and local deadline (the day and time), in WIB unless another zone. */
const table = (overrides?: CalendarOverrides, zone: string = WIB) =>
  buildCalendar(2025, '2025-01-02', overrides, zone).steps.map((s) => [
    s.step,
    local(s.start, zone).slice(0, 10),
    local(s.deadline, zone),
  ]);

describe('given the 2025 cycle starting on 2 January with the defaults (no periods, WIB)', () => {
  it('when built, then every step ends at 23:59:59 WIB on its last day and the next opens the day after', () => {
    expect(table()).toEqual([
      ['socialisation', '2025-01-02', '2025-01-15 23:59:59'],
      ['agreement', '2025-01-16', '2025-02-14 23:59:59'],
      ['checkInI', '2025-03-31', '2025-04-13 23:59:59'],
      ['checkInII', '2025-06-30', '2025-07-13 23:59:59'],
      ['checkInIII', '2025-09-30', '2025-10-13 23:59:59'],
      ['checkInIV', '2025-12-31', '2026-01-13 23:59:59'],
      ['review', '2026-01-14', '2026-02-03 23:59:59'],
      ['calibration', '2026-02-04', '2026-02-10 23:59:59'],
      ['feedback', '2026-02-11', '2026-02-24 23:59:59'],
    ]);
  });

  it('when built, then the times are UTC ISO timestamps of local midnights and 23:59:59, in order', () => {
    const { year, timeZone, steps } = buildCalendar(2025, '2025-01-02');
    expect(year).toBe(2025);
    expect(timeZone).toBe(WIB);
    // 00:00 WIB on 2 January is 17:00 UTC on 1 January; 23:59:59 WIB is 16:59:59 UTC.
    expect(steps[0]).toEqual({
      step: 'socialisation',
      start: '2025-01-01T17:00:00.000Z',
      deadline: '2025-01-15T16:59:59.000Z',
    });
    for (const [i, step] of steps.entries()) {
      expect(step.start < step.deadline).toBe(true);
      if (i > 0) expect(step.start > steps[i - 1]!.deadline).toBe(true);
    }
  });

  it('when keyed by step, then each step maps to its start and deadline', () => {
    const byStep = calendarByStep(buildCalendar(2025, '2025-01-02'));
    expect(byStep.review).toEqual({
      start: '2026-01-13T17:00:00.000Z',
      deadline: '2026-02-03T16:59:59.000Z',
    });
    expect(Object.keys(byStep)).toHaveLength(9);
  });
});

describe('given a step of P14D from 1 January 00:00 local', () => {
  it('when built, then it ends on 14 January at 23:59:59 local and the next step opens at 00:00 on the 15th', () => {
    const [socialisation, agreement] = buildCalendar(2026, '2026-01-01').steps;
    expect(local(socialisation!.deadline)).toBe('2026-01-14 23:59:59');
    expect(local(agreement!.start)).toBe('2026-01-15 00:00:00');
    // Never a UTC midnight: the deadline is 16:59:59 UTC.
    expect(socialisation!.deadline).toBe('2026-01-14T16:59:59.000Z');
  });

  it('when the start is late on a UTC day that is already the next day in WIB, then days are counted from the WIB day', () => {
    // 18:00 UTC on 31 December 2025 is 01:00 WIB on 1 January 2026: the same 14 local days, from 1 January.
    const [wib] = buildCalendar(2026, '2025-12-31T18:00:00Z').steps;
    expect(local(wib!.start)).toBe('2026-01-01 01:00:00');
    expect(wib!.deadline).toBe('2026-01-14T16:59:59.000Z');
    // Counted in UTC days instead, the same instant is still 31 December and the step ends a day earlier.
    const [utc] = buildCalendar(2026, '2025-12-31T18:00:00Z', {}, 'UTC').steps;
    expect(utc!.deadline).toBe('2026-01-13T23:59:59.000Z');
  });

  it('when a length has a time of day (a drill), then that step ends exactly after it and the next opens at once', () => {
    const [socialisation, agreement] = buildCalendar(2026, '2026-01-01T09:00:00+07:00', {
      socialisation: 'PT150S',
    }).steps;
    expect(socialisation!.deadline).toBe('2026-01-01T02:02:30.000Z');
    expect(agreement!.start).toBe(socialisation!.deadline);
    // The agreement's P30D then counts local days from 1 January, the opening day included.
    expect(local(agreement!.deadline)).toBe('2026-01-30 23:59:59');
  });
});

describe('given overrides for a cycle', () => {
  it('when durations, check-in dates and the review start are overridden, then they are used', () => {
    expect(
      table({
        socialisation: 'P1W',
        agreement: 'P1M',
        checkInWindow: 'P10D',
        checkInOpens: { IV: '2025-12-15' },
        reviewStart: '2026-01-05T01:00:00+07:00',
        review: 'P3W',
        calibration: 'P10D',
        feedback: 'P21D',
      }),
    ).toEqual([
      ['socialisation', '2025-01-02', '2025-01-08 23:59:59'],
      ['agreement', '2025-01-09', '2025-02-08 23:59:59'],
      ['checkInI', '2025-03-31', '2025-04-09 23:59:59'],
      ['checkInII', '2025-06-30', '2025-07-09 23:59:59'],
      ['checkInIII', '2025-09-30', '2025-10-09 23:59:59'],
      ['checkInIV', '2025-12-15', '2025-12-24 23:59:59'],
      ['review', '2026-01-05', '2026-01-25 23:59:59'],
      ['calibration', '2026-01-26', '2026-02-04 23:59:59'],
      ['feedback', '2026-02-05', '2026-02-25 23:59:59'],
    ]);
  });

  it('when socialisation starts in December of the previous year, then it is accepted', () => {
    expect(buildCalendar(2025, '2024-12-16').steps[0]?.start).toBe('2024-12-15T17:00:00.000Z');
  });
});

describe('given bad calendar input', () => {
  it.each([
    [1999, 'calendar.invalidYear', 'year'],
    [2025.5, 'calendar.invalidYear', 'year'],
  ])('when the year is %s, then %s names the field %s', (year, code, field) => {
    expect(failure(() => buildCalendar(year, '2025-01-02'))).toMatchObject({ code, field });
  });

  it.each([
    ['2025-02-30', 'calendar.invalidDate'],
    ['2025-01-02T00:00', 'calendar.invalidDate'],
    ['2023-12-01', 'calendar.outOfRange'],
    ['2026-01-02', 'calendar.outOfRange'],
  ])("when the start is '%s', then %s names the field start", (start, code) => {
    expect(failure(() => buildCalendar(2025, start))).toMatchObject({ code, field: 'start' });
  });

  it.each([
    [{ socialisation: '14 days' }, 'socialisation'],
    [{ review: 'P0D' }, 'review'],
    [{ feedback: 'P' }, 'feedback'],
  ] as Array<[CalendarOverrides, string]>)(
    'when a duration is %o, then calendar.invalidDuration names %s',
    (o, field) => {
      const error = failure(() => buildCalendar(2025, '2025-01-02', o));
      expect(error).toMatchObject({ code: 'calendar.invalidDuration', field });
      expect(error.message).toContain(`${field} must be a positive ISO 8601 duration`);
    },
  );

  it('when an override is unknown, then calendar.invalidOverrides names it', () => {
    const overrides = { objection: 'P14D' } as unknown as CalendarOverrides;
    expect(failure(() => buildCalendar(2025, '2025-01-02', overrides))).toMatchObject({
      code: 'calendar.invalidOverrides',
    });
  });

  it('when the agreement would still be open when TW I opens, then calendar.outOfOrder names agreement', () => {
    expect(failure(() => buildCalendar(2025, '2025-01-02', { agreement: 'P80D' }))).toMatchObject({
      code: 'calendar.outOfOrder',
      field: 'agreement',
    });
    // 74 days from 16 January end on 30 March at 23:59:59, the moment before TW I opens: that is fine.
    expect(table({ agreement: 'P74D' })[1]).toEqual(['agreement', '2025-01-16', '2025-03-30 23:59:59']);
    expect(failure(() => buildCalendar(2025, '2025-01-02', { agreement: 'P75D' }))).toMatchObject({
      field: 'agreement',
    });
  });

  it('when check-in windows would overlap, then calendar.outOfOrder names checkInWindow', () => {
    // P3M ends on 29 June at 23:59:59, the moment before TW II opens on 30 June
    expect(table({ checkInWindow: 'P3M' })[2]).toEqual(['checkInI', '2025-03-31', '2025-06-29 23:59:59']);
    expect(failure(() => buildCalendar(2025, '2025-01-02', { checkInWindow: 'P3M1D' }))).toMatchObject({
      code: 'calendar.outOfOrder',
      field: 'checkInWindow',
    });
  });

  it('when a check-in opens before the previous one, then calendar.outOfOrder names that check-in', () => {
    const o: CalendarOverrides = { checkInOpens: { II: '2025-03-01' } };
    expect(failure(() => buildCalendar(2025, '2025-01-02', o))).toMatchObject({
      code: 'calendar.outOfOrder',
      field: 'checkInOpens.II',
    });
  });

  it('when a check-in opens outside the cycle year or is not a date, then its field is named', () => {
    expect(
      failure(() => buildCalendar(2025, '2025-01-02', { checkInOpens: { IV: '2026-01-02' } })),
    ).toMatchObject({
      code: 'calendar.outOfRange',
      field: 'checkInOpens.IV',
    });
    expect(
      failure(() => buildCalendar(2025, '2025-01-02', { checkInOpens: { I: '31/03/2025' } })),
    ).toMatchObject({
      code: 'calendar.invalidDate',
      field: 'checkInOpens.I',
    });
  });

  it('when the review would open before TW IV closes, then calendar.outOfOrder names reviewStart', () => {
    expect(failure(() => buildCalendar(2025, '2025-01-02', { reviewStart: '2026-01-10' }))).toMatchObject({
      code: 'calendar.outOfOrder',
      field: 'reviewStart',
    });
  });
});

describe('given a deadline', () => {
  it('when the reminder time is asked, then it is 3 days before, across month ends', () => {
    expect(reminderAt('2025-03-02T00:00:00.000Z')).toBe('2025-02-27T00:00:00.000Z');
    expect(reminderAt('2024-03-02T09:30:00+07:00')).toBe('2024-02-28T02:30:00.000Z');
  });

  it('when the deadline is not an instant, then calendar.invalidDate names it', () => {
    expect(failure(() => reminderAt('soon'))).toMatchObject({
      code: 'calendar.invalidDate',
      field: 'deadline',
    });
  });
});

describe('given a feedback (keberatan) window set by HR', () => {
  it.each(['P13D', 'P1W', 'PT335H'])(
    'when it is %s, shorter than 14 days, then it is refused',
    (feedback) => {
      const error = failure(() => buildCalendar(2025, '2025-01-02', { feedback }));
      expect(error).toMatchObject({ code: 'calendar.objectionWindowTooShort', field: 'feedback' });
      expect(error.message).toContain('at least 14 days (PP 30/2019 art. 59)');
    },
  );

  it('when it is PT336H, 14 days of hours, then it is accepted', () => {
    expect(buildCalendar(2025, '2025-01-02', { feedback: 'PT336H' }).steps.at(-1)?.step).toBe('feedback');
  });

  it('when it is lengthened to P21D, then the feedback step lasts 21 local days', () => {
    const feedback = buildCalendar(2025, '2025-01-02', { feedback: 'P21D' }).steps.at(-1);
    expect(feedback?.step).toBe('feedback');
    const days =
      (Date.parse(feedback?.deadline ?? '') - Date.parse(feedback?.start ?? '') + 1000) / 86_400_000;
    expect(days).toBe(21);
  });
});

describe('given the instant an employee received the result', () => {
  it('when the keberatan deadline is asked, then it is 23:59:59 local on the 14th calendar day after', () => {
    expect(objectionDeadline('2026-02-11T00:00:00.000Z')).toBe('2026-02-25T16:59:59.000Z');
    expect(local(objectionDeadline('2025-12-20T10:15:00Z'))).toBe('2026-01-03 23:59:59');
  });

  it('when it was received late in the evening WIB (already the next day in WIT), then each zone counts from its own day', () => {
    const received = '2026-03-31T16:30:00Z'; // 23:30 WIB on 31 March, 01:30 WIT on 1 April
    expect(local(objectionDeadline(received, WIB), WIB)).toBe('2026-04-14 23:59:59');
    expect(local(objectionDeadline(received, WIT), WIT)).toBe('2026-04-15 23:59:59');
    expect(local(objectionDeadline(received, WITA), WITA)).toBe('2026-04-15 23:59:59');
  });

  it('when the zone is not one the rule is computed for, then the field is named', () => {
    expect(failure(() => objectionDeadline('2026-03-31T16:30:00Z', 'Europe/Paris'))).toMatchObject({
      field: 'timeZone',
    });
  });
});

describe('given a check-in date that collides with the previous window', () => {
  it('when TW I is set to open before the agreement closes, then checkInOpens.I is named', () => {
    const o: CalendarOverrides = { checkInOpens: { I: '2025-02-01' } };
    expect(failure(() => buildCalendar(2025, '2025-01-02', o))).toMatchObject({ field: 'checkInOpens.I' });
  });

  it('when TW I is set so late that its window runs into TW II, then checkInOpens.I is named', () => {
    const o: CalendarOverrides = { checkInOpens: { I: '2025-06-25' } };
    const error = failure(() => buildCalendar(2025, '2025-01-02', o));
    expect(error).toMatchObject({ code: 'calendar.outOfOrder', field: 'checkInOpens.I' });
    expect(error.message).toBe(
      'checkInOpens.I: TW I closes at 2025-07-08T16:59:59.000Z, after TW II opens at 2025-06-29T17:00:00.000Z',
    );
  });
});

describe('given a cycle in one of the zones of Indonesia', () => {
  const opening = (zone: string) =>
    buildCalendar(2025, '2025-01-02', {}, zone)
      .steps.map((s) => [s.step, s.start])
      .slice(0, 3);

  it('when built, then dates are the starts of local days: midnight WIB, WITA and WIT are 17:00, 16:00 and 15:00 UTC', () => {
    expect(opening(WIB)).toEqual([
      ['socialisation', '2025-01-01T17:00:00.000Z'],
      ['agreement', '2025-01-15T17:00:00.000Z'],
      ['checkInI', '2025-03-30T17:00:00.000Z'],
    ]);
    expect(opening(WITA)[2]).toEqual(['checkInI', '2025-03-30T16:00:00.000Z']);
    expect(opening(WIT)[2]).toEqual(['checkInI', '2025-03-30T15:00:00.000Z']);
    // Without a zone: WIB, the default of an organisation that has not chosen one.
    expect(opening(undefined as unknown as string)).toEqual(opening(WIB));
    expect(opening('UTC')[2]).toEqual(['checkInI', '2025-03-31T00:00:00.000Z']);
  });

  it("when an instant falls on the evening of 31 December UTC, then its year is the next one in the zone's day", () => {
    // 20:00 UTC on 31 December 2024 is 1 January 2025 in WIT: a 2026 cycle may start then there, not in UTC.
    expect(failure(() => buildCalendar(2026, '2024-12-31T20:00:00Z', {}, 'UTC'))).toMatchObject({
      code: 'calendar.outOfRange',
      field: 'start',
    });
    expect(buildCalendar(2026, '2024-12-31T20:00:00Z', {}, WIT).steps[0]?.start).toBe(
      '2024-12-31T20:00:00.000Z',
    );
    // And TW IV set to open at 20:00 UTC on 31 December is already next year in WIB.
    const late: CalendarOverrides = { checkInOpens: { IV: '2025-12-31T20:00:00Z' } };
    expect(buildCalendar(2025, '2025-01-02', late, 'UTC').steps[5]?.start).toBe('2025-12-31T20:00:00.000Z');
    expect(failure(() => buildCalendar(2025, '2025-01-02', late, WIB))).toMatchObject({
      code: 'calendar.outOfRange',
      field: 'checkInOpens.IV',
    });
  });

  it('when the zone is not an IANA zone, then calendar.invalidTimeZone names timeZone', () => {
    expect(failure(() => buildCalendar(2025, '2025-01-02', {}, 'WIB'))).toMatchObject({
      code: 'calendar.invalidTimeZone',
      field: 'timeZone',
    });
  });

  it('when a length runs past the years a date can hold, then calendar.invalidDuration names it', () => {
    expect(failure(() => buildCalendar(2025, '2025-01-02', { review: 'P999999Y' }))).toMatchObject({
      code: 'calendar.invalidDuration',
      field: 'review',
    });
  });
});

describe('given the yearly schedule firing', () => {
  const newYear2027 = Date.parse('2027-01-01T00:00:00Z');

  it('when it fires on 31 December, then the next year opens on 1 January, or at once if that has passed', () => {
    const fired = Date.parse('2026-12-31T16:00:00Z');
    expect(nextCycleStart(fired, fired, 'UTC')).toEqual({ year: 2027, start: '2027-01-01T00:00:00.000Z' });
    expect(nextCycleStart(fired, newYear2027 + 3_600_000, 'UTC')).toEqual({
      year: 2027,
      start: '2027-01-01T01:00:00.000Z',
    });
  });

  it("when it fires at 17:00 UTC on 31 December, then in WIB that is already the new year's day", () => {
    const fired = Date.parse('2026-12-31T17:00:00Z'); // 00:00 on 1 January 2027 in WIB
    expect(nextCycleStart(fired, fired)).toEqual({
      year: 2028,
      start: '2027-12-31T17:00:00.000Z',
    });
  });
});
