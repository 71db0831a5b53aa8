// The evaluation file of one appraisal, for whoever may read it (access.ts mayReadEvaluationFile): folded
// from the appraisal's events in the log (domain/appraisal/evaluation-file.ts), with people's names.
import { type Kysely, sql } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import {
  type EvaluationFile,
  evaluationFile,
  type PeriodFile,
  peopleIn,
  periodDays,
  type RatingRecord,
} from '../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent, Rhk } from '../../domain/appraisal/events.ts';
import { appraisalStreamId, parseCycleId } from '../../domain/ids.ts';
import type { Database } from '../../schema/database.ts';
import { appraisalIsOf, mayReadEvaluationFile } from './access.ts';
import { myAppraisal } from './appraisal.ts';
import { employeeNames } from './people.ts';

export type { EvaluationFile };

/** The file, or why not: no such appraisal in this organisation, or not one the principal may read. */
export type EvaluationFileAnswer = { file: EvaluationFile } | { refused: 'not_found' | 'forbidden' };

export async function evaluationFileOf(
  db: Kysely<Database>,
  principal: Principal,
  org: string,
  appraisalId: string,
): Promise<EvaluationFileAnswer> {
  if (!appraisalIsOf(org, appraisalId)) return { refused: 'not_found' };
  const row = await db
    .selectFrom('appraisals')
    .select(['nip', 'supervisor_nip', 'superior_nip'])
    .select(sql<string | null>`state->'acting'->>'nip'`.as('acting_nip'))
    .where('org_id', '=', org)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  if (!row) return { refused: 'not_found' };
  const parties = {
    employeeNip: row.nip,
    raterNip: row.supervisor_nip,
    superiorNip: row.superior_nip,
    actingNip: row.acting_nip,
  };
  if (!mayReadEvaluationFile(principal, parties)) return { refused: 'forbidden' };
  const rows = await db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', appraisalStreamId(appraisalId))
    .orderBy('stream_version')
    .execute();
  // Every event was checked against its schema when it was appended (record/store).
  const events = rows.map((r) => ({ type: r.type, data: r.data }) as AppraisalEvent);
  const names = await employeeNames(db, org, peopleIn(events));
  return { file: evaluationFile(events, (nip) => names.get(nip) ?? null) };
}

/** What the employee reads of one period of their own appraisal: the ratings, predikat and feedback per RHK. */
export interface PeriodResult {
  period: string;
  firstDay: string;
  lastDay: string;
  rating: RatingRecord | null;
  feedback: PeriodFile['feedback'];
  acknowledgedAt: string | null;
  /** The agreed SKP's RHK, to say which result each feedback is on. */
  rhk: Rhk[];
}

/** A period of my appraisal in a cycle; undefined when I have none there or the period has not opened. */
export async function myPeriodResult(
  db: Kysely<Database>,
  principal: Principal,
  cycleId: string,
  period: string,
): Promise<PeriodResult | undefined> {
  const mine = await myAppraisal(db, principal, cycleId);
  const p = mine?.state.periods[period];
  if (!mine || !p) return undefined;
  const { state } = mine;
  const names = await employeeNames(db, principal.org, [
    ...p.feedback.map((f) => f.by),
    ...(p.rating ? [p.rating.by] : []),
  ]);
  const person = (nip: string) => ({ nip, name: names.get(nip) ?? null });
  const year = parseCycleId(cycleId)?.year ?? new Date().getUTCFullYear();
  const agreed = state.agreement.versions.find((v) => v.version === state.agreement.agreedVersion);
  return {
    period,
    ...periodDays(period, year),
    rating: p.rating ? { ...p.rating, by: person(p.rating.by) } : null,
    feedback: p.feedback.map((f) => ({ ...f, by: person(f.by) })),
    acknowledgedAt: p.acknowledgedAt,
    rhk: agreed?.rhk ?? [],
  };
}
