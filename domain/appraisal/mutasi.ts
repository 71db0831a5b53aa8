// A mutasi or promotion during the year, made by HR: the employee's current SKP period closes (its agreed
// SKP, realisations and periodic evaluations stay on record as they were) and a new one opens under the
// new unit, position and rater, so one year can hold several SKP periods, each evaluated. The new rater
// gets the task to propose the new SKP (either party may draft it, as at the year's start); the evaluation
// periods that open from then on are the new SKP period's; the akhir rating records every SKP period it
// was made from (skpPeriodsOf).
import { DomainError } from '../errors.ts';
import { versionQualifier } from '../ids.ts';
import type { AppraisalEvent } from './events.ts';
import { requireActive, requireStep } from './guards.ts';
import { reassignOpenTasks } from './participant-changes.ts';
import type { SkpSetting } from './skp.ts';
import { type AppraisalState, evolve, type SkpPeriodBasis } from './state.ts';
import { assignTask, tasksOfKind } from './tasks.ts';
import type { Step } from './types.ts';

export interface MutasiRequest {
  kind: 'mutasi' | 'promotion';
  unitCode: string;
  positionCode: string;
  /** The rater in the new post (pejabat penilai kinerja); null: none in the org chart, HR stands in. */
  raterNip: string | null;
  /** The new rater's own supervisor (atasan pejabat penilai). */
  superiorNip: string | null;
  /** The new position's SKP form (for appraisals that record one). */
  skp?: SkpSetting | undefined;
  reason: string;
  /** The day the new post holds from (YYYY-MM-DD, the organisation's calendar). */
  effectiveDate: string;
  by: string;
}

/** Steps in which a mutasi may be recorded: before the year's rating begins. */
const openSteps: readonly Step[] = ['socialisation', 'agreement', 'checkIns', 'review'];

/**
 * Records a mutasi or promotion. Refused for a finished appraisal (wrong_step), once the year's rating has
 * begun (too_late), while an evaluation period of the closing SKP is open and not rated, so its own rater
 * rates what they supervised (period_unrated), for a post the employee holds already (already_done), an
 * effective date before the current SKP period began (invalid_effective_date; the same day: the later
 * change supersedes a mistaken one), and a rater who may not
 * rate this employee (invalid_rater).
 */
export function recordMutasi(state: AppraisalState, request: MutasiRequest, now: string): AppraisalEvent[] {
  requireActive(state);
  const { kind, unitCode, positionCode, raterNip, superiorNip, reason, effectiveDate, by } = request;
  if (!openSteps.includes(state.step))
    throw new DomainError('too_late', 'The year’s rating has begun: a new SKP period cannot open now', {
      step: state.step,
    });
  const p = state.participants;
  if (unitCode === p.employee.unitCode && positionCode === p.employee.positionCode)
    throw new DomainError('already_done', `${p.employee.nip} holds ${positionCode} in ${unitCode} already`, {
      field: 'positionCode',
    });
  const since = state.skpPeriod?.from;
  if (since !== undefined && effectiveDate < since)
    throw new DomainError(
      'invalid_effective_date',
      `The current SKP period began on ${since}: a mutasi cannot take effect before it`,
      { field: 'effectiveDate' },
    );
  const refuse = (message: string) => new DomainError('invalid_rater', message, { field: 'raterNip' });
  if (raterNip === p.employee.nip) throw refuse('An employee cannot be their own rater');
  if (raterNip !== null && p.subordinateNips.includes(raterNip))
    throw refuse('A direct report cannot be the rater');
  if (raterNip !== null && state.review.peerNips.includes(raterNip))
    throw refuse('The rater cannot also be a peer reviewer of the same appraisal');
  if (superiorNip === p.employee.nip)
    throw refuse("The new rater reports to the employee: the employee would be the rater's superior");
  const earlier = new Set((state.closedSkpPeriods ?? []).flatMap((c) => c.periods));
  const periods = Object.keys(state.periods).filter((id) => !earlier.has(id));
  const unrated = periods.find((id) => {
    const e = state.periods[id];
    return e !== undefined && e.rating === null && !e.missed;
  });
  if (unrated)
    throw new DomainError(
      'period_unrated',
      `${unrated} of the current SKP is open and not rated: its rater rates it before the SKP period closes`,
      { period: unrated },
    );
  const recorded: AppraisalEvent = {
    type: 'mutasi.recorded',
    data: {
      kind,
      skpPeriod: (state.skpPeriod?.number ?? 1) + 1,
      effectiveDate,
      reason,
      unitCode,
      positionCode,
      supervisorNip: raterNip,
      superiorNip,
      ...(request.skp && state.skp ? { skp: request.skp } : {}),
      closed: {
        unitCode: p.employee.unitCode,
        positionCode: p.employee.positionCode,
        supervisorNip: p.supervisorNip,
        superiorNip: p.superiorNip,
        agreedVersion: state.agreement.agreedVersion,
        periods,
      },
      by,
      at: now,
    },
  };
  // The closing SKP's review and signature end; a proposal still to write is the new rater's (it moves).
  const drafting = (['reviewIndicators', 'signAgreement'] as const).flatMap((k) =>
    tasksOfKind(state, k).map(
      (t): AppraisalEvent => ({
        type: 'task.cancelled',
        data: { taskId: t.taskId, reason: `${kind}: the SKP period closed`, at: now },
      }),
    ),
  );
  let s = evolve(state, recorded);
  for (const e of drafting) s = evolve(s, e);
  const moved = reassignOpenTasks(s, reason, now);
  for (const e of moved) s = evolve(s, e);
  // Before the agreement step its opening gives the proposal; one already open moved above.
  const propose =
    state.step === 'socialisation' || tasksOfKind(s, 'proposeIndicators').length > 0
      ? []
      : assignTask(s, now, {
          kind: 'proposeIndicators',
          qualifier: versionQualifier(s.agreement.versions.length + 1),
          assigneeNip: s.participants.supervisorNip,
          assigneeRole: 'supervisor',
          step: 'agreement',
          dueAt: s.step === 'agreement' ? s.deadline : null,
        });
  return [recorded, ...drafting, ...moved, ...propose];
}

/**
 * Whether a new SKP may be drafted and signed now: in the agreement step, and after a mutasi or promotion
 * until the year's rating begins (the new SKP period's SKP is agreed while the year goes on).
 */
export function agreementOpen(state: AppraisalState): boolean {
  if (state.step === 'agreement') return true;
  return state.skpPeriod !== undefined && (state.step === 'checkIns' || state.step === 'review');
}

/** wrong_step unless a new SKP may be drafted and signed now (agreementOpen). */
export function requireAgreementOpen(state: AppraisalState): void {
  if (!agreementOpen(state)) requireStep(state, 'agreement');
}

/**
 * The SKP periods of the year, each with the predikat of its evaluation periods (null: not rated): what an
 * akhir rating is made from. Undefined for a year of one SKP period.
 */
export function skpPeriodsOf(state: AppraisalState): SkpPeriodBasis[] | undefined {
  const closed = state.closedSkpPeriods;
  if (!closed || !state.skpPeriod) return undefined;
  const predikat = (period: string) => ({
    period,
    predikat: state.periods[period]?.rating?.predikat ?? null,
  });
  const earlier = new Set(closed.flatMap((c) => c.periods));
  const p = state.participants;
  return [
    ...closed.map((c) => ({
      skpPeriod: c.number,
      unitCode: c.unitCode,
      positionCode: c.positionCode,
      raterNip: c.raterNip,
      periods: c.periods.map(predikat),
    })),
    {
      skpPeriod: state.skpPeriod.number,
      unitCode: p.employee.unitCode,
      positionCode: p.employee.positionCode,
      raterNip: p.supervisorNip,
      periods: Object.keys(state.periods)
        .filter((id) => !earlier.has(id))
        .map(predikat),
    },
  ];
}
