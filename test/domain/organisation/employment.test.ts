// Ranks as HR writes them: a PNS pangkat/golongan I/a..IV/e in its one stored form, a PPPK golongan
// I..XVII, and the refusals that say which list the text belongs to.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRank, pnsRanks, pppkGrades } from '../../../domain/organisation/employment.ts';

describe('given the lists', () => {
  it('when read, then the PNS list runs I/a to IV/e (17 ranks) and the PPPK list I to XVII', () => {
    expect(pnsRanks.map(([g]) => g)).toEqual(
      ['I', 'II', 'III']
        .flatMap((r) => ['a', 'b', 'c', 'd'].map((x) => `${r}/${x}`))
        .concat(['a', 'b', 'c', 'd', 'e'].map((x) => `IV/${x}`)),
    );
    expect(pppkGrades).toHaveLength(17);
    expect(pppkGrades.at(-1)).toBe('XVII');
  });
});

describe('given a PNS rank as written in a file', () => {
  it.each([
    ['III/a', 'Penata Muda, III/a'],
    ['iii/A', 'Penata Muda, III/a'],
    ['Penata Muda, III/a', 'Penata Muda, III/a'],
    ['Penata Muda III/a', 'Penata Muda, III/a'],
    ['penata muda  tk. I, III/b', 'Penata Muda Tingkat I, III/b'],
    ['Pembina Utama (IV/e)', 'Pembina Utama, IV/e'],
    ['I/a', 'Juru Muda, I/a'],
  ])("when it is '%s', then it is stored as '%s'", (text, stored) => {
    expect(parseRank('PNS', text)).toEqual({ ok: true, rank: stored });
  });

  it.each([
    ['IV/f', "'IV/f' is not a PNS pangkat/golongan; it must be one of I/a to IV/e"],
    ['V/a', "'V/a' is not a PNS pangkat/golongan"],
    ['Penata, III/a', "'Penata, III/a' names the pangkat Penata, but golongan III/a is Penata Muda"],
    ['IX', "'IX' is a PPPK golongan; a PNS has a pangkat/golongan I/a to IV/e"],
    ['Kepala Seksi', "'Kepala Seksi' is not a PNS pangkat/golongan"],
    ['XVIII', "'XVIII' is not a PNS pangkat/golongan"],
  ])("when it is '%s', then it is refused: %s", (text, message) => {
    const result = parseRank('PNS', text);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('when any stored form is read again, then it stays the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pnsRanks), ([golongan, pangkat]) => {
        const stored = `${pangkat}, ${golongan}`;
        expect(parseRank('PNS', golongan)).toEqual({ ok: true, rank: stored });
        expect(parseRank('PNS', stored)).toEqual({ ok: true, rank: stored });
      }),
    );
  });
});

describe('given a PPPK golongan as written in a file', () => {
  it.each([
    ['IX', 'IX'],
    ['ix', 'IX'],
    ['Golongan XVII', 'XVII'],
    ['gol. V', 'V'],
  ])("when it is '%s', then it is stored as '%s'", (text, stored) => {
    expect(parseRank('PPPK', text)).toEqual({ ok: true, rank: stored });
  });

  it.each([
    ['XVIII', "'XVIII' is not a PPPK golongan; it must be I to XVII"],
    ['IIII', "'IIII' is not a PPPK golongan"],
    ['III/a', "'III/a' is a PNS pangkat/golongan; a PPPK has a golongan I to XVII"],
    ['9', "'9' is not a PPPK golongan"],
  ])("when it is '%s', then it is refused: %s", (text, message) => {
    const result = parseRank('PPPK', text);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
