// Idempotency claims expire: a claim is a lease (`claimed_until`) held under a `claim_id`, so a key
// whose process died mid-request can be claimed again once the lease runs out, and a slow first
// attempt cannot overwrite the answer of the attempt that took its claim over.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('idempotency_keys')
    .addColumn('claim_id', 'uuid')
    .addColumn('claimed_until', 'timestamptz')
    .execute();
  // Claims left by earlier versions never ended: give them the lease they would have had.
  await sql`update idempotency_keys set claimed_until = created_at + interval '1 minute'
    where status is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('idempotency_keys').dropColumn('claim_id').dropColumn('claimed_until').execute();
}
