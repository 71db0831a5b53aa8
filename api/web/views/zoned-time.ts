// A time as the person reads it on the organisation's wall clock, with the zone named (WIB, WITA, WIT):
// a deadline of 23:59:59 WITA is shown as 23:59 WITA, never as a bare time a reader in Jakarta misreads.
import { indonesianTimeZones } from '../../../domain/time/zones.ts';
import type { Translate } from '../i18n/index.ts';

const labels = new Map<string, string>(
  Object.entries(indonesianTimeZones).map(([label, zone]) => [zone, label]),
);

export function zonedDateTime(t: Translate, iso: string | Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat(t.lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return `${format.format(new Date(iso))} ${labels.get(timeZone) ?? timeZone}`;
}
