// How far away a task's deadline is, in the days a reader counts on the wall clock of their organisation's
// zone (WIB unless it has chosen WITA or WIT), and deadlines written with that zone.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../api/web/i18n/index.ts';
import { dueText } from '../../../api/web/views/inbox.ts';

const t = translator('en');
const at = (iso: string) => new Date(iso);

describe('dueText', () => {
  it('says tomorrow for a deadline after local midnight, even one hour away', () => {
    // 23:30 WIB on 1 March; the deadline is 00:30 WIB on 2 March.
    expect(dueText(t, '2027-03-01T17:30:00.000Z', at('2027-03-01T16:30:00.000Z'))).toEqual({
      text: t('due.tomorrow'),
      overdue: false,
    });
  });

  it('says today for a deadline later the same local day, even 20 hours away', () => {
    // 00:30 WIB on 2 March; the deadline is 23:59:59 WIB the same day.
    expect(dueText(t, '2027-03-02T16:59:59.000Z', at('2027-03-01T17:30:00.000Z')).text).toBe(t('due.today'));
  });

  it('counts local days ahead and overdue', () => {
    expect(dueText(t, '2027-03-05T16:59:59.000Z', at('2027-03-01T17:30:00.000Z')).text).toBe(
      t('due.inDays', { n: 3 }),
    );
    expect(dueText(t, '2027-02-27T16:59:59.000Z', at('2027-03-01T17:30:00.000Z'))).toEqual({
      text: t('due.overdue', { n: 3 }),
      overdue: true,
    });
    // Passed an hour ago, the same local day: overdue by one day at the least.
    expect(dueText(t, '2027-03-01T16:30:00.000Z', at('2027-03-01T17:30:00.000Z')).overdue).toBe(true);
  });
});

describe('given an organisation in WIT or WITA', () => {
  const wit = translator('en', 'Asia/Jayapura');
  const witaId = translator('id', 'Asia/Makassar');

  it('when a deadline is shown, then it is the local day and time with the zone, never the UTC one', () => {
    // 23:59:59 WIT on 13 April is 14:59:59 UTC; 23:59:59 WITA is 15:59:59 UTC.
    expect(wit.dateTime('2026-04-13T14:59:59.000Z')).toBe('13 Apr 2026 23:59 WIT');
    expect(witaId.dateTime('2026-04-13T15:59:59.000Z')).toBe('13 Apr 2026 23.59 WITA');
    expect(t.dateTime('2026-04-13T16:59:59.000Z')).toBe('13 Apr 2026 23:59 WIB');
    // 00:00 WIT on 31 March is still 30 March in UTC: the page says 31 March.
    expect(wit.date('2026-03-30T15:00:00.000Z')).toBe('31 Mar 2026');
  });

  it("when 'today' is counted, then it is the organisation's day: 16:00 UTC is already the next day in WIT", () => {
    // The deadline is 23:59:59 WIT on 2 March (21:59:59 WIB). At 16:00 UTC on 1 March it is 01:00 on
    // 2 March in WIT (due today) but 23:00 on 1 March in WIB (due tomorrow).
    const deadline = '2027-03-02T14:59:59.000Z';
    expect(dueText(wit, deadline, at('2027-03-01T16:00:00.000Z')).text).toBe(wit('due.today'));
    expect(dueText(t, deadline, at('2027-03-01T16:00:00.000Z')).text).toBe(t('due.tomorrow'));
  });
});
