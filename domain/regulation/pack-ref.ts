// The dated part of each regulation pack (pack.ts): its id, effective date and windows, apart from the
// matrix and the patterns so that the deciders the workflows run can say which pack they decided under
// without loading those (and their schemas) at every workflow start.
import { localDayOf } from '../time/fixed-offsets.ts';

export interface PackWindows {
  /** Stable id, recorded with the decisions made under it. */
  id: string;
  /** The first local day (YYYY-MM-DD) the pack applies to. */
  effectiveFrom: string;
  /** The keberatan window, in calendar days after the day the result was received. */
  objectionDays: number;
  /** Days before a deadline that a reminder goes out. */
  reminderLeadDays: number;
}

export const asn2023Windows: PackWindows = {
  id: 'asn-2023',
  effectiveFrom: '2023-01-01',
  objectionDays: 14,
  reminderLeadDays: 3,
};

/** Oldest first, one per pack of pack.ts (a unit test holds the two lists equal). */
export const packWindows: readonly PackWindows[] = [asn2023Windows];

/** What a decision event records of the pack it was decided under: its id and effective date. */
export interface PackRef {
  id: string;
  effectiveFrom: string;
}

/** The pack's windows in force on a local day: the latest whose effective date is not after it. */
export function windowsInForce(localDay: string, packs: readonly PackWindows[] = packWindows): PackWindows {
  let found = packs[0] ?? asn2023Windows;
  for (const pack of packs) if (pack.effectiveFrom <= localDay) found = pack;
  return found;
}

/** The pack in force at an instant, on the local day of the organisation's zone (UTC where none is known). */
export function packRefAt(now: string, timeZone?: string): PackRef {
  const { id, effectiveFrom } = windowsInForce(localDayOf(now, timeZone));
  return { id, effectiveFrom };
}
