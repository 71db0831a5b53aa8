// The id every attempt of one keyed request shares: an API call's Idempotency-Key, a web form's key.
// Sent as the Workflow Update id (and the cycle start's memo), so Temporal answers a repeat with the
// first execution's outcome instead of acting twice.
import { createHash } from 'node:crypto';

export function operationIdFor(org: string, nip: string, key: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([org, nip, key]))
    .digest('hex');
  return `idem-${digest.slice(0, 40)}`;
}

/** The Update id of a principal's keyed request; none without a key (an empty one is none). */
export function updateIdFor(me: { org: string; nip: string }, key: string | undefined): string | undefined {
  return key ? operationIdFor(me.org, me.nip, key) : undefined;
}
