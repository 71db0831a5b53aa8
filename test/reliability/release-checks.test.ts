// The calibration drill's judgement of its record: each unit released once, no seal made twice.
import { describe, expect, it } from 'vitest';
import { drillParkRelease } from '../../reliability/chaos/calibration.ts';
import { checkKillInsideCalibration, checkReleases } from '../../reliability/chaos/release-checks.ts';

const seal = (sequence: number, reason: string, position: number) => ({ sequence, reason, position });

describe('checkReleases', () => {
  it('passes every unit released once, one release seal each over a moving log', () => {
    const figures = checkReleases(
      ['U01', 'U02'],
      new Map([
        ['U01', 1],
        ['U02', 1],
      ]),
      [seal(1, 'daily', 10), seal(2, 'release', 14), seal(3, 'release', 18)],
    );
    expect(figures).toEqual({ lostEvents: 0, duplicatedEvents: 0, findings: [] });
  });

  it('counts a unit released twice as duplicated and one never released as lost', () => {
    const figures = checkReleases(
      ['U01', 'U02', 'U03'],
      new Map([
        ['U01', 2],
        ['U02', 1],
      ]),
      [],
    );
    expect(figures.duplicatedEvents).toBe(1);
    expect(figures.lostEvents).toBe(1);
    expect(figures.findings).toEqual([
      'drill: unit U01 released 2 times',
      'drill: unit U03 released 0 times',
    ]);
  });

  it('counts a release of a unit outside the cycle as duplicated', () => {
    const figures = checkReleases(
      ['U01'],
      new Map([
        ['U01', 1],
        ['X', 1],
      ]),
      [],
    );
    expect(figures.duplicatedEvents).toBe(1);
  });

  it('counts a seal twice: more release seals than units, or two over the same log', () => {
    expect(
      checkReleases(['U01'], new Map([['U01', 1]]), [seal(1, 'release', 5), seal(2, 'release', 9)])
        .duplicatedEvents,
    ).toBe(1);
    const same = checkReleases(
      ['U01', 'U02'],
      new Map([
        ['U01', 1],
        ['U02', 1],
      ]),
      [seal(1, 'release', 7), seal(2, 'release', 7)],
    );
    expect(same.duplicatedEvents).toBe(1);
    expect(same.findings).toEqual(['drill: seal 2 over the same log as the one before']);
  });
});

describe('checkKillInsideCalibration', () => {
  const parked = 'CHAOS: parked: releasing unit U01 of chaos.2028, 25 of its appraisals signalled';

  it('passes a kill while parked with a unit calibrated and not every unit released', () => {
    expect(
      checkKillInsideCalibration(parked, { unitsCalibrated: 1, unitsReleased: 0, releaseSeals: 0 }, 5),
    ).toEqual({ inside: true, findings: [] });
  });

  it('fails a kill before any calibration, after the last release, or not while parked', () => {
    expect(
      checkKillInsideCalibration(parked, { unitsCalibrated: 0, unitsReleased: 0, releaseSeals: 0 }, 5),
    ).toEqual({
      inside: false,
      findings: ['drill: the kill fell before the calibration (no unit calibrated yet)'],
    });
    expect(
      checkKillInsideCalibration(parked, { unitsCalibrated: 5, unitsReleased: 5, releaseSeals: 5 }, 5),
    ).toEqual({ inside: false, findings: ['drill: the kill fell after the calibration (5/5 released)'] });
    expect(
      checkKillInsideCalibration(undefined, { unitsCalibrated: 1, unitsReleased: 0, releaseSeals: 0 }, 5)
        .findings,
    ).toEqual(['drill: the worker was not parked in the calibration when it was killed']);
  });
});

describe('drillParkRelease', () => {
  it("parks the release of the first unit (in the calibration's order) of the next year's cycle", () => {
    expect(
      drillParkRelease('chaos', 2027, [{ unitCode: 'U02' }, { unitCode: 'U01' }, { unitCode: 'U02' }]),
    ).toBe('chaos.2028/U01');
  });
});
