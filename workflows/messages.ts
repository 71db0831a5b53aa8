// Every Workflow Update, Signal and Query of siklus, in one module shared by the workflows and the API.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActRequest } from '../domain/appraisal/commands.ts';
import type { MutasiRequest } from '../domain/appraisal/mutasi.ts';
import type { CurveRecheckRequest } from '../domain/appraisal/objection.ts';
import type { ActingAppointmentRequest, RaterChange } from '../domain/appraisal/participant-changes.ts';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import type { Step } from '../domain/appraisal/types.ts';
import type { CapaianBasis } from '../domain/cycle/capaian.ts';
import type { CalibrationDecisionRequest } from '../domain/cycle/decide-penetapan.ts';
import type { UnitPredikat } from '../domain/rating/distribution-rules.ts';
import type { StandardsActRequest } from '../domain/standards/commands.ts';
import type { RoundState } from '../domain/standards/state.ts';

/** What an accepted action returns: the stream version after its events were stored. */
export interface ActResult {
  version: number;
  eventTypes: string[];
}

// EmployeeAppraisalWorkflow
/** A person acts on their appraisal (acknowledge, propose, sign, review, rate, object, ...). */
export const actUpdate = defineUpdate<ActResult, [ActRequest]>('act');
/** The unit passed calibration: release the rating to the employee. */
export const releaseSignal = defineSignal<[{ unitCode: string }]>('release');
/** HR removed the employee from the cycle (a leaver). */
export const cancelSignal = defineSignal<[{ reason: string; by: string }]>('cancel');
/** HR extended the current step's deadline for the employee's unit. */
export const extendDeadlineSignal =
  defineSignal<[{ step: Step; deadline: string; by: string }]>('extendDeadline');
/** HR corrects the rater (the superior follows); open tasks move (workflows/participant-changes.ts). */
export const changeRaterUpdate = defineUpdate<ActResult, [RaterChange]>('changeRater');
/** HR appoints an acting rater (Plt/Plh) for a range of days; the rater's part is theirs meanwhile. */
export const appointActingRaterUpdate = defineUpdate<ActResult, [ActingAppointmentRequest]>(
  'appointActingRater',
);
/** HR records a mutasi or promotion: the SKP period closes and a new one opens (domain/appraisal/mutasi.ts). */
export const recordMutasiUpdate = defineUpdate<ActResult, [MutasiRequest]>('recordMutasi');
/** For tests and debugging only: lists and screens read the projections in Postgres. */
export const appraisalStateQuery = defineQuery<AppraisalState | null>('appraisalState');

// CycleWorkflow
export interface CycleChangeResult {
  accepted: boolean;
  detail: string;
}
export const addEmployeesUpdate = defineUpdate<CycleChangeResult, [{ nips: string[]; by: string }]>(
  'addEmployees',
);
export const removeEmployeeUpdate = defineUpdate<
  CycleChangeResult,
  [{ nip: string; reason: string; by: string }]
>('removeEmployee');
/** A leaver came back: a new appraisal of theirs starts in the cycle (the cancelled one stays). */
export const rejoinEmployeeUpdate = defineUpdate<
  CycleChangeResult,
  [{ nip: string; reason: string; effectiveDate: string; by: string }]
>('rejoinEmployee');
export const extendUnitDeadlineUpdate = defineUpdate<
  CycleChangeResult,
  [{ unitCode: string; step: Step; deadline: string; by: string }]
>('extendUnitDeadline');
/**
 * The leader of the unit above (or HR as a named delegate) sets the unit's own predikat; it selects the unit's distribution rule. With a
 * period (TW1 ...), the capaian of that period only, which the periodic predikat are shown against.
 */
export const setUnitPredikatUpdate = defineUpdate<
  CycleChangeResult,
  [{ unitCode: string; predikat: UnitPredikat; period?: string; by: string } & Partial<CapaianBasis>]
>('setUnitPredikat');
/**
 * The holder of a unit's penetapan signs it: not conforming with a justification per finding of the
 * unit's curve (or conforming when it has none). `hr`: the signer holds the hr role (HR's stage).
 */
export const signPenetapanUpdate = defineUpdate<
  CycleChangeResult,
  [
    {
      unitCode: string;
      by: string;
      hr: boolean;
      conforming: boolean;
      justifications: Array<{ rule: string; text: string }>;
    },
  ]
>('signPenetapan');
/**
 * The holder of a unit's penetapan for one evaluation period (TW1 ...) signs it, as the year's
 * (workflows/periodic-penetapan.ts).
 */
export const signPeriodPenetapanUpdate = defineUpdate<
  CycleChangeResult,
  [
    {
      unitCode: string;
      period: string;
      by: string;
      hr: boolean;
      conforming: boolean;
      justifications: Array<{ rule: string; text: string }>;
    },
  ]
>('signPeriodPenetapan');
/**
 * The holder of a unit's penetapan decides on the calibration assistant's proposal: the changes applied
 * (as the raters' rating events, set before this), none when rejected, and why.
 */
export const decideCalibrationUpdate = defineUpdate<
  CycleChangeResult,
  [{ unitCode: string } & CalibrationDecisionRequest]
>('decideCalibration');
/** An objection's decision changed a predikat: check the unit's curve again and record the outcome. */
export const curveRecheckSignal = defineSignal<[CurveRecheckRequest]>('curveRecheck');
/** Check the units' distributions now (after ratings changed) instead of at the next daily check. */
export const calibrateNowUpdate = defineUpdate<CycleChangeResult, [{ by: string }]>('calibrateNow');
export const closeCycleUpdate = defineUpdate<CycleChangeResult, [{ by: string }]>('closeCycle');

// StandardsRoundWorkflow
/** HR, a unit leader or a participant acts on a standards round (draft, comment, answer, publish, close). */
export const actOnStandardsUpdate = defineUpdate<ActResult, [StandardsActRequest]>('actOnStandards');
/** For tests and debugging only: pages read the round's projection in Postgres. */
export const standardsRoundQuery = defineQuery<RoundState | null>('standardsRound');
