// The calibration drill's judgement of its record: each unit released once, no seal made twice.
import { describe, expect, it } from 'vitest';
import { checkReleases } from '../../reliability/chaos/release-checks.ts';

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
