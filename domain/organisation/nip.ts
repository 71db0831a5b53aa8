// NIP (Nomor Induk Pegawai, Perka BKN 22/2007): 18 digits that encode who the civil servant is.
//   digits 1-8   birth date YYYYMMDD (a real calendar date; years 1900..2100 are plausible)
//   digits 9-14  appointment (TMT CPNS) year and month YYYYMM (years 1900..2100, months 01-12),
//                not before the birth month. Minimum age at appointment is NOT checked: old records
//                and conversions have exceptions, so a rule there would reject real people.
//   digit 15     gender: 1 male, 2 female
//   digits 16-18 serial among people with the same other digits: 001-999 (000 is never issued)
import { z } from 'zod';
import { isRealDate } from '../time/dates.ts';

export type Nip = {
  /** The 18 digits. */
  value: string;
  birthDate: string; // YYYY-MM-DD
  appointment: string; // YYYY-MM
  gender: 'male' | 'female';
  /** The three digits as written, e.g. '003'. */
  serial: string;
};

export type NipPart = 'length' | 'birthDate' | 'appointment' | 'gender' | 'serial';

export type NipParse = { ok: true; nip: Nip } | { ok: false; part: NipPart; message: string };

const minYear = 1900;
const maxYear = 2100;

/** Checks a NIP exactly as given (no spaces or separators); the first wrong part, left to right, is reported. */
export function parseNip(input: string): NipParse {
  if (input.length !== 18) {
    const chars = `${input.length} character${input.length === 1 ? '' : 's'}`;
    return fail('length', `NIP must be exactly 18 digits; got ${chars}`);
  }

  const birth = input.slice(0, 8);
  if (!isDigits(birth))
    return fail('birthDate', `NIP birth date (digits 1-8) must be digits only; got '${birth}'`);
  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(4, 6));
  const bd = Number(birth.slice(6, 8));
  if (by < minYear || by > maxYear) {
    return fail('birthDate', `NIP birth date (digits 1-8) has year ${by}; it must be ${minYear}-${maxYear}`);
  }
  if (!isRealDate(by, bm, bd)) {
    return fail('birthDate', `NIP birth date (digits 1-8) '${birth}' is not a real date`);
  }

  const appointment = input.slice(8, 14);
  if (!isDigits(appointment)) {
    return fail('appointment', `NIP appointment (digits 9-14) must be digits only; got '${appointment}'`);
  }
  const ay = Number(appointment.slice(0, 4));
  const am = Number(appointment.slice(4, 6));
  if (ay < minYear || ay > maxYear) {
    return fail(
      'appointment',
      `NIP appointment (digits 9-14) has year ${ay}; it must be ${minYear}-${maxYear}`,
    );
  }
  if (am < 1 || am > 12) {
    return fail(
      'appointment',
      `NIP appointment (digits 9-14) '${appointment}' has month ${am}; it must be 01-12`,
    );
  }
  if (ay * 12 + am < by * 12 + bm) {
    return fail(
      'appointment',
      `NIP appointment (digits 9-14) '${appointment}' is before the birth date '${birth}'`,
    );
  }

  const gender = input.slice(14, 15);
  if (gender !== '1' && gender !== '2') {
    return fail('gender', `NIP gender (digit 15) must be 1 (male) or 2 (female); got '${gender}'`);
  }

  const serial = input.slice(15, 18);
  if (!isDigits(serial) || serial === '000') {
    return fail('serial', `NIP serial (digits 16-18) must be 001-999; got '${serial}'`);
  }

  return {
    ok: true,
    nip: {
      value: input,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      appointment: `${appointment.slice(0, 4)}-${appointment.slice(4, 6)}`,
      gender: gender === '1' ? 'male' : 'female',
      serial,
    },
  };
}

// Recorded NIPs are checked for their shape only, so that no stored event, replayed command or issued
// token stops validating; a NIP entering the system anew (import, a late joiner) is checked in full.

/** Any 18 digits: a NIP as events, workflow commands (replayed from history) and identity tokens hold it. */
export const nipSchema = z.string().regex(/^\d{18}$/, 'NIP must be 18 digits');

/** A NIP entering the system anew: parseNip accepts it; the issue message names the wrong part. */
export const newNipSchema = nipSchema.superRefine((value, ctx) => {
  const result = parseNip(value);
  // Not 18 digits: nipSchema's own issue says so.
  if (!result.ok && nipSchema.safeParse(value).success)
    ctx.addIssue({ code: 'custom', message: result.message, params: { part: result.part } });
});

function fail(part: NipPart, message: string): NipParse {
  return { ok: false, part, message };
}

function isDigits(s: string): boolean {
  return /^[0-9]+$/.test(s);
}
