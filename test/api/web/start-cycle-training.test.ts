// HR's start form in training mode: the start is a local date and time in the organisation's zone, the
// preset sets every length (one typed in as well is named at its field), and a real cycle's start date
// still means 00:00 of that day there.
import { describe, expect, it } from 'vitest';
import { freshStartView, parseStartCycle } from '../../../api/web/views/hr-start.ts';

const wita = 'Asia/Makassar';
const values = freshStartView(new Date('2026-11-23T03:00:00Z'), [], wita).state.values;
const parse = (changes: Record<string, string>) => parseStartCycle({ ...values, ...changes }, [], wita);

describe('the start form in training mode (WITA)', () => {
  it('given 09:00 on 4 January, when parsed, then the API body starts at 01:00 UTC with the training preset', () => {
    const parsed = parse({ year: '2027', mode: 'training', startAt: '2027-01-04T09:00' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.body.start).toBe('2027-01-04T01:00:00.000Z');
    expect(parsed.body.calendar).toEqual({ preset: 'training' });
    expect(parsed.calendar.training).toBeDefined();
  });

  it('given no date and time, or a date alone, when parsed, then the date-time field says so', () => {
    const errorsOf = (startAt: string) => {
      const parsed = parse({ year: '2027', mode: 'training', startAt });
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errorsOf('')).toEqual({ startAt: 'error.required' });
    expect(errorsOf('2027-01-04')).toEqual({ startAt: 'startCycle.error.dateTime' });
    expect(errorsOf('2030-01-04T09:00')).toEqual({ startAt: 'startCycle.error.outOfRange' });
  });

  it('given a length and a review date typed in as well, when parsed, then each is named at its field', () => {
    const parsed = parse({
      year: '2027',
      mode: 'training',
      startAt: '2027-01-04T09:00',
      feedback: 'PT1M',
      reviewStart: '2027-01-05',
    });
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      feedback: 'startCycle.error.trainingLength',
      reviewStart: 'startCycle.error.trainingLength',
    });
  });

  it('given a real cycle, when parsed, then its start date means 00:00 WITA and no preset is sent', () => {
    const parsed = parse({ year: '2027', mode: 'real', start: '2027-01-04', startAt: '2027-01-04T09:00' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.body.start).toBe('2027-01-04');
    expect(parsed.body.calendar).toEqual({});
    expect(parsed.calendar.steps[0]?.start).toBe('2027-01-03T16:00:00.000Z');
  });
});
