// The 18-digit numbers of the two kinds of ASN. Both start with the birth date and end with the gender
// digit and a serial; digits 9-14 differ, and digits 13-14 tell the layouts apart.
//
// NIP of a PNS (Perka BKN 22/2007):
//   digits 1-8   birth date YYYYMMDD (a real calendar date; years 1900..2100 are plausible)
//   digits 9-14  appointment (TMT CPNS) year and month YYYYMM (years 1900..2100, months 01-12),
//                not before the birth month. Minimum age at appointment is NOT checked: old records
//                and conversions have exceptions, so a rule there would reject real people.
//   digit 15     gender: 1 male, 2 female
//   digits 16-18 serial among people with the same other digits: 001-999 (000 is never issued)
//
// NI PPPK (Nomor Induk PPPK, issued by BKN since the first contracts of 2019):
//   digits 1-8   birth date, as above
//   digits 9-12  year of the first contract as a PPPK, 2019 or later, not before the birth year
//   digits 13-14 the PPPK digits, standing where a PNS number has its month: 21, and 24 for the part-time
//                PPPK (paruh waktu) appointed from 2025. Sources: the explanation of the NIP PPPK at
//                rbtv.disway.id/amp/72478 and of the NI PPPK at foppsirokanhulu.blogspot.com (2024/03),
//                and the issued numbers quoted in them and at swarawarta.co.id (e.g. 199312282025212001,
//                199009132025242014). Neither is a month, so no number fits both layouts.
//   digit 15     gender, as above
//   digits 16-18 serial, as above
import { z } from 'zod';
import { isRealDate } from '../time/dates.ts';
import type { Lang } from '../vocabulary/languages.ts';
import { nipMessages } from './nip-messages.ts';

export type NipKind = 'PNS' | 'PPPK';

export type Nip = {
  /** The 18 digits. */
  value: string;
  kind: NipKind;
  birthDate: string; // YYYY-MM-DD
  /** PNS: the appointment month, YYYY-MM. PPPK: the year of the first contract, YYYY. */
  appointment: string;
  gender: 'male' | 'female';
  /** The three digits as written, e.g. '003'. */
  serial: string;
};

export type NipPart = 'length' | 'birthDate' | 'appointment' | 'gender' | 'serial';

export type NipParse = { ok: true; nip: Nip } | { ok: false; part: NipPart; message: string };

/** Digits 13-14 of an NI PPPK (see above); every other pair is read as a PNS number's month. */
export const pppkDigits: readonly string[] = ['21', '24'];
/** The year of the first PPPK contracts. */
export const firstPppkYear = 2019;

const minYear = 1900;
const maxYear = 2100;

/**
 * Which layout an 18-digit number is read by: its digits 13-14. Also for numbers recorded before the
 * layouts were checked, which parseNip may refuse.
 */
export function nipKind(value: string): NipKind {
  return pppkDigits.includes(value.slice(12, 14)) ? 'PPPK' : 'PNS';
}

/**
 * Checks a NIP or NI PPPK exactly as given (no spaces or separators) by the layout its digits 13-14 name;
 * the first wrong part, left to right, is reported in the language asked for (English by default).
 */
export function parseNip(input: string, lang: Lang = 'en'): NipParse {
  const say = nipMessages[lang];
  if (input.length !== 18) return fail('length', say.length(input.length));
  const kind = nipKind(input);
  const label = kind === 'PPPK' ? 'NI PPPK' : 'NIP';

  const birth = input.slice(0, 8);
  if (!isDigits(birth)) return fail('birthDate', say.birthDigits(label, birth));
  const by = Number(birth.slice(0, 4));
  const bm = Number(birth.slice(4, 6));
  const bd = Number(birth.slice(6, 8));
  if (by < minYear || by > maxYear) return fail('birthDate', say.birthYear(label, by, minYear, maxYear));
  if (!isRealDate(by, bm, bd)) return fail('birthDate', say.birthNotReal(label, birth));

  let appointment: string;
  if (kind === 'PPPK') {
    const year = input.slice(8, 12);
    if (!isDigits(year)) return fail('appointment', say.pppkYearDigits(year));
    const ay = Number(year);
    if (ay < firstPppkYear || ay > maxYear)
      return fail('appointment', say.pppkYear(ay, firstPppkYear, maxYear));
    if (ay < by) return fail('appointment', say.pppkBeforeBirth(year, birth));
    appointment = year;
  } else {
    const digits = input.slice(8, 14);
    if (!isDigits(digits)) return fail('appointment', say.pnsDigits(digits));
    const ay = Number(digits.slice(0, 4));
    const am = Number(digits.slice(4, 6));
    if (ay < minYear || ay > maxYear) return fail('appointment', say.pnsYear(ay, minYear, maxYear));
    if (am < 1 || am > 12) return fail('appointment', say.pnsMonth(digits, am, pppkDigits));
    if (ay * 12 + am < by * 12 + bm) return fail('appointment', say.pnsBeforeBirth(digits, birth));
    appointment = `${digits.slice(0, 4)}-${digits.slice(4, 6)}`;
  }

  const gender = input.slice(14, 15);
  if (gender !== '1' && gender !== '2') return fail('gender', say.gender(label, gender));

  const serial = input.slice(15, 18);
  if (!isDigits(serial) || serial === '000') return fail('serial', say.serial(label, serial));

  return {
    ok: true,
    nip: {
      value: input,
      kind,
      birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      appointment,
      gender: gender === '1' ? 'male' : 'female',
      serial,
    },
  };
}

// Recorded NIPs are checked for their shape only, so that no stored event, replayed command or issued
// token stops validating; a NIP entering the system anew (import, a late joiner) is checked in full.

/** Any 18 digits: a NIP as events, workflow commands (replayed from history) and identity tokens hold it. */
export const nipSchema = z.string().regex(/^\d{18}$/, 'NIP must be 18 digits');

/** A NIP or NI PPPK entering the system anew: parseNip accepts it; the issue message names the wrong part. */
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
