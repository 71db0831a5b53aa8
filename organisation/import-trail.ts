// A bulk import on the master-data change trail (organisation_changes), in the import's own transaction:
// one entry per record the import created or changed (a row re-sent as it was is no change), with the
// record before and after, as a hand edit records it. The entry's `after` also says it came from an import
// (`via: 'import'`, with the file's line when there is one), so the record's trail tells the two apart.
import type { Transaction } from 'kysely';
import type { Database } from '../schema/database.ts';

type Kind = 'unit' | 'position' | 'employee';

export interface ImportedChange {
  key: string;
  /** The record as it was; undefined when the import created it. */
  before: Record<string, unknown> | undefined;
  after: Record<string, unknown>;
  /** The file's line (a CSV import); absent for a list posted as JSON. */
  line?: number;
}

/** Key order and JSON types do not make a difference (jsonb sorts its keys). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Records the changed ones; returns how many were recorded. */
export async function recordImport(
  trx: Transaction<Database>,
  org: string,
  by: string,
  kind: Kind,
  changes: readonly ImportedChange[],
): Promise<number> {
  const changed = changes.filter((c) => !c.before || canonical(c.before) !== canonical(c.after));
  // In batches: one statement binds at most 65,535 parameters (6 per row).
  for (let i = 0; i < changed.length; i += 1000) {
    await trx
      .insertInto('organisation_changes')
      .values(
        changed.slice(i, i + 1000).map((c) => ({
          org_id: org,
          kind,
          key: c.key,
          by_nip: by,
          before: c.before === undefined ? null : JSON.stringify(c.before),
          after: JSON.stringify({ ...c.after, via: 'import', ...(c.line ? { line: c.line } : {}) }),
        })),
      )
      .execute();
  }
  return changed.length;
}
