// The read trail (migration 0014): each opening of someone's evaluation file, objection file, 360 review
// identities or document is appended before the record is shown, so no read goes unrecorded; auditors read
// it back per cycle (and appraisal). Only what PDP asks to account for: who, whose, what kind, when, which
// request; never the record's content. Nothing here updates or deletes (the table's trigger refuses both).
import type { Kysely } from 'kysely';
import { parseAppraisalId, parseCycleId } from '../domain/ids.ts';
import type { Database, ReadKind } from '../schema/database.ts';

/** The cycle of a subject: an appraisal id, `<cycleId>:<unitCode>` (a penetapan), or a cycle id (all of it). */
export function cycleOfSubject(subject: string): string | undefined {
  if (subject.includes(':')) return subject.slice(0, subject.indexOf(':'));
  return parseAppraisalId(subject)?.cycleId ?? (parseCycleId(subject) ? subject : undefined);
}

export interface ReadEntry {
  /** An appraisal id, `<cycleId>:<unitCode>` for a unit's penetapan, or a cycle id for a whole cycle's log. */
  subject: string;
  readerNip: string;
  kind: ReadKind;
  /** Which document, for a document. */
  detail?: string | null;
  via: 'api' | 'web';
  requestId: string;
}

/** Appends one read; a subject whose cycle cannot be told is refused (a programming error). */
export async function recordRead(db: Kysely<Database>, entry: ReadEntry): Promise<void> {
  const cycleId = cycleOfSubject(entry.subject);
  const orgId = cycleId ? parseCycleId(cycleId)?.orgId : undefined;
  if (!cycleId || !orgId) throw new Error(`read trail: no cycle in subject ${entry.subject}`);
  await db
    .insertInto('read_trail')
    .values({
      org_id: orgId,
      cycle_id: cycleId,
      subject: entry.subject,
      reader_nip: entry.readerNip,
      kind: entry.kind,
      detail: entry.detail ?? null,
      via: entry.via,
      request_id: entry.requestId,
    })
    .execute();
}

export interface ReadLine {
  subject: string;
  readerNip: string;
  kind: ReadKind;
  detail: string | null;
  via: 'api' | 'web';
  requestId: string;
  at: string;
}

/** A cycle's reads, newest first (of one subject when given), at most `limit`. */
export async function readTrailOf(
  db: Kysely<Database>,
  cycleId: string,
  options: { subject?: string; limit?: number } = {},
): Promise<ReadLine[]> {
  let query = db
    .selectFrom('read_trail')
    .select(['subject', 'reader_nip', 'kind', 'detail', 'via', 'request_id', 'read_at'])
    .where('cycle_id', '=', cycleId);
  if (options.subject) query = query.where('subject', '=', options.subject);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((r) => ({
    subject: r.subject,
    readerNip: r.reader_nip,
    kind: r.kind,
    detail: r.detail,
    via: r.via,
    requestId: r.request_id,
    at: r.read_at.toISOString(),
  }));
}
