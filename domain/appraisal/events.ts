// Every event of an appraisal stream, with the zod schema of its data. The event store validates each
// append and each read against these; the same names feed `evolve`, the projections and the audit replay.
import { z } from 'zod';
import type { EventOf } from '../event-of.ts';
import { nipSchema } from '../organisation/nip.ts';
import { unitPredikatSchema } from '../rating/distribution-rules.ts';
import { berakhlakScoresSchema, periodIdSchema, realisationSchema, rhkSchema } from './payloads.ts';
import { ekspektasiSchema, lampiranSchema, skpSettingSchema } from './skp-schemas.ts';
import {
  participantsSchema,
  predikatSchema,
  quarterSchema,
  ratingSchema,
  stepSchema,
  taskKindSchema,
} from './types.ts';

export {
  aspectSchema,
  berakhlakScoresSchema,
  indicatorSchema,
  type Rhk,
  realisationSchema,
  rhkSchema,
} from './payloads.ts';

const at = z.iso.datetime({ offset: true });
const raterSchema = z.enum(['rater', 'superior', 'hr']);
const text = (max: number) => z.string().trim().min(1).max(max);
/** The regulation pack a decision was made under (domain/regulation/pack.ts); absent in events of before. */
const packSchema = z.object({ id: z.string(), effectiveFrom: z.iso.date() }).optional();
/** Whom the superior asks to explain an objection: the rater, or the employee. */
export const explainerSchema = z.enum(['rater', 'employee']);

/** One SKP period the akhir rating was made from: whose SKP it was, and each periodic predikat in it. */
const skpPeriodBasisSchema = z.object({
  skpPeriod: z.number().int().min(1),
  unitCode: z.string(),
  positionCode: z.string(),
  raterNip: nipSchema.nullable(),
  periods: z.array(z.object({ period: periodIdSchema, predikat: predikatSchema.nullable() })),
});

export const appraisalEventSchemas = {
  'appraisal.started': z.object({
    appraisalId: z.string(),
    cycleId: z.string(),
    orgId: z.string(),
    participants: participantsSchema,
    calendar: z.record(z.string(), z.object({ start: at, deadline: at })),
    /** The SKP's form, approach and the unit the employee leads; absent before the forms (one shape). */
    skp: skpSettingSchema.optional(),
    /** A person who left and came back: their earlier appraisal in the cycle, the return's reason and day. */
    rejoined: z
      .object({ previousAppraisalId: z.string(), reason: text(500), effectiveDate: z.iso.date() })
      .optional(),
    at,
  }),
  'appraisal.stepEntered': z.object({ step: stepSchema, deadline: at.nullable(), at }),
  'appraisal.deadlineExtended': z.object({ step: stepSchema, deadline: at, by: nipSchema, at }),
  'appraisal.completed': z.object({ at }),
  'appraisal.cancelled': z.object({ reason: text(500), by: nipSchema, at }),
  // Changes during the year, by HR (participant-changes.ts): each with its reason and effective date.
  /** The rater corrected; the superior is the new rater's own supervisor. */
  'participants.changed': z.object({
    supervisorNip: nipSchema,
    superiorNip: nipSchema.nullable(),
    previousSupervisorNip: nipSchema.nullable(),
    previousSuperiorNip: nipSchema.nullable(),
    reason: text(500),
    effectiveDate: z.iso.date(),
    /** The SKP version the previous rater had signed, not yet agreed: the new rater signs it again. */
    signatureVoided: z.number().int().min(1).nullable(),
    by: nipSchema,
    at,
  }),

  /**
   * HR: a mutasi or promotion. The current SKP period closes (its agreed SKP, realisations and periodic
   * evaluations stay on record) and a new one opens under the new unit, position and rater (mutasi.ts).
   */
  'mutasi.recorded': z.object({
    kind: z.enum(['mutasi', 'promotion']),
    /** The number of the SKP period this opens (the first of the year is 1). */
    skpPeriod: z.number().int().min(2),
    effectiveDate: z.iso.date(),
    reason: text(500),
    unitCode: z.string().min(1),
    positionCode: z.string().min(1),
    supervisorNip: nipSchema.nullable(),
    superiorNip: nipSchema.nullable(),
    /** The new position's SKP form (appraisals with an SKP setting). */
    skp: skpSettingSchema.optional(),
    /** The SKP period that closes: its holder's unit, position and rater, and what it agreed and evaluated. */
    closed: z.object({
      unitCode: z.string(),
      positionCode: z.string(),
      supervisorNip: nipSchema.nullable(),
      superiorNip: nipSchema.nullable(),
      agreedVersion: z.number().int().min(1).nullable(),
      periods: z.array(periodIdSchema),
    }),
    by: nipSchema,
    at,
  }),

  /** HR: a person stands in as rater (Plt/Plh) from `from` to `to`, days of the organisation's zone. */
  'actingRater.appointed': z.object({
    /** The appointment's number in this appraisal, from 1: its start and end name it. */
    appointment: z.number().int().min(1),
    actingNip: nipSchema,
    /** The rater the acting one stands in for (null: the org chart named none). */
    raterNip: nipSchema.nullable(),
    from: z.iso.date(),
    to: z.iso.date(),
    timeZone: z.string(),
    /** 00:00 local on `from`, and 00:00 local on the day after `to`: the range as instants. */
    startsAt: at,
    endsAt: at,
    reason: text(500),
    by: nipSchema,
    at,
  }),
  /** The range began: the rater's part (open tasks too) is the acting rater's until it ends. */
  'actingRater.started': z.object({
    appointment: z.number().int().min(1),
    actingNip: nipSchema,
    raterNip: nipSchema.nullable(),
    at,
  }),
  /** The range ended (or passed while nothing ran): the rater's part is the rater's again. */
  'actingRater.ended': z.object({
    appointment: z.number().int().min(1),
    actingNip: nipSchema,
    raterNip: nipSchema.nullable(),
    at,
  }),

  'task.assigned': z.object({
    taskId: z.string(),
    kind: taskKindSchema,
    /** A person, or null for a task of the organisation's HR admins (assigneeRole 'hr'). */
    assigneeNip: nipSchema.nullable(),
    assigneeRole: z.enum(['employee', 'supervisor', 'reviewer', 'objectionReviewer', 'hr']),
    step: stepSchema,
    dueAt: at.nullable(),
    at,
  }),
  'task.completed': z.object({ taskId: z.string(), by: nipSchema, at }),
  'task.expired': z.object({ taskId: z.string(), at }),
  'task.cancelled': z.object({ taskId: z.string(), reason: z.string(), at }),
  'task.reminded': z.object({ taskId: z.string(), assigneeNip: nipSchema.nullable(), dueAt: at, at }),
  /** An open task moved to whoever holds its part now (a new rater, an acting rater): participant-changes.ts. */
  'task.reassigned': z.object({
    taskId: z.string(),
    fromNip: nipSchema.nullable(),
    assigneeNip: nipSchema.nullable(),
    assigneeRole: z.enum(['employee', 'supervisor', 'reviewer', 'objectionReviewer', 'hr']),
    reason: text(500),
    at,
  }),

  'socialisation.acknowledged': z.object({
    by: nipSchema,
    /** The published version of the position's standard acknowledged; absent where none was published. */
    standard: z.object({ positionCode: z.string(), version: z.number().int().min(1) }).optional(),
    at,
  }),
  'socialisation.escalated': z.object({ supervisorNip: nipSchema.nullable(), at }),

  'agreement.proposed': z.object({
    version: z.number().int().min(1),
    rhk: z.array(rhkSchema).min(1),
    /** Who drafted this version (appraisals with an SKP form; before, only the supervisor proposed). */
    role: z.enum(['employee', 'supervisor']).optional(),
    /** Perilaku kerja: the rater's ekspektasi khusus pimpinan per BerAKHLAK value. */
    ekspektasi: ekspektasiSchema.optional(),
    lampiran: lampiranSchema.optional(),
    by: nipSchema,
    at,
  }),
  'agreement.commented': z.object({
    version: z.number().int().min(1),
    comment: text(2000),
    by: nipSchema,
    at,
  }),
  'agreement.signed': z.object({
    version: z.number().int().min(1),
    role: z.enum(['employee', 'supervisor']),
    by: nipSchema,
    at,
  }),
  'agreement.agreed': z.object({ version: z.number().int().min(1), at }),
  'agreement.missed': z.object({ at }),

  'checkIn.submitted': z.object({
    quarter: quarterSchema,
    realisations: z.array(realisationSchema),
    by: nipSchema,
    at,
  }),
  'checkIn.feedbackGiven': z.object({ quarter: quarterSchema, feedback: text(4000), by: nipSchema, at }),
  'checkIn.missed': z.object({ quarter: quarterSchema, at }),
  // The periodic evaluation (cycles started with periods): realisation, feedback per RHK, the ratings and
  // their predikat periodik, the escalation of a rater who did not rate, the employee's acknowledgement.
  'period.opened': z.object({ period: periodIdSchema, deadline: at, at }),
  'period.realisationRecorded': z.object({
    period: periodIdSchema,
    realisations: z.array(realisationSchema),
    by: nipSchema,
    at,
  }),
  'period.feedbackGiven': z.object({
    period: periodIdSchema,
    rhkId: z.string(),
    feedback: text(4000),
    by: nipSchema,
    at,
  }),
  'period.rated': z.object({
    period: periodIdSchema,
    results: ratingSchema,
    behaviour: ratingSchema,
    predikat: predikatSchema,
    feedback: text(4000),
    /** Who rated: the rater, or the rater's superior or HR after the rater's deadline passed. */
    as: raterSchema,
    /** A unit leader's: the unit's capaian kinerja organisasi the rating hasil kerja was taken from. */
    capaian: unitPredikatSchema.optional(),
    pack: packSchema,
    by: nipSchema,
    at,
  }),
  'period.escalated': z.object({
    period: periodIdSchema,
    to: z.enum(['superior', 'hr']),
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    at,
  }),
  /** The period closed without a rating (HR's deadline passed too), or without a realisation. */
  'period.missed': z.object({ period: periodIdSchema, rating: z.boolean(), realisation: z.boolean(), at }),
  'period.acknowledged': z.object({ period: periodIdSchema, by: nipSchema, at }),
  'activityReport.added': z.object({
    reportId: z.string(),
    date: z.iso.date(),
    description: text(2000),
    by: nipSchema,
    at,
  }),

  'review.peersAssigned': z.object({ peerNips: z.array(nipSchema).min(1).max(5), by: nipSchema, at }),
  'review.submitted': z.object({
    reviewerNip: nipSchema,
    role: z.enum(['self', 'supervisor', 'peer', 'subordinate']),
    scores: berakhlakScoresSchema,
    comment: z.string().max(4000),
    at,
  }),
  'review.missed': z.object({
    reviewerNip: nipSchema,
    role: z.enum(['self', 'supervisor', 'peer', 'subordinate']),
    at,
  }),

  'rating.set': z.object({
    results: ratingSchema,
    behaviour: ratingSchema,
    predikat: predikatSchema,
    feedback: text(4000),
    by: nipSchema,
    /** Absent before escalation existed: the rater. */
    as: raterSchema.optional(),
    /** A unit leader's: the unit's capaian kinerja organisasi the rating hasil kerja was taken from. */
    capaian: unitPredikatSchema.optional(),
    /** Applied from the calibration assistant on the unit's penetapan (`by` applied it), with why. */
    calibration: z.object({ unitCode: z.string(), reason: z.string() }).optional(),
    /** A year of several SKP periods (a mutasi or promotion): each, with the predikat of its periods. */
    skpPeriods: z.array(skpPeriodBasisSchema).optional(),
    pack: packSchema,
    at,
  }),
  'rating.missed': z.object({ at }),
  /** The akhir rating passed to the rater's superior, then HR: an appraisal never completes without one. */
  'rating.escalated': z.object({
    to: z.enum(['superior', 'hr']),
    assigneeNip: nipSchema.nullable(),
    deadline: at,
    at,
  }),
  'rating.released': z.object({ predikat: predikatSchema.nullable(), objectionDeadline: at, at }),
  'feedback.acknowledged': z.object({ by: nipSchema, at }),

  'objection.filed': z.object({ reasons: text(4000), superiorNip: nipSchema.nullable(), by: nipSchema, at }),
  /** The superior asks the rater or the employee to explain, in writing, by `dueAt` (objection.ts). */
  'objection.explanationRequested': z.object({
    from: explainerSchema,
    /** Who is asked (null: HR, where the org chart names no rater). */
    nip: nipSchema.nullable(),
    question: text(2000),
    dueAt: at,
    by: nipSchema,
    at,
  }),
  'objection.explained': z.object({ from: explainerSchema, explanation: text(4000), by: nipSchema, at }),
  /** The explanation's deadline passed unanswered (the superior decides without it). */
  'objection.explanationMissed': z.object({ from: explainerSchema, at }),
  /** The compensating event: the superior's final decision, which may change the ratings. */
  'objection.decided': z.object({
    decision: z.enum(['upheld', 'changed']),
    results: ratingSchema,
    behaviour: ratingSchema,
    predikat: predikatSchema,
    previousPredikat: predikatSchema,
    reason: text(4000),
    /** HR deciding as the named delegate of a superior outside siklus (a Bupati): the decision letter. */
    delegate: z.object({ letterRef: text(200) }).optional(),
    pack: packSchema,
    by: nipSchema,
    at,
  }),

  'referral.created': z.object({ predikat: predikatSchema, at }),
  'referral.programmeAssigned': z.object({ programme: text(300), by: nipSchema, at }),
  'referral.completed': z.object({ note: z.string().max(2000), by: nipSchema, at }),
  'referral.lapsed': z.object({ at }),
  'recognition.recorded': z.object({ predikat: predikatSchema, at }),
  /** HR's pembinaan (guidance) of an employee rated Kurang/Misconduct, besides the training referral. */
  'guidance.recorded': z.object({ note: text(2000), by: nipSchema, at }),
} as const;

export type AppraisalEventType = keyof typeof appraisalEventSchemas;
export type AppraisalEventData<T extends AppraisalEventType> = z.infer<(typeof appraisalEventSchemas)[T]>;
export type AppraisalEvent = EventOf<typeof appraisalEventSchemas>;
