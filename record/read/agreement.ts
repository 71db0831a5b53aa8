// The performance agreement (SKP) beyond one appraisal's state: a supervisor's own agreed RHK in the
// same cycle (the cascade), and what a quarter's check-in sent (the realisations and evidence live in
// its events).
import type { Kysely } from 'kysely';
import type { Rhk } from '../../domain/appraisal/events.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { appraisalStreamId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';

type Db = Kysely<Database>;

/** The RHK of a person's agreed SKP in a cycle; none when they have no agreed SKP there. */
export async function agreedRhk(db: Db, org: string, cycleId: string, nip: string | null): Promise<Rhk[]> {
  if (!nip) return [];
  const row = await db
    .selectFrom('appraisals')
    .select('state')
    .where('org_id', '=', org)
    .where('cycle_id', '=', cycleId)
    .where('nip', '=', nip)
    .executeTakeFirst();
  const agreement = (row?.state as AppraisalState | undefined)?.agreement;
  if (!agreement || agreement.agreedVersion === null) return [];
  return agreement.versions.find((v) => v.version === agreement.agreedVersion)?.rhk ?? [];
}

export interface CheckInRecord {
  submitted: {
    at: string;
    realisations: Array<{
      indicatorId: string;
      value?: string;
      amount?: number;
      evidence: Array<{ url?: string; note?: string; file?: { sha256: string; name: string; size: number } }>;
    }>;
  } | null;
  feedback: { at: string; feedback: string } | null;
}

/** What was sent in a quarter's check-in and the feedback on it, from the appraisal's event stream. */
export async function checkInRecord(db: Db, appraisalId: string, quarter: string): Promise<CheckInRecord> {
  const rows = await db
    .selectFrom('events')
    .select(['type', 'data'])
    // The appraisal's stream id (workflows/appraisal-input.ts; read/ sits below workflows/).
    .where('stream_id', '=', appraisalStreamId(appraisalId))
    .where('type', 'in', ['checkIn.submitted', 'checkIn.feedbackGiven'])
    .orderBy('stream_version')
    .execute();
  const record: CheckInRecord = { submitted: null, feedback: null };
  for (const row of rows) {
    const data = row.data as { quarter: string; at: string } & Record<string, unknown>;
    if (data.quarter !== quarter) continue;
    if (row.type === 'checkIn.submitted')
      record.submitted = { at: data.at, realisations: data.realisations as never };
    else record.feedback = { at: data.at, feedback: String(data.feedback) };
  }
  return record;
}

/** The supervisor's agreed RHK an appraisal can cascade from, by id → description (for "my appraisal"). */
export async function cascadeLabels(db: Db, org: string, appraisalId: string): Promise<Map<string, string>> {
  const row = await db
    .selectFrom('appraisals')
    .select(['cycle_id', 'supervisor_nip'])
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  const rhk = row ? await agreedRhk(db, org, row.cycle_id, row.supervisor_nip) : [];
  return new Map(rhk.map((r) => [r.id, r.description]));
}
