// The shape of one appraisal's state (domain/appraisal/state.ts folds it from the events), apart from the
// fold itself so that each stays a readable size.
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Predikat } from '../rating/predikat.ts';
import type { AppraisalEvent, Rhk } from './events.ts';
import type { PeriodEvaluation, SetRating } from './periodic-state.ts';
import type { SkpSetting } from './skp.ts';
import type { Participants, Quarter, Step, TaskKind } from './types.ts';

export type ReviewRole = 'self' | 'supervisor' | 'peer' | 'subordinate';

export interface OpenTask {
  taskId: string;
  kind: TaskKind;
  assigneeNip: string | null;
  assigneeRole: 'employee' | 'supervisor' | 'reviewer' | 'objectionReviewer' | 'hr';
  step: Step;
  dueAt: string | null;
  /** The last reminder sent of it; absent until one is (older states never had it). */
  remindedAt?: string;
}

export interface AppraisalState {
  appraisalId: string;
  cycleId: string;
  orgId: string;
  participants: Participants;
  calendar: Record<string, { start: string; deadline: string }>;
  /** The SKP's form and approach, and the unit the employee leads; absent in appraisals of before. */
  skp?: SkpSetting;
  step: Step;
  deadline: string | null;
  version: number;
  openTasks: Record<string, OpenTask>;
  socialisation: {
    acknowledgedAt: string | null;
    escalated: boolean;
    /** The published version of the position's standard acknowledged (set only when there was one). */
    standard?: { positionCode: string; version: number };
  };
  agreement: {
    versions: Array<{
      version: number;
      rhk: Rhk[];
      /** Who drafted it; absent: the supervisor (before either party could). */
      role?: 'employee' | 'supervisor';
      ekspektasi?: Extract<AppraisalEvent, { type: 'agreement.proposed' }>['data']['ekspektasi'];
      lampiran?: Extract<AppraisalEvent, { type: 'agreement.proposed' }>['data']['lampiran'];
      by: string;
      at: string;
    }>;
    comments: Array<{ version: number; comment: string; by: string; at: string }>;
    signatures: { employee: number | null; supervisor: number | null };
    agreedVersion: number | null;
    missed: boolean;
  };
  checkIns: Partial<
    Record<
      Quarter,
      {
        submittedAt: string | null;
        feedbackAt: string | null;
        missed: boolean;
        /** The supervisor's feedback, for the employee to read. */
        feedback?: string;
      }
    >
  >;
  /** The periodic evaluations, by period id (TW1 ...): cycles started with periods. */
  periods: Record<string, PeriodEvaluation>;
  activityReports: number;
  review: {
    peerNips: string[];
    submitted: Array<{ reviewerNip: string; role: ReviewRole; scores: Record<string, number> }>;
    missed: Array<{ reviewerNip: string; role: ReviewRole }>;
  };
  /**
   * The akhir rating, with who set it: the rater, or the rater's superior or HR once it had passed to
   * them (`as`; a `rating.set` without one is the rater's). An objection's decision changes the ratings,
   * not who set them.
   */
  rating:
    | (SetRating & {
        /** A unit leader's: the unit's capaian kinerja organisasi the rating hasil kerja was taken from. */
        capaian?: UnitPredikat;
        /** A year of several SKP periods: the periods the rating was made from. */
        skpPeriods?: SkpPeriodBasis[];
      })
    | null;
  ratingMissed: boolean;
  /** Who the akhir rating has passed to, when the rater did not rate in time. */
  ratingEscalatedTo: 'superior' | 'hr' | null;
  release: { at: string; objectionDeadline: string } | null;
  feedbackAcknowledgedAt: string | null;
  objection: ObjectionState | null;
  referral: {
    createdAt: string;
    programme: string | null;
    completedAt: string | null;
    lapsed: boolean;
  } | null;
  recognised: boolean;
  /** HR's pembinaan of an employee rated Kurang/Misconduct, once recorded. */
  guidance?: { note: string; by: string; at: string };
  cancelledReason: string | null;
  // Absent until HR appoints an acting rater, so appraisals without one keep their stored shape.
  /** HR's acting raters (Plt/Plh), in the order appointed. */
  actingAppointments?: ActingAppointment[];
  /** The acting rater standing in now: the rater's part is theirs. */
  acting?: { nip: string; appointment: number } | null;
  // Absent until a mutasi or promotion (mutasi.ts): a year without one has one SKP period.
  /** The SKP periods a mutasi or promotion closed, in order. */
  closedSkpPeriods?: ClosedSkpPeriod[];
  /** The SKP period open now, when a mutasi or promotion opened it. */
  skpPeriod?: { number: number; kind: 'mutasi' | 'promotion'; from: string };
}

/** An SKP period a mutasi or promotion closed: whose SKP it was, what was agreed and evaluated in it. */
export interface ClosedSkpPeriod {
  number: number;
  /** How it began: with the year, or by a mutasi or promotion. */
  began: 'year' | 'mutasi' | 'promotion';
  unitCode: string;
  positionCode: string;
  raterNip: string | null;
  superiorNip: string | null;
  skp?: SkpSetting;
  /** The first day (null: the year's start) and the day the next period began (exclusive). */
  from: string | null;
  until: string;
  agreedVersion: number | null;
  /** The evaluation periods (TW1 ...) opened in it: their realisations and ratings are its own. */
  periods: string[];
}

/** An objection and how it was heard; the optional parts are absent until they happen. */
export interface ObjectionState {
  filedAt: string;
  decidedAt: string | null;
  decision: 'upheld' | 'changed' | null;
  /** The employee's reasons (folded from the filing; every filing records them). */
  reasons?: string;
  /** The superior's requests for explanations, in the order asked, with their answers. */
  explanations?: ObjectionExplanation[];
  /** The decision's written reasons, who decided (and as whose delegate), the predikat before it. */
  decisionReason?: string;
  decidedBy?: string;
  delegate?: { letterRef: string };
  previousPredikat?: Predikat;
}

export interface ObjectionExplanation {
  from: 'rater' | 'employee';
  nip: string | null;
  question: string;
  dueAt: string;
  askedBy: string;
  askedAt: string;
  explanation?: string;
  answeredBy?: string;
  answeredAt?: string;
  missed?: boolean;
}

export interface ActingAppointment {
  appointment: number;
  actingNip: string;
  from: string;
  to: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  status: 'planned' | 'active' | 'ended';
}

export type SkpPeriodBasis = NonNullable<
  Extract<AppraisalEvent, { type: 'rating.set' }>['data']['skpPeriods']
>[number];

export type StartedData = Extract<AppraisalEvent, { type: 'appraisal.started' }>['data'];
