// HR's start form says every mistake of the calendar at once, each on its field, not one per submit.
import { describe, expect, it } from 'vitest';
import { freshStartView, parseStartCycle } from '../../../api/web/views/hr-start.ts';

const zone = 'Asia/Jakarta';
const values = freshStartView(new Date('2026-11-23T03:00:00Z'), [], zone).state.values;
const errorsOf = (changes: Record<string, string>) => {
  const parsed = parseStartCycle({ ...values, ...changes }, [], zone);
  return parsed.ok ? {} : parsed.errors;
};

describe('the start form, given several calendar mistakes', () => {
  it('names each wrong length and the short keberatan window together', () => {
    expect(errorsOf({ agreement: 'tiga puluh hari', review: 'P0D', feedback: 'P7D' })).toEqual({
      agreement: 'startCycle.error.duration',
      review: 'startCycle.error.duration',
      feedback: 'startCycle.error.keberatan',
    });
  });

  it('names a wrong length beside a missing year and a wrong review start', () => {
    expect(errorsOf({ year: '', agreement: 'P-3D', reviewStart: 'soon' })).toEqual({
      year: 'error.required',
      agreement: 'startCycle.error.duration',
      reviewStart: 'startCycle.error.date',
    });
  });

  it('still answers a valid form with its body', () => {
    expect(parseStartCycle({ ...values, agreement: 'P20D' }, [], zone).ok).toBe(true);
  });
});
