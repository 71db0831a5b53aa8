// Instants as people read them, on the wall clock of the organisation's zone with the zone's name.
import { describe, expect, it } from 'vitest';
import { localDateTimeText, localStampText } from '../../../domain/time/local-text.ts';

describe('localStampText', () => {
  it('gives the local day and time with the zone, where UTC is still on the day before', () => {
    const at = '2027-04-13T16:59:59.000Z';
    expect(localStampText(at, 'Asia/Jakarta')).toBe('2027-04-13 23:59 WIB');
    expect(localStampText(at, 'Asia/Makassar')).toBe('2027-04-14 00:59 WITA');
    expect(localStampText(new Date(at), 'Asia/Jayapura')).toBe('2027-04-14 01:59 WIT');
  });

  it('names any other zone by its IANA name', () => {
    expect(localStampText('2027-01-01T00:00:00Z', 'UTC')).toBe('2027-01-01 00:00 UTC');
  });

  it('agrees with the text the pages show', () => {
    expect(localDateTimeText('2027-04-13T16:59:59.000Z', 'Asia/Makassar', 'en')).toBe(
      '14 Apr 2027 00:59 WITA',
    );
  });
});
