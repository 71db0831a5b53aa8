import { describe, expect, it } from 'vitest';
import { toAppraisalCalendar } from '../../../domain/cycle/appraisal-calendar.ts';
import { buildCalendar, type CycleCalendar } from '../../../domain/cycle/calendar.ts';
import { type PeriodKind, periodKinds } from '../../../domain/cycle/periods.ts';
import { minimumWindowMinutes } from '../../../domain/cycle/training-calendar.ts';
import { indonesianTimeZones } from '../../../domain/time/zones.ts';
import { domainFailure as failure } from '../../support/domain-error.ts';

const { WIB, WITA, WIT } = indonesianTimeZones;
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const training = (start: string, zone: string = WIB, periods: PeriodKind = 'quarterly') =>
  buildCalendar(2027, start, { preset: 'training', periods }, zone);

/** Every window a training cycle has, steps and evaluation periods alike, in the order they open. */
const windowsOf = (calendar: CycleCalendar) =>
  [
    ...calendar.steps.map((s) => ({ name: s.step, opens: s.start, closes: s.deadline })),
    ...(calendar.periods?.windows ?? []).map((w) => ({ name: w.id, opens: w.opens, closes: w.deadline })),
  ].sort((a, b) => Date.parse(a.opens) - Date.parse(b.opens));

describe('given the training preset started at 09:00 WIB on 4 January 2027', () => {
  const calendar = training('2027-01-04T09:00');

  it('when built, then the steps follow one another in the order of a year, each opening as the last closes', () => {
    const names = windowsOf(calendar).map((w) => w.name);
    expect(names).toEqual([
      'socialisation',
      'agreement',
      'TW1',
      'TW2',
      'TW3',
      'TW4',
      'review',
      'calibration',
      'feedback',
    ]);
    const [socialisation, agreement, review, calibration, feedback] = calendar.steps;
    expect(agreement?.start).toBe(socialisation?.deadline);
    expect(review?.start).toBe(calendar.periods?.windows.at(-1)?.deadline);
    expect(calibration?.start).toBe(review?.deadline);
    expect(feedback?.start).toBe(calibration?.deadline);
  });

  it('when built, then every window lasts at least the minimum and none overlaps the next', () => {
    const windows = windowsOf(calendar);
    for (const w of windows) expect(minutes(w.opens, w.closes)).toBeGreaterThanOrEqual(minimumWindowMinutes);
    for (const [i, w] of windows.slice(1).entries())
      expect(Date.parse(w.opens)).toBeGreaterThanOrEqual(Date.parse(windows[i]?.closes ?? ''));
  });

  it('when built, then the year from socialisation to the end of feedback lasts about an hour', () => {
    const first = calendar.steps[0];
    const last = calendar.steps.at(-1);
    expect(first?.start).toBe('2027-01-04T02:00:00.000Z');
    const total = minutes(first?.start ?? '', last?.deadline ?? '');
    expect(total).toBeGreaterThanOrEqual(50);
    expect(total).toBeLessThanOrEqual(70);
  });

  it('when the workflows take it, then the keberatan window, reminder and escalations are minutes, not days', () => {
    const input = toAppraisalCalendar(calendar);
    expect(input.training).toEqual({
      reminderLeadMs: 60_000,
      objectionWindowMs: 12 * 60_000,
      penetapanMs: 5 * 60_000,
      dayMs: 60_000,
    });
    const rating = input.rating.deadline;
    expect(minutes(rating, input.ratingEscalation?.superiorDeadline ?? '')).toBe(2);
    expect(minutes(rating, input.ratingEscalation?.hrDeadline ?? '')).toBe(4);
    const tw1 = input.periods?.windows[0];
    expect(minutes(tw1?.deadline ?? '', tw1?.hrDeadline ?? '')).toBe(4);
    // The practice year ends soon after feedback: the cycle closes within the sitting.
    const feedback = calendar.steps.at(-1)?.deadline ?? '';
    expect(minutes(feedback, input.cycleEnd)).toBe(15);
  });
});

describe('given the training preset in the zones east of WIB', () => {
  it('when started at 09:00 WITA, then the first step opens at 01:00 UTC', () => {
    expect(training('2027-03-01T09:00', WITA).steps[0]?.start).toBe('2027-03-01T01:00:00.000Z');
  });

  it('when started on a bare date in WIT, then it opens at 00:00 WIT, the day before in UTC', () => {
    const calendar = training('2027-03-01', WIT);
    expect(calendar.steps[0]?.start).toBe('2027-02-28T15:00:00.000Z');
    expect(calendar.timeZone).toBe(WIT);
  });
});

describe('given each period kind in training mode', () => {
  it.each(periodKinds)(
    'when %s, then every window is long enough and the year fits about an hour',
    (kind) => {
      const calendar = training('2027-01-04T09:00', WIB, kind);
      for (const w of windowsOf(calendar))
        expect(minutes(w.opens, w.closes)).toBeGreaterThanOrEqual(minimumWindowMinutes);
      const total = minutes(calendar.steps[0]?.start ?? '', calendar.steps.at(-1)?.deadline ?? '');
      expect(total).toBeLessThanOrEqual(75);
      expect(calendar.periods?.kind).toBe(kind);
    },
  );
});

describe('given a calendar compressed the same way but not marked training', () => {
  it('when built, then the 14-day keberatan window of PP 30/2019 refuses it and says only training may', () => {
    const compressed = {
      periods: 'quarterly' as const,
      socialisation: 'PT5M',
      agreement: 'PT6M',
      review: 'PT6M',
      calibration: 'PT6M',
      feedback: 'PT12M',
    };
    const error = failure(() => buildCalendar(2027, '2027-01-04', compressed, WIB));
    expect(error).toMatchObject({ code: 'calendar.objectionWindowTooShort', field: 'feedback' });
    expect(error.message).toContain("training cycle: preset 'training'");
  });

  it('when the training preset is given a length of its own, then the length is refused by name', () => {
    const o = { preset: 'training' as const, feedback: 'PT1M' };
    expect(failure(() => buildCalendar(2027, '2027-01-04', o, WIB))).toMatchObject({
      code: 'calendar.invalidOverrides',
      field: 'feedback',
    });
  });

  it('when a preset other than training is named, then the overrides are refused', () => {
    const o = { preset: 'quick' } as unknown as { preset: 'training' };
    expect(failure(() => buildCalendar(2027, '2027-01-04', o, WIB))).toMatchObject({
      code: 'calendar.invalidOverrides',
      field: 'preset',
    });
  });
});

describe('given a training start outside the cycle year', () => {
  it('when built, then the start is refused', () => {
    const error = failure(() => buildCalendar(2027, '2025-06-01T09:00', { preset: 'training' }, WIB));
    expect(error).toMatchObject({ code: 'calendar.outOfRange', field: 'start' });
  });
});
