// The demo organisations' first standards round (demo/standards.ts), appended to the event log with its
// projections, so a fresh installation has a published standard for every position. An organisation
// whose round is stored already is left as it is.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { organisations } from '../demo/data.ts';
import { demoStandardsRound } from '../demo/standards.ts';
import { eventSchemas } from '../domain/event-registry.ts';
import { standardsRoundIdFor, standardsStreamId } from '../domain/ids.ts';
import { projections } from '../record/projections/index.ts';
import { appendToStream, type NewEvent } from '../record/store/index.ts';
import type { Database } from '../schema/database.ts';

/** Seeds the first round of each of these demo organisations that has none; answers their ids. */
export async function seedDemoStandards(
  db: Kysely<Database>,
  orgIds: readonly string[],
  at = new Date().toISOString(),
): Promise<string[]> {
  const seeded: string[] = [];
  for (const org of organisations.filter((o) => orgIds.includes(o.id))) {
    const streamId = standardsStreamId(standardsRoundIdFor(org.id, 1));
    const stored = await db
      .selectFrom('streams')
      .select('version')
      .where('stream_id', '=', streamId)
      .executeTakeFirst();
    if (stored) continue;
    const events = demoStandardsRound(org, at).map(
      (event) =>
        ({
          eventId: randomUUID(),
          type: event.type,
          data: event.data,
          metadata: { actor: 'by' in event.data ? event.data.by : 'system:demo', tenant: org.id },
        }) as NewEvent<typeof eventSchemas>,
    );
    await appendToStream(db, eventSchemas, streamId, events, { expectedVersion: 'no_stream', projections });
    seeded.push(org.id);
  }
  return seeded;
}
