// The evaluation file's shape (evaluation-file.ts folds it from an appraisal's events).

import type { PeriodKind } from '../cycle/periods.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Predikat, Rating } from '../rating/predikat.ts';
import type { BerakhlakAggregate } from '../review/berakhlak.ts';
import type { AppraisalEventData, Rhk } from './events.ts';
import type { RaterRole } from './periodic.ts';
import type { SkpSetting } from './skp.ts';
import type { AppraisalState } from './state-types.ts';
import type { Quarter } from './types.ts';

export interface PersonRef {
  nip: string;
  /** From the organisation's employees; null for someone no longer listed there. */
  name: string | null;
}

export type Realisation = AppraisalEventData<'period.realisationRecorded'>['realisations'][number];

export interface Escalation {
  to: 'superior' | 'hr';
  /** The superior who got the task; null for HR's (any HR admin may take it). */
  assignee: PersonRef | null;
  deadline: string;
  at: string;
}

/** A rating with who set it: the rater, or the rater's superior or HR once it had passed to them. */
export interface RatingRecord {
  results: Rating;
  behaviour: Rating;
  predikat: Predikat;
  feedback: string;
  as: RaterRole;
  /** A unit leader's: the capaian kinerja organisasi the rating hasil kerja was taken from. */
  capaian?: UnitPredikat;
  by: PersonRef;
  at: string;
}

export interface PeriodFile {
  period: string;
  /** The local days the period covers (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** The rating's deadline (the latest escalation's, once escalated). */
  deadline: string;
  /** The last realisation the employee recorded (it may be recorded again until the period is rated). */
  realisation: { at: string; by: PersonRef; realisations: Realisation[] } | null;
  feedback: Array<{ rhkId: string; feedback: string; by: PersonRef; at: string }>;
  rating: RatingRecord | null;
  escalations: Escalation[];
  /** The period closed with its rating or its realisation missing. */
  missed: { rating: boolean; realisation: boolean; at: string } | null;
  acknowledgedAt: string | null;
  /**
   * The SKP the period is read against: the one agreed in its own SKP period (after a mutasi or promotion,
   * the closed SKP period's, not the current one); null when none was agreed in it.
   */
  skp: SkpFile | null;
}

/** An agreed SKP version with when it was agreed. */
export interface SkpFile {
  version: number;
  agreedAt: string | null;
  rhk: Rhk[];
  ekspektasi?: AppraisalState['agreement']['versions'][number]['ekspektasi'];
  lampiran?: AppraisalState['agreement']['versions'][number]['lampiran'];
}

export interface CheckInFile {
  quarter: Quarter;
  firstDay: string;
  lastDay: string;
  submitted: { at: string; realisations: Realisation[] } | null;
  feedback: { at: string; feedback: string; by: PersonRef } | null;
  missed: boolean;
}

/**
 * One SKP period of a year with a mutasi or promotion: the post and rater it was under, its days, the SKP
 * agreed in it and the evaluation periods that are its own.
 */
export interface SkpPeriodFile {
  skpPeriod: number;
  /** How it began: with the year, or by a mutasi or promotion. */
  began: 'year' | 'mutasi' | 'promotion';
  unitCode: string;
  positionCode: string;
  rater: PersonRef | null;
  /** Its first day (null: the year's start) and the day the next began (null: it is the current one). */
  from: string | null;
  until: string | null;
  /** The SKP agreed in it (null: none was). */
  agreedVersion: number | null;
  periods: string[];
}

export interface EvaluationFile {
  appraisalId: string;
  cycleId: string;
  step: AppraisalState['step'];
  employee: PersonRef & { unitCode: string; positionCode: string };
  rater: PersonRef | null;
  superior: PersonRef | null;
  /** The SKP's form and approach and the unit the employee leads; null for an appraisal of before. */
  setting: SkpSetting | null;
  /** The agreed SKP of the current SKP period; null while none is agreed. */
  skp: SkpFile | null;
  /** A year of several SKP periods (a mutasi or promotion), each with its post, rater and periods. */
  skpPeriods?: SkpPeriodFile[];
  /** null for an appraisal of the older shape, which has quarterly check-ins instead of periods. */
  periodKind: PeriodKind | null;
  periods: PeriodFile[];
  checkIns: CheckInFile[];
  activityReports: Array<{ reportId: string; date: string; description: string; at: string }>;
  /**
   * The BerAKHLAK reviews by who gave them. Peers and subordinates only combined, and only from two
   * reviews on, as the employee sees them: no single colleague's answer can be read off the file.
   */
  review: {
    self: BerakhlakAggregate | null;
    supervisor: BerakhlakAggregate | null;
    colleagues: BerakhlakAggregate | null;
    colleagueCount: number;
    missed: number;
  };
  /** The akhir rating as it stands: set (by whom, as what), escalated, missed. */
  akhir: {
    rating: RatingRecord | null;
    escalations: Escalation[];
    missed: boolean;
  };
}
