// Regulation packs as dated data: which pack is in force on a day, a pack file checked whole with each
// error named by its place, and the impact of another pack on a year's ratings.
import { describe, expect, it } from 'vitest';
import { packImpact, type RatedPerson } from '../../../domain/regulation/impact.ts';
import {
  asn2023,
  packInForce,
  type RegulationPack,
  regulationPacks,
} from '../../../domain/regulation/pack.ts';
import { readPackFile } from '../../../domain/regulation/pack-file.ts';
import {
  asn2023Windows,
  packRefAt,
  packWindows,
  windowsInForce,
} from '../../../domain/regulation/pack-ref.ts';
import { localDayOf } from '../../../domain/time/fixed-offsets.ts';
import { istimewaUnitUnderProposal, proposedPackFile } from '../../support/proposed-pack.ts';

/** A pack file's JSON, loosely: the parts the cases below change. */
type PackJson = {
  matrix: Record<'diAtas' | 'sesuai' | 'diBawah', Record<string, unknown>>;
  distribution: Record<string, Array<Record<string, unknown>>>;
  [part: string]: unknown;
};
const firstBaikRule = (p: PackJson) => p.distribution.baik?.[0] ?? {};

/** asn2023 as its JSON file says it, with some parts changed. */
const fileOf = (change: (pack: PackJson) => void = () => {}) => {
  const json = JSON.parse(JSON.stringify(asn2023));
  change(json);
  return json;
};

describe('given the packs in force', () => {
  const later: RegulationPack = { ...asn2023, id: 'asn-2027', effectiveFrom: '2027-01-01' };
  it('when a day is asked, then the latest pack effective on or before it applies', () => {
    expect(packInForce('2025-06-30').id).toBe('asn-2023');
    expect(packInForce('2026-12-31', [asn2023, later]).id).toBe('asn-2023');
    expect(packInForce('2027-01-01', [asn2023, later]).id).toBe('asn-2027');
  });
  it('when a day precedes every pack, then the first pack applies (nothing older is known)', () => {
    expect(packInForce('2019-01-01').id).toBe('asn-2023');
  });
});

describe('given a pack file', () => {
  it('when it is the pack in force written out, then it reads back the same', () => {
    expect(readPackFile(fileOf())).toEqual({ ok: true, pack: asn2023 });
  });
  it.each([
    [(p: PackJson) => delete p.matrix.sesuai.diBawah, 'matrix.sesuai.diBawah:'],
    [(p: PackJson) => (p.matrix.diAtas.diAtas = 'luarBiasa'), 'matrix.diAtas.diAtas:'],
    [(p: PackJson) => (p.objectionDays = 7), 'objectionDays: PP 30/2019 fixes at least 14 days'],
    [(p: PackJson) => (p.effectiveFrom = '2027-02-30'), 'effectiveFrom:'],
    [(p: PackJson) => delete p.distribution.kurang, 'distribution.kurang:'],
    [(p: PackJson) => (firstBaikRule(p).limit = { percent: 170 }), 'distribution.baik.0.limit'],
    [
      (p: PackJson) => (firstBaikRule(p).code = 'istimewa.x'),
      'distribution.baik: rule istimewa.x must start with baik.',
    ],
    [(p: PackJson) => (p.extra = 1), '(the whole file): Unrecognized key: "extra"'],
  ])('when it is wrong (%#), then the message names the place: %s', (change, message) => {
    const read = readPackFile(fileOf(change));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.message).toContain(message);
  });
});

describe("given a year's ratings and another pack", () => {
  const person = (
    nip: string,
    unitCode: string,
    results: RatedPerson['results'],
    behaviour: RatedPerson['behaviour'],
    predikat: RatedPerson['predikat'],
  ): RatedPerson => ({
    nip,
    name: `P${nip}`,
    unitCode,
    results,
    behaviour,
    predikat,
  });
  const people = [
    person('1', 'PKM', 'sesuai', 'sesuai', 'baik'),
    person('2', 'PKM', 'diAtas', 'diAtas', 'sangatBaik'),
    // An objection changed this one on record; the matrix is not asked again unless the pack changes it.
    person('3', 'DINKES', 'sesuai', 'diAtas', 'baik'),
  ];
  const capaian = new Map([
    ['PKM', 'istimewa' as const],
    ['DINKES', null],
  ]);

  it('when the pack is the one in force, then nobody and no unit changes', () => {
    const impact = packImpact(people, capaian, asn2023, asn2023);
    expect(impact.people).toEqual([]);
    expect(impact.units.map((u) => [u.unitCode, u.conformsNow, u.conformsUnder])).toEqual([
      ['DINKES', null, null],
      ['PKM', true, true],
    ]);
  });

  it('when meets/meets gives Butuh Perbaikan and Istimewa allows at most 40% Sangat Baik, then both show', () => {
    const strict = readPackFile(proposedPackFile());
    if (!strict.ok) throw new Error(strict.message);
    const impact = packImpact(people, capaian, asn2023, strict.pack);
    expect(impact.pack).toBe('usulan-2027');
    expect(impact.inForce).toBe('asn-2023');
    expect(impact.people).toEqual([
      { nip: '1', name: 'P1', unitCode: 'PKM', from: 'baik', to: 'butuhPerbaikan' },
    ]);
    expect(impact.units.find((u) => u.unitCode === 'PKM')).toEqual(istimewaUnitUnderProposal('PKM'));
  });
});

describe('given the packs and their dated windows (pack-ref.ts, what the deciders record)', () => {
  it('then each pack has its windows, in the same order', () => {
    expect(
      regulationPacks.map(({ id, effectiveFrom, objectionDays, reminderLeadDays }) => ({
        id,
        effectiveFrom,
        objectionDays,
        reminderLeadDays,
      })),
    ).toEqual(packWindows);
  });

  it('when a decision is made at 00:30 WIB on a day, then the pack is the one in force on that local day', () => {
    const later = { ...asn2023Windows, id: 'next', effectiveFrom: '2027-01-01' };
    const packs = [asn2023Windows, later];
    // 2026-12-31T17:30Z is 00:30 WIB on 1 January 2027, still 31 December in UTC.
    expect(windowsInForce(localDayOf('2026-12-31T17:30:00Z', 'Asia/Jakarta'), packs).id).toBe('next');
    expect(windowsInForce(localDayOf('2026-12-31T17:30:00Z', undefined), packs).id).toBe('asn-2023');
    expect(packRefAt('2026-06-01T00:00:00Z', 'Asia/Jakarta')).toEqual({
      id: 'asn-2023',
      effectiveFrom: '2023-01-01',
    });
  });
});
