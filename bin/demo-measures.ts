// The demo organisations' service measures (demo/measures.ts): their definitions and this year's values
// so far, for the organisations seeded just now (an organisation seeded before keeps what it has).
import type { Kysely } from 'kysely';
import { organisations } from '../demo/data.ts';
import { demoMeasures, demoMeasureValues } from '../demo/measures.ts';
import { importPostedValues, upsertMeasures } from '../organisation/measures.ts';
import type { Database } from '../schema/database.ts';

/** Seeds the measures of these demo organisations; answers how many values were written. */
export async function seedDemoMeasures(
  db: Kysely<Database>,
  orgIds: readonly string[],
  at = new Date().toISOString(),
): Promise<number> {
  let written = 0;
  const year = Number(at.slice(0, 4));
  for (const org of organisations.filter((o) => orgIds.includes(o.id))) {
    await upsertMeasures(db, org.id, demoMeasures);
    const values = demoMeasureValues(org, year, at);
    // Through the same checks as an import, each value with its own source and time.
    for (const source of [...new Set(values.map((v) => `${v.source}\u0000${v.recordedAt}`))]) {
      const [name = '', recordedAt = ''] = source.split('\u0000');
      const batch = values.filter((v) => v.source === name && v.recordedAt === recordedAt);
      const result = await importPostedValues(db, org.id, 'system:demo', {
        source: name,
        recordedAt,
        values: batch,
      });
      if (!result.ok) throw new Error(`demo measures of ${org.id}: ${JSON.stringify(result)}`);
      written += result.values.length;
    }
  }
  return written;
}
