// The chaos suite's parked release (activities/injected-faults.ts), its pure parts: read from the
// environment only as <cycle id>/<unit code>, and parking that unit's release on its first attempt only,
// heartbeating until the activity ends.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  injectedFaultsFromEnv,
  parkedMarker,
  parkReleaseVariable,
  parksRelease,
  parkUntilKilled,
} from '../../activities/injected-faults.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the parked release', () => {
  it('is off without its variable, and warns loudly when set', () => {
    const warnings: string[] = [];
    expect(injectedFaultsFromEnv({}, (line) => warnings.push(line)).parkRelease).toBeUndefined();
    expect(injectedFaultsFromEnv({ [parkReleaseVariable]: ' ' }).parkRelease).toBeUndefined();
    expect(warnings).toEqual([]);
    const faults = injectedFaultsFromEnv({ [parkReleaseVariable]: 'chaos.2028/U01' }, (line) =>
      warnings.push(line),
    );
    expect(faults.parkRelease).toEqual({ cycleId: 'chaos.2028', unitCode: 'U01' });
    expect(faults.afterCommit).toBe(0);
    expect(warnings.join('\n')).toMatch(/WARNING: SIKLUS_CHAOS_PARK_RELEASE=chaos.2028\/U01: .* PARKS/);
  });

  it('refuses a value that is not <cycle id>/<unit code>', () => {
    for (const bad of ['chaos.2028', 'chaos/U01', 'chaos.2028/', 'chaos.2028/U01/x'])
      expect(() => injectedFaultsFromEnv({ [parkReleaseVariable]: bad }, () => {})).toThrow(
        /must be <cycle id>\/<unit code>/,
      );
  });

  it("parks only that unit's release, on its first attempt", () => {
    const faults = { afterCommit: 0, parkRelease: { cycleId: 'chaos.2028', unitCode: 'U01' } };
    const release = { cycleId: 'chaos.2028', unitCode: 'U01', signal: { name: 'release' } };
    expect(parksRelease(faults, release, 1)).toBe(true);
    expect(parksRelease(faults, release, 2)).toBe(false);
    expect(parksRelease(faults, { ...release, unitCode: 'U02' }, 1)).toBe(false);
    expect(parksRelease(faults, { ...release, cycleId: 'chaos.2027' }, 1)).toBe(false);
    expect(parksRelease(faults, { ...release, signal: { name: 'cancel' } }, 1)).toBe(false);
    expect(parksRelease({ afterCommit: 0 }, release, 1)).toBe(false);
  });

  it('says where it parked, heartbeats while parked, and ends only when the activity is cancelled', async () => {
    vi.useFakeTimers();
    const parked: string[] = [];
    let beats = 0;
    let cancel: (reason: Error) => void = () => {};
    const cancelled = new Promise<never>((_, reject) => {
      cancel = reject;
    });
    const parking = parkUntilKilled(
      { afterCommit: 0, onParked: (what) => parked.push(what) },
      'releasing unit U01',
      { heartbeat: () => beats++, cancelled },
    );
    let ended = false;
    parking.catch(() => {}).finally(() => (ended = true));
    expect(parked).toEqual(['releasing unit U01']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beats).toBe(30);
    expect(ended).toBe(false);
    cancel(new Error('cancelled'));
    await expect(parking).rejects.toThrow('cancelled');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(beats).toBe(30);
    expect(parkedMarker).toBe('CHAOS: parked');
  });
});
