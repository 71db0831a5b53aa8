// The evaluation file of one appraisal, for whoever may read it (access.ts mayReadEvaluationFile): folded
// from the appraisal's events in the log (domain/appraisal/evaluation-file.ts), with people's names, and
// the employment status and rank of the employee, the rater and the superior as the forms show them.
import type { Kysely } from 'kysely';
import type { Principal } from '../../auth/identity.ts';
import {
  agreedVersionFor,
  type EvaluationFile,
  evaluationFile,
  type PeriodFile,
  type PersonRef,
  peopleIn,
  periodDays,
  type RatingRecord,
} from '../../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent, Rhk } from '../../domain/appraisal/events.ts';
import { appraisalStreamId, parseCycleId } from '../../domain/ids.ts';
import type { EmploymentStatus } from '../../domain/organisation/employment.ts';
import type { Database } from '../../schema/database.ts';
import { mayReadEvaluationFile } from './access.ts';
import { myAppraisal } from './appraisal.ts';
import { appraisalParties } from './appraisal-parties.ts';
import { employeeNames, type StaffCard, staffCards } from './people.ts';

/** A party's employment as the organisation lists it now; null for someone it no longer lists. */
export interface Employment {
  employmentStatus: EmploymentStatus | null;
  rank: string | null;
}

/** The file with the employment of the three parties its head names. */
export type EvaluationFileRead = Omit<EvaluationFile, 'employee' | 'rater' | 'superior'> & {
  employee: EvaluationFile['employee'] & Employment;
  rater: (PersonRef & Employment) | null;
  superior: (PersonRef & Employment) | null;
};

/** The file, or why not: no such appraisal in this organisation, or not one the principal may read. */
export type EvaluationFileAnswer = { file: EvaluationFileRead } | { refused: 'not_found' | 'forbidden' };

export async function evaluationFileOf(
  db: Kysely<Database>,
  principal: Principal,
  org: string,
  appraisalId: string,
): Promise<EvaluationFileAnswer> {
  const parties = await appraisalParties(db, org, appraisalId);
  if (!parties) return { refused: 'not_found' };
  if (!mayReadEvaluationFile(principal, parties)) return { refused: 'forbidden' };
  return {
    file: withEmployments(await foldedFile(db, org, appraisalId), await staffCardsOf(db, org, appraisalId)),
  };
}

/**
 * The file folded from the appraisal's log, with names: for a caller that has decided who may read what
 * of it (evaluationFileOf above; my-evaluations.ts, the employee's own part).
 */
export async function foldedFile(
  db: Kysely<Database>,
  org: string,
  appraisalId: string,
): Promise<EvaluationFile> {
  const events = await eventsOf(db, appraisalId);
  const names = await employeeNames(db, org, peopleIn(events));
  return evaluationFile(events, (nip) => names.get(nip) ?? null);
}

async function eventsOf(db: Kysely<Database>, appraisalId: string): Promise<AppraisalEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', appraisalStreamId(appraisalId))
    .orderBy('stream_version')
    .execute();
  // Every event was checked against its schema when it was appended (record/store).
  return rows.map((r) => ({ type: r.type, data: r.data }) as AppraisalEvent);
}

/** The staff cards (name, employment status, rank) of the appraisal's parties. */
async function staffCardsOf(db: Kysely<Database>, org: string, appraisalId: string) {
  const row = await db
    .selectFrom('appraisals')
    .select(['nip', 'supervisor_nip', 'superior_nip'])
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  const nips = [row?.nip, row?.supervisor_nip, row?.superior_nip].filter((n): n is string => !!n);
  return staffCards(db, org, nips);
}

function withEmployments(file: EvaluationFile, cards: Map<string, StaffCard>): EvaluationFileRead {
  return {
    ...file,
    employee: withEmployment(file.employee, cards),
    rater: file.rater && withEmployment(file.rater, cards),
    superior: file.superior && withEmployment(file.superior, cards),
  };
}

function withEmployment<P extends PersonRef>(p: P, cards: Map<string, StaffCard>): P & Employment {
  const card = cards.get(p.nip);
  return { ...p, employmentStatus: card?.employmentStatus ?? null, rank: card?.rank ?? null };
}

/** What the employee reads of one period of their own appraisal: the ratings, predikat and feedback per RHK. */
export interface PeriodResult {
  period: string;
  firstDay: string;
  lastDay: string;
  rating: RatingRecord | null;
  feedback: PeriodFile['feedback'];
  acknowledgedAt: string | null;
  /** The RHK of the SKP the period is read against (its own SKP period's), to say which result each feedback is on. */
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
  const version = agreedVersionFor(state, period);
  const agreed = state.agreement.versions.find((v) => v.version === version);
  return {
    period,
    ...periodDays(period, year),
    rating: p.rating ? { ...p.rating, by: person(p.rating.by) } : null,
    feedback: p.feedback.map((f) => ({ ...f, by: person(f.by) })),
    acknowledgedAt: p.acknowledgedAt,
    rhk: agreed?.rhk ?? [],
  };
}
