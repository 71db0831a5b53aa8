// Idempotency-Key on POST: a retried request gets the first response and nothing happens twice. The key
// is claimed before the work starts, so a concurrent duplicate is told to retry instead of acting twice.
// A claim is a lease: if its process dies (or PostgreSQL does) before the answer is stored, a retry
// after the lease runs the request again. That is safe because the work is idempotent under the key:
// a Workflow Update is sent with an id derived from the key (api/commands/operation-id.ts), and Temporal
// answers a repeated id with the first execution's outcome. So the retry ends with the true outcome, never a stale "in progress".
import { createHash, randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import { Refusal } from './commands/refusal.ts';
import type { ApiEnv } from './context.ts';

export const defaultLeaseMs = 60_000;

/** What the first request stored under its key, for comparing a retry against. */
export function requestHashFor(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('hex');
}

export function idempotentPosts(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    if (key.length > 200)
      throw new Refusal(400, 'invalid_idempotency_key', 'Idempotency-Key is at most 200 characters');
    const deps = c.get('deps');
    const { db } = deps;
    const principal = c.get('principal');
    const requestHash = requestHashFor(c.req.method, c.req.path, await c.req.raw.clone().text());
    const id = { org_id: principal.org, principal_nip: principal.nip, key };
    const claimId = randomUUID();
    const leaseSeconds = (deps.idempotencyLeaseMs ?? defaultLeaseMs) / 1000;
    const claimedUntil = sql<Date>`now() + make_interval(secs => ${leaseSeconds})`;
    // A new key, or one whose claim lapsed without an answer (its process died or gave up): claim it.
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ ...id, request_hash: requestHash, claim_id: claimId, claimed_until: claimedUntil })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'principal_nip', 'key'])
          .doUpdateSet({ claim_id: claimId, claimed_until: claimedUntil })
          .where('idempotency_keys.status', 'is', null)
          .where('idempotency_keys.request_hash', '=', requestHash)
          .where((eb) =>
            eb.or([
              eb('idempotency_keys.claimed_until', 'is', null),
              eb('idempotency_keys.claimed_until', '<=', sql<Date>`now()`),
            ]),
          ),
      )
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status', 'content_type', 'body'])
        .select(sql<number>`ceil(extract(epoch from claimed_until - now()))::int`.as('seconds_left'))
        .where('org_id', '=', id.org_id)
        .where('principal_nip', '=', id.principal_nip)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== requestHash)
        throw new Refusal(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request',
        );
      if (first.status === null)
        throw new Refusal(
          409,
          'request_in_progress',
          'The first request with this Idempotency-Key is still running; retry shortly',
          {},
          { 'retry-after': String(Math.max(1, first.seconds_left ?? 1)) },
        );
      return c.body(first.body ?? '', first.status as 200, {
        'content-type': first.content_type ?? 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    const mine = () =>
      db
        .updateTable('idempotency_keys')
        .where('org_id', '=', id.org_id)
        .where('principal_nip', '=', id.principal_nip)
        .where('key', '=', key)
        .where('claim_id', '=', claimId)
        .where('status', 'is', null);
    // Ends the claim without an answer, so the client's retry runs the request again.
    const release = () => mine().set({ claimed_until: sql<Date>`now()` }).execute();

    c.set('idempotencyKey', key);
    try {
      await next();
    } catch (error) {
      await release().catch(() => {});
      throw error;
    }
    // A 5xx is no final answer (the outcome may be unknown, or nothing was done): the retry runs again.
    if (c.res.status >= 500) {
      await release().catch((error) => console.error('api: releasing an idempotency claim:', error));
      return;
    }
    const text = await c.res.clone().text();
    try {
      await mine()
        .set({ status: c.res.status, content_type: c.res.headers.get('content-type'), body: text })
        .execute();
    } catch (error) {
      // The work is done and its answer goes out; the claim lapses and a retry re-runs idempotently.
      console.error('api: storing an idempotent response:', error);
    }
  };
}
