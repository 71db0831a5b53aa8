// Checks a closed cycle's seal against the log: the streams up to the sealed position must still hash
// to the stored digest (the seal is made when the cycle closes: record/projections/cycle-seal.ts).
import type { Kysely } from 'kysely';
import { closedEventOf, type Seal, sealDigest, storedSeal } from '../record/projections/cycle-seal.ts';
import type { Database } from '../schema/database.ts';

export type SealCheck =
  | { status: 'open' }
  | { status: 'intact'; seal: Seal }
  | { status: 'missing'; detail: string }
  | { status: 'broken'; seal: Seal; detail: string };

/** Whether a closed cycle's streams up to its sealed position still hash to its stored seal. */
export async function checkSeal(db: Kysely<Database>, cycleId: string): Promise<SealCheck> {
  const closed = await closedEventOf(db, cycleId);
  const stored = await storedSeal(db, cycleId);
  if (!closed && !stored) return { status: 'open' };
  if (!stored) return { status: 'missing', detail: `cycle ${cycleId} closed but has no seal` };
  if (!closed) {
    return {
      status: 'broken',
      seal: stored,
      detail: `the cycle is sealed at position ${stored.position} but its cycle.closed event is gone`,
    };
  }
  if (closed.global_position !== stored.position) {
    return {
      status: 'broken',
      seal: stored,
      detail: `the seal is at position ${stored.position} but cycle.closed is at ${closed.global_position}`,
    };
  }
  const { digest, streams } = await sealDigest(db, cycleId, stored.position);
  const seal = { ...stored, streams };
  if (digest !== stored.digest) {
    return {
      status: 'broken',
      seal,
      detail: `the ${streams} streams up to position ${stored.position} hash to ${digest}, not to the seal ${stored.digest}`,
    };
  }
  return { status: 'intact', seal };
}
