// Daily activity reports: a person's own, or their direct reports' (the supervisor sees them all year).
import type { Kysely } from 'kysely';
import type { Database } from '../../schema/database.ts';

export interface ActivityReport {
  appraisalId: string;
  reportId: string;
  nip: string;
  date: string;
  description: string;
  createdAt: string;
}

export interface ActivityReportQuery {
  /** ISO dates, inclusive */
  from?: string;
  to?: string;
  limit: number;
}

/** Newest first: `whose` is the author's NIP, or the supervisor's for their direct reports' reports. */
export async function activityReports(
  db: Kysely<Database>,
  org: string,
  whose: { nip: string } | { supervisorNip: string },
  q: ActivityReportQuery,
): Promise<ActivityReport[]> {
  let select = db
    .selectFrom('activity_reports')
    .selectAll()
    .where('org_id', '=', org)
    .where('nip' in whose ? 'nip' : 'supervisor_nip', '=', 'nip' in whose ? whose.nip : whose.supervisorNip)
    .orderBy('date', 'desc')
    .orderBy('report_id')
    .limit(q.limit);
  if (q.from) select = select.where('date', '>=', q.from);
  if (q.to) select = select.where('date', '<=', q.to);
  return (await select.execute()).map((r) => ({
    appraisalId: r.appraisal_id,
    reportId: r.report_id,
    nip: r.nip,
    date: r.date,
    description: r.description,
    createdAt: r.created_at.toISOString(),
  }));
}
