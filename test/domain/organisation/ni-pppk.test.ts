// The NI PPPK beside the PNS NIP: the layout digits 13-14 name, what each layout checks, which layout's
// message a number that fits neither gets, and the messages in Bahasa Indonesia.
import { describe, expect, it } from 'vitest';
import { newNipSchema, nipKind, parseNip } from '../../../domain/organisation/nip.ts';

// born 1993-12-28, first contract 2025, PPPK digits 21, female, serial 001
const pppk = '199312282025212001';
const withPart = (from: number, to: number, digits: string, base = pppk) =>
  base.slice(0, from) + digits + base.slice(to);
const messageOf = (input: string, lang: 'id' | 'en' = 'en') => {
  const result = parseNip(input, lang);
  return result.ok ? '' : result.message;
};

describe('given a well-formed NI PPPK', () => {
  it('when parsed, then it is a PPPK number and its parts are decoded, the appointment a year', () => {
    expect(parseNip(pppk)).toEqual({
      ok: true,
      nip: {
        value: pppk,
        kind: 'PPPK',
        birthDate: '1993-12-28',
        appointment: '2025',
        gender: 'female',
        serial: '001',
      },
    });
  });

  it('when it is a part-time PPPK number (digits 24), then it is a PPPK number too', () => {
    expect(parseNip('199009132025242014')).toMatchObject({
      ok: true,
      nip: { kind: 'PPPK', birthDate: '1990-09-13', appointment: '2025', gender: 'female', serial: '014' },
    });
  });

  it('when its first contract is in 2019, the first year of PPPK, then it is accepted', () => {
    expect(parseNip(withPart(8, 12, '2019'))).toMatchObject({ ok: true, nip: { appointment: '2019' } });
  });

  it('when a new employee enters the system with it, then the schema of new numbers takes it', () => {
    expect(newNipSchema.parse(pppk)).toBe(pppk);
  });
});

describe('given the year of the first contract (digits 9-12)', () => {
  it.each([
    ['2018', 'it must be 2019-2100'],
    ['2015', 'as PPPK were first appointed in 2019'],
    ['2101', 'it must be 2019-2100'],
  ])('when it is %s, then the appointment part is wrong because %s', (year, reason) => {
    const result = parseNip(withPart(8, 12, year));
    expect(result).toMatchObject({ ok: false, part: 'appointment' });
    expect(messageOf(withPart(8, 12, year))).toContain(
      'NI PPPK digits 9-12 (the year of the first contract)',
    );
    expect(messageOf(withPart(8, 12, year))).toContain(reason);
  });

  it('when it is before the birth year, then the appointment part is wrong', () => {
    const born2021 = withPart(0, 8, '20210101', withPart(8, 12, '2020'));
    expect(parseNip(born2021)).toMatchObject({ ok: false, part: 'appointment' });
    expect(messageOf(born2021)).toContain("'2020' are before the birth date '20210101'");
  });

  it('when it has a non-digit, then the appointment part is wrong', () => {
    expect(parseNip(withPart(8, 12, '20x5'))).toMatchObject({ ok: false, part: 'appointment' });
  });
});

describe('given the other parts of an NI PPPK', () => {
  it.each([
    [0, 8, '19931328', 'birthDate', 'NI PPPK birth date (digits 1-8)'],
    [14, 15, '3', 'gender', 'NI PPPK gender (digit 15)'],
    [15, 18, '000', 'serial', 'NI PPPK serial (digits 16-18)'],
  ] as const)(
    'when digits %i-%i are %s, then the %s part is wrong and named as the NI PPPK’s',
    (from, to, digits, part, named) => {
      const input = withPart(from, to, digits);
      expect(parseNip(input)).toMatchObject({ ok: false, part });
      expect(messageOf(input)).toContain(named);
    },
  );
});

describe('given a number that fits neither layout', () => {
  it.each(['00', '13', '20', '22', '99'])(
    'when digits 13-14 are %s, then it is read as a NIP PNS whose month is wrong, and the message names the PPPK digits',
    (digits) => {
      const input = withPart(12, 14, digits);
      expect(nipKind(input)).toBe('PNS');
      expect(parseNip(input)).toMatchObject({ ok: false, part: 'appointment' });
      expect(messageOf(input)).toBe(
        `NIP appointment (digits 9-14) '2025${digits}' has month ${Number(digits)}; it must be 01-12 (an NI PPPK has 21 or 24 in digits 13-14)`,
      );
    },
  );

  it('when digits 13-14 are 21 but the contract year is of a PNS era, then the NI PPPK’s year is what is wrong', () => {
    // 2010 and 21: neither a NIP (month 21) nor an NI PPPK (before 2019); the PPPK digits decide.
    expect(parseNip(withPart(8, 12, '2010'))).toMatchObject({ ok: false, part: 'appointment' });
    expect(messageOf(withPart(8, 12, '2010'))).toMatch(/^NI PPPK digits 9-12/);
  });
});

describe('given the language asked for', () => {
  it('when Bahasa Indonesia is asked, then each layout’s wrong part is named in it', () => {
    expect(messageOf(withPart(8, 12, '2015'), 'id')).toBe(
      'digit 9-12 NI PPPK (tahun perjanjian kerja pertama) adalah 2015; seharusnya 2019-2100, karena PPPK pertama kali diangkat pada 2019',
    );
    expect(messageOf('198503122010011', 'id')).toBe(
      'NIP atau NI PPPK harus tepat 18 angka; yang diberikan 15 karakter',
    );
    expect(messageOf('198503122010013003', 'id')).toBe(
      "jenis kelamin NIP (digit 15) harus 1 (laki-laki) atau 2 (perempuan); tertulis '3'",
    );
  });
});
