// How far away a task's deadline is, in the days a reader in WIB counts on the wall clock.
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
