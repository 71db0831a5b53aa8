// `siklus rules nip <number> [--json] [--lang id|en]` (cli/rules.ts hands `nip` here): explains an 18-digit NIP (PNS) or NI PPPK part by
// part, or names the part that is wrong (domain/organisation/nip.ts). Needs no database. Exit codes: 0 it
// ran (the number valid or not), 2 bad arguments.
import { parseArgs } from 'node:util';
import { type Nip, type NipPart, parseNip } from '../domain/organisation/nip.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import { UsageError } from './arguments.ts';

const usageText = `usage:
  siklus rules nip <18-digit NIP or NI PPPK> [--json] [--lang id|en]`;

export async function nipRule(rest: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { json: { type: 'boolean' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.lang !== undefined && values.lang !== 'id' && values.lang !== 'en')
      throw new UsageError('--lang is id or en');
    const [number, ...extra] = positionals;
    if (number === undefined) throw new UsageError('give the number to explain');
    if (extra.length > 0)
      throw new UsageError(`give the number as one argument, without spaces; got ${positionals.length}`);
    const lang: Lang = values.lang === 'en' ? 'en' : 'id';
    console.log(values.json ? JSON.stringify(nipAsJson(number, lang)) : explainNip(number, lang));
    return 0;
  } catch (error) {
    console.error(`siklus rules: ${error instanceof Error ? error.message : String(error)}\n${usageText}`);
    return 2;
  }
}

type NipJson = ({ valid: true } & Omit<Nip, 'value'>) | { valid: false; part: NipPart; message: string };

/** The one line of --json: the parts, or the wrong part and why. */
export function nipAsJson(number: string, lang: Lang): NipJson {
  const result = parseNip(number, lang);
  if (!result.ok) return { valid: false, part: result.part, message: result.message };
  const { kind, birthDate, appointment, gender, serial } = result.nip;
  return { valid: true, kind, birthDate, appointment, gender, serial };
}

const words = {
  id: {
    valid: (n: string, label: string, kind: string) => `${n} adalah ${label} (${kind}) yang sah.`,
    invalid: (n: string) => `${n} bukan NIP atau NI PPPK yang sah.`,
    wrongPart: 'bagian yang salah',
    digit: 'digit',
    birthDate: 'tanggal lahir',
    pnsAppointment: 'TMT CPNS (tahun dan bulan)',
    pppkYear: 'tahun perjanjian kerja pertama',
    pppkDigits: 'kode PPPK',
    gender: 'jenis kelamin',
    serial: 'nomor urut',
    male: 'laki-laki',
    female: 'perempuan',
    parts: {
      length: 'panjang',
      birthDate: 'tanggal lahir',
      appointment: 'pengangkatan',
      gender: 'jenis kelamin',
      serial: 'nomor urut',
    },
    locale: 'id-ID',
  },
  en: {
    valid: (n: string, label: string, kind: string) => `${n} is a valid ${label} (${kind}).`,
    invalid: (n: string) => `${n} is not a valid NIP or NI PPPK.`,
    wrongPart: 'wrong part',
    digit: 'digits',
    birthDate: 'birth date',
    pnsAppointment: 'appointment as CPNS (year and month)',
    pppkYear: 'year of the first contract',
    pppkDigits: 'PPPK digits',
    gender: 'gender',
    serial: 'serial',
    male: 'male',
    female: 'female',
    parts: {
      length: 'length',
      birthDate: 'birth date',
      appointment: 'appointment',
      gender: 'gender',
      serial: 'serial',
    },
    locale: 'en-GB',
  },
} as const;

/** The readable explanation, one language throughout. */
export function explainNip(number: string, lang: Lang): string {
  const w = words[lang];
  const result = parseNip(number, lang);
  if (!result.ok)
    return `${w.invalid(number)}\n  ${w.wrongPart}: ${w.parts[result.part]}\n  ${result.message}`;
  const nip = result.nip;
  const when = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Date(`${iso}T00:00:00Z`).toLocaleDateString(w.locale, { timeZone: 'UTC', ...options });
  const digits = (range: string) => `${lang === 'en' && !range.includes('-') ? 'digit' : w.digit} ${range}`;
  const rows: Array<[string, string, string]> = [
    [digits('1-8'), w.birthDate, when(nip.birthDate, { day: 'numeric', month: 'long', year: 'numeric' })],
    ...(nip.kind === 'PPPK'
      ? ([
          [digits('9-12'), w.pppkYear, nip.appointment],
          [digits('13-14'), w.pppkDigits, nip.value.slice(12, 14)],
        ] as Array<[string, string, string]>)
      : ([
          [
            digits('9-14'),
            w.pnsAppointment,
            when(`${nip.appointment}-01`, { month: 'long', year: 'numeric' }),
          ],
        ] as Array<[string, string, string]>)),
    [digits('15'), w.gender, w[nip.gender]],
    [digits('16-18'), w.serial, nip.serial],
  ];
  const width = (i: 0 | 1) => Math.max(...rows.map((r) => r[i].length));
  const lines = rows.map(([d, part, value]) => `  ${d.padEnd(width(0))}  ${part.padEnd(width(1))}  ${value}`);
  const label = nip.kind === 'PPPK' ? 'NI PPPK' : 'NIP';
  return [w.valid(number, label, nip.kind), ...lines].join('\n');
}
