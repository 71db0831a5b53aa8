// The translator of one request: t(key, vars) looks a key up in the person's language and throws on a
// missing key, so a page that would show a raw key fails loudly (in tests, on every page).

import { type Lang, languages } from '../../../domain/vocabulary/vocabulary.ts';
import { en } from './en.ts';
import { id } from './id.ts';

export { type Lang, languages };
export const catalogues: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { id, en };

export class MissingTranslation extends Error {}

export type Translate = ((key: string, vars?: Record<string, string | number>) => string) & {
  lang: Lang;
  /** Dates and times as Indonesians in WIB or English readers expect them. */
  date: (iso: string | Date) => string;
  dateTime: (iso: string | Date) => string;
  number: (n: number, digits?: number) => string;
};

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

export function translator(lang: Lang): Translate {
  const catalogue = catalogues[lang];
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  // The three demo instansi, like most of Indonesia's people, live in WIB.
  const timeZone = 'Asia/Jakarta';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const t = ((key: string, vars?: Record<string, string | number>) => {
    const text = catalogue[key];
    if (text === undefined) throw new MissingTranslation(`missing ${lang} text for "${key}"`);
    return vars ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : text;
  }) as Translate;
  t.lang = lang;
  t.date = (iso) => day.format(new Date(iso));
  t.dateTime = (iso) => dayTime.format(new Date(iso));
  t.number = (n, digits = 0) =>
    n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return t;
}
