// Idempotency-Key on POST: a retried request gets the first response and nothing happens twice. The key
// is claimed before the work starts, so a concurrent duplicate is told to retry instead of acting twice.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';
import { ApiProblem } from './problem.ts';

export function idempotentPosts(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    if (key.length > 200)
      throw new ApiProblem(400, 'invalid_idempotency_key', 'Idempotency-Key is at most 200 characters');
    const { db } = c.get('deps');
    const principal = c.get('principal');
    const body = await c.req.raw.clone().text();
    const requestHash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
    const id = { org_id: principal.org, principal_nip: principal.nip, key: key as string };
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({ ...id, request_hash: requestHash })
      .onConflict((oc) => oc.columns(['org_id', 'principal_nip', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!claimed) {
      const first = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('org_id', '=', id.org_id)
        .where('principal_nip', '=', id.principal_nip)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (first.request_hash !== requestHash)
        throw new ApiProblem(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request',
        );
      if (first.status === null)
        throw new ApiProblem(
          409,
          'request_in_progress',
          'The first request with this Idempotency-Key is still running; retry shortly',
        );
      return c.body(first.body ?? '', first.status as 200, {
        'content-type': first.content_type ?? 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    try {
      await next();
    } catch (error) {
      await release();
      throw error;
    }
    if (c.res.status >= 500) return release();
    const text = await c.res.clone().text();
    await db
      .updateTable('idempotency_keys')
      .set({ status: c.res.status, content_type: c.res.headers.get('content-type'), body: text })
      .where('org_id', '=', id.org_id)
      .where('principal_nip', '=', id.principal_nip)
      .where('key', '=', key)
      .execute();

    // A failed attempt frees its key, so the client's retry runs the request again.
    async function release() {
      await db
        .deleteFrom('idempotency_keys')
        .where('org_id', '=', id.org_id)
        .where('principal_nip', '=', id.principal_nip)
        .where('key', '=', id.key)
        .execute();
    }
  };
}
