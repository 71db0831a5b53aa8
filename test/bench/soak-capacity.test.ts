// The soak's capacity figures: cores used between two CPU marks, and what the busy phase asks of the machine.
import { describe, expect, it } from 'vitest';
import { coresBetween, minLoadWindowMs, soakCapacity } from '../../bench/soak-capacity.ts';

describe('soak capacity', () => {
  it('counts the cores used between two marks, and nothing for a window too short or without /proc', () => {
    expect(coresBetween({ at: 0, seconds: 10 }, { at: 4_000, seconds: 16 })).toBe(1.5);
    expect(coresBetween({ at: 0, seconds: 10 }, { at: 1_000, seconds: 12 }, 2_000)).toBeNull();
    expect(coresBetween({ at: 0, seconds: null }, { at: 4_000, seconds: 16 })).toBeNull();
  });

  it("adds the idle launch's cores and the load's against the machine's", () => {
    // 2 cores, the launch takes 1.74 idle and the load 1.03: the busy phase asks for 1.39 machines.
    expect(soakCapacity(1.74, { cores: 1.03, windowMs: 112_305 }, true, 2)).toEqual({
      cores: 2,
      idleLaunchCores: 1.74,
      loadCores: 1.03,
      loadWindowMs: 112_305,
      busyDemand: 1.39,
      countsPostgres: true,
    });
    expect(soakCapacity(1.74, { cores: 1.03, windowMs: 112_305 }, true, 8).busyDemand).toBe(0.35);
    expect(soakCapacity(null, { cores: 0.7, windowMs: 90_000 }, true, 2).busyDemand).toBeNull();
    expect(soakCapacity(1.9, { cores: null, windowMs: 900 }, true, 2).busyDemand).toBeNull();
  });

  it('gives the load alone a figure only over a tenth of the run at least', () => {
    expect([minLoadWindowMs(120), minLoadWindowMs(15)]).toEqual([12_000, 1_500]);
  });
});
