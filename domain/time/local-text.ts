// Instants as people read them: the day and time on the wall clock of their organisation's zone, with the
// zone's name, so "13 Apr 2026 23:59 WIB" means the same to everyone who reads it (pages, e-mails).
import { Temporal } from 'temporal-polyfill';
import type { Lang } from '../vocabulary/types.ts';
import { zoneAbbreviation } from './zones.ts';

const locales: Readonly<Record<Lang, string>> = { id: 'id-ID', en: 'en-GB' };

// Formatters are costly to build and are used for every date of a page: one per language and zone.
const formatters = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(lang: Lang, timeZone: string) {
  const key = `${lang} ${timeZone}`;
  let found = formatters.get(key);
  if (!found) {
    const locale = locales[lang];
    found = {
      day: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
      time: new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
    };
    formatters.set(key, found);
  }
  return found;
}

/** The local day, e.g. "13 Apr 2026" (the zone decides which day an instant near midnight falls on). */
export function localDateText(at: string | Date, timeZone: string, lang: Lang): string {
  return formattersFor(lang, timeZone).day.format(new Date(at));
}

/** The local day and time with the zone, e.g. "13 Apr 2026 23:59 WIB" (Indonesian: "23.59 WIB"). */
export function localDateTimeText(at: string | Date, timeZone: string, lang: Lang): string {
  const { day, time } = formattersFor(lang, timeZone);
  const date = new Date(at);
  return `${day.format(date)} ${time.format(date)} ${zoneAbbreviation(timeZone)}`;
}

/** The local day of an instant as YYYY-MM-DD (what a date field shows as "today"). */
export function localIsoDate(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toString();
}

/** An instant as ISO 8601 local date-time with the zone's offset, e.g. "2026-04-14T23:59:59+07:00". */
export function localOffsetIso(at: string, timeZone: string): string {
  return Temporal.Instant.from(at).toZonedDateTimeISO(timeZone).toString({ timeZoneName: 'never' });
}

/**
 * The local day and time to the minute with the zone, in one sortable form for every language, e.g.
 * "2027-04-13 23:59 WIB": what the command line prints at the head of a line.
 */
export function localStampText(at: string | Date, timeZone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime()).toZonedDateTimeISO(timeZone);
  const time = local.toPlainTime().toString({ smallestUnit: 'minute' });
  return `${local.toPlainDate().toString()} ${time} ${zoneAbbreviation(timeZone)}`;
}
