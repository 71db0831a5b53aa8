// The translator of one request: t(key, vars) looks a key up in the person's language and throws on a
// missing key, so a page that would show a raw key fails loudly (in tests, on every page).

import { localDateText, localDateTimeText } from '../../../domain/time/local-text.ts';
import { defaultTimeZone } from '../../../domain/time/zones.ts';
import { fill, type Lang, languages } from '../../../domain/vocabulary/vocabulary.ts';
import { en } from './en.ts';
import { id } from './id.ts';

export { type Lang, languages };
export const catalogues: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { id, en };

export class MissingTranslation extends Error {}

export type Translate = ((key: string, vars?: Record<string, string | number>) => string) & {
  lang: Lang;
  /** The organisation's zone (WIB, WITA or WIT by IANA name), whose wall clock dates and times show. */
  timeZone: string;
  /** The local day, e.g. "13 Apr 2026". */
  date: (iso: string | Date) => string;
  /** The local day and time with the zone, e.g. "13 Apr 2026 23:59 WIB". */
  dateTime: (iso: string | Date) => string;
  number: (n: number, digits?: number) => string;
};

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** The texts of one language, dates and times in `timeZone` (the reader's organisation's). */
export function translator(lang: Lang, timeZone: string = defaultTimeZone): Translate {
  const catalogue = catalogues[lang];
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const t = ((key: string, vars?: Record<string, string | number>) => {
    const text = catalogue[key];
    if (text === undefined) throw new MissingTranslation(`missing ${lang} text for "${key}"`);
    return vars ? fill(text, vars) : text;
  }) as Translate;
  t.lang = lang;
  t.timeZone = timeZone;
  t.date = (iso) => localDateText(iso, timeZone, lang);
  t.dateTime = (iso) => localDateTimeText(iso, timeZone, lang);
  t.number = (n, digits = 0) =>
    n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return t;
}
