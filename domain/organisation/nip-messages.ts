// What parseNip (nip.ts) says about a wrong NIP or NI PPPK, in each language. The English texts are the
// ones the import and the API answer with; `siklus rules nip` speaks either language.
import type { Lang } from '../vocabulary/languages.ts';

type Label = 'NIP' | 'NI PPPK';

export interface NipMessages {
  length(chars: number): string;
  birthDigits(label: Label, digits: string): string;
  birthYear(label: Label, year: number, min: number, max: number): string;
  birthNotReal(label: Label, digits: string): string;
  pnsDigits(digits: string): string;
  pnsYear(year: number, min: number, max: number): string;
  pnsMonth(digits: string, month: number, pppkDigits: readonly string[]): string;
  pnsBeforeBirth(digits: string, birth: string): string;
  pppkYearDigits(digits: string): string;
  pppkYear(year: number, first: number, max: number): string;
  pppkBeforeBirth(year: string, birth: string): string;
  gender(label: Label, digit: string): string;
  serial(label: Label, digits: string): string;
}

const en: NipMessages = {
  length: (n) => `NIP must be exactly 18 digits; got ${n} character${n === 1 ? '' : 's'}`,
  birthDigits: (l, d) => `${l} birth date (digits 1-8) must be digits only; got '${d}'`,
  birthYear: (l, y, min, max) => `${l} birth date (digits 1-8) has year ${y}; it must be ${min}-${max}`,
  birthNotReal: (l, d) => `${l} birth date (digits 1-8) '${d}' is not a real date`,
  pnsDigits: (d) => `NIP appointment (digits 9-14) must be digits only; got '${d}'`,
  pnsYear: (y, min, max) => `NIP appointment (digits 9-14) has year ${y}; it must be ${min}-${max}`,
  pnsMonth: (d, m, pppk) =>
    `NIP appointment (digits 9-14) '${d}' has month ${m}; it must be 01-12 (an NI PPPK has ${pppk.join(' or ')} in digits 13-14)`,
  pnsBeforeBirth: (d, b) => `NIP appointment (digits 9-14) '${d}' is before the birth date '${b}'`,
  pppkYearDigits: (d) =>
    `NI PPPK digits 9-12 (the year of the first contract) must be digits only; got '${d}'`,
  pppkYear: (y, first, max) =>
    `NI PPPK digits 9-12 (the year of the first contract) are ${y}; it must be ${first}-${max}, as PPPK were first appointed in ${first}`,
  pppkBeforeBirth: (y, b) =>
    `NI PPPK digits 9-12 (the year of the first contract) '${y}' are before the birth date '${b}'`,
  gender: (l, d) => `${l} gender (digit 15) must be 1 (male) or 2 (female); got '${d}'`,
  serial: (l, d) => `${l} serial (digits 16-18) must be 001-999; got '${d}'`,
};

const id: NipMessages = {
  length: (n) => `NIP atau NI PPPK harus tepat 18 angka; yang diberikan ${n} karakter`,
  birthDigits: (l, d) => `tanggal lahir ${l} (digit 1-8) harus berupa angka; tertulis '${d}'`,
  birthYear: (l, y, min, max) => `tanggal lahir ${l} (digit 1-8) bertahun ${y}; seharusnya ${min}-${max}`,
  birthNotReal: (l, d) => `tanggal lahir ${l} (digit 1-8) '${d}' bukan tanggal yang ada`,
  pnsDigits: (d) => `TMT pengangkatan NIP (digit 9-14) harus berupa angka; tertulis '${d}'`,
  pnsYear: (y, min, max) => `TMT pengangkatan NIP (digit 9-14) bertahun ${y}; seharusnya ${min}-${max}`,
  pnsMonth: (d, m, pppk) =>
    `TMT pengangkatan NIP (digit 9-14) '${d}' berbulan ${m}; seharusnya 01-12 (NI PPPK memuat ${pppk.join(' atau ')} pada digit 13-14)`,
  pnsBeforeBirth: (d, b) => `TMT pengangkatan NIP (digit 9-14) '${d}' lebih awal dari tanggal lahir '${b}'`,
  pppkYearDigits: (d) =>
    `digit 9-12 NI PPPK (tahun perjanjian kerja pertama) harus berupa angka; tertulis '${d}'`,
  pppkYear: (y, first, max) =>
    `digit 9-12 NI PPPK (tahun perjanjian kerja pertama) adalah ${y}; seharusnya ${first}-${max}, karena PPPK pertama kali diangkat pada ${first}`,
  pppkBeforeBirth: (y, b) =>
    `digit 9-12 NI PPPK (tahun perjanjian kerja pertama) '${y}' lebih awal dari tanggal lahir '${b}'`,
  gender: (l, d) => `jenis kelamin ${l} (digit 15) harus 1 (laki-laki) atau 2 (perempuan); tertulis '${d}'`,
  serial: (l, d) => `nomor urut ${l} (digit 16-18) harus 001-999; tertulis '${d}'`,
};

export const nipMessages: Readonly<Record<Lang, NipMessages>> = { id, en };
