// Properties of parseNip over generated numbers: a number built from valid parts of either layout parses
// back to those parts and its kind; any 18 characters either parse with the kind digits 13-14 name or
// fail naming one part; a wrong gender digit or serial is always that part's fault.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPppkYear, nipKind, parseNip, pppkDigits } from '../../../domain/organisation/nip.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

const birth = fc
  .record({ year: fc.integer({ min: 1900, max: 2010 }), month: fc.integer({ min: 1, max: 12 }) })
  .chain(({ year, month }) =>
    fc.integer({ min: 1, max: daysIn(year, month) }).map((day) => ({ year, month, day })),
  );
const gender = fc.constantFrom('1', '2');
const serial = fc.integer({ min: 1, max: 999 }).map((n) => pad(n, 3));

const pns = fc
  .record({
    birth,
    gender,
    serial,
    years: fc.integer({ min: 0, max: 60 }),
    month: fc.integer({ min: 1, max: 12 }),
  })
  .filter(({ birth: b, years, month }) => b.year + years <= 2100 && (years > 0 || month >= b.month))
  .map(({ birth: b, gender: g, serial: s, years, month }) => ({
    value: `${b.year}${pad(b.month)}${pad(b.day)}${b.year + years}${pad(month)}${g}${s}`,
    birthDate: `${b.year}-${pad(b.month)}-${pad(b.day)}`,
    appointment: `${b.year + years}-${pad(month)}`,
    gender: g === '1' ? 'male' : 'female',
    serial: s,
  }));

const pppk = fc
  .record({
    birth,
    gender,
    serial,
    year: fc.integer({ min: firstPppkYear, max: 2100 }),
    digits: fc.constantFrom(...pppkDigits),
  })
  .filter(({ birth: b, year }) => year >= b.year)
  .map(({ birth: b, gender: g, serial: s, year, digits }) => ({
    value: `${b.year}${pad(b.month)}${pad(b.day)}${year}${digits}${g}${s}`,
    birthDate: `${b.year}-${pad(b.month)}-${pad(b.day)}`,
    appointment: String(year),
    gender: g === '1' ? 'male' : 'female',
    serial: s,
  }));

describe('given numbers built from valid parts', () => {
  it('when a PNS NIP is parsed, then it is of kind PNS and gives its parts back', () => {
    fc.assert(
      fc.property(pns, ({ value, ...parts }) => {
        expect(parseNip(value)).toEqual({ ok: true, nip: { value, kind: 'PNS', ...parts } });
      }),
    );
  });

  it('when an NI PPPK is parsed, then it is of kind PPPK and gives its parts back', () => {
    fc.assert(
      fc.property(pppk, ({ value, ...parts }) => {
        expect(parseNip(value)).toEqual({ ok: true, nip: { value, kind: 'PPPK', ...parts } });
      }),
    );
  });

  it('when the gender digit is anything but 1 or 2, then the gender part is wrong, in either layout', () => {
    const wrong = fc.constantFrom('0', '3', '4', '5', '6', '7', '8', '9', 'x', ' ');
    fc.assert(
      fc.property(fc.oneof(pns, pppk), wrong, ({ value }, digit) => {
        const result = parseNip(value.slice(0, 14) + digit + value.slice(15));
        expect(result).toMatchObject({ ok: false, part: 'gender' });
      }),
    );
  });

  it('when the serial is 000, then the serial part is wrong, in either layout', () => {
    fc.assert(
      fc.property(fc.oneof(pns, pppk), ({ value }) => {
        expect(parseNip(`${value.slice(0, 15)}000`)).toMatchObject({ ok: false, part: 'serial' });
      }),
    );
  });

  it('when an NI PPPK’s contract year is moved before 2019, then only the appointment part is wrong', () => {
    fc.assert(
      fc.property(pppk, fc.integer({ min: 1900, max: firstPppkYear - 1 }), ({ value }, year) => {
        const result = parseNip(value.slice(0, 8) + String(year) + value.slice(12));
        expect(result).toMatchObject({ ok: false, part: 'appointment' });
        expect(result.ok ? '' : result.message).toMatch(/^NI PPPK digits 9-12/);
      }),
    );
  });
});

describe('given any 18 characters', () => {
  const anyDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 });
  const anyText = fc.oneof(anyDigits, fc.string({ minLength: 18, maxLength: 18 }));

  it('when parsed, then it is valid with the kind digits 13-14 name, or wrong in exactly one named part', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const result = parseNip(input);
        if (result.ok) {
          expect(result.nip.kind).toBe(pppkDigits.includes(input.slice(12, 14)) ? 'PPPK' : 'PNS');
          expect(result.nip.kind).toBe(nipKind(input));
        } else {
          expect(['birthDate', 'appointment', 'gender', 'serial']).toContain(result.part);
          expect(result.message).toMatch(/^(NIP|NI PPPK) /);
          // Both languages name the same problem.
          expect(parseNip(input, 'id')).toMatchObject({ ok: false, part: result.part });
        }
      }),
    );
  });

  it('when it has another length, then the length part is wrong', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => s.length !== 18),
        (input) => {
          expect(parseNip(input)).toMatchObject({ ok: false, part: 'length' });
        },
      ),
    );
  });
});
