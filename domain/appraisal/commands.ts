// What people can ask of an appraisal. One zod schema per command: the API validates requests with
// them, and the workflow's Update validator checks them again before anything touches history. Strict:
// a field no command has is refused, never silently dropped.
import { z } from 'zod';
import { nipSchema } from '../organisation/nip.ts';
import { berakhlakScoresSchema, periodIdSchema, realisationSchema, rhkSchema } from './payloads.ts';
import { ekspektasiSchema, lampiranSchema } from './skp-schemas.ts';
import { actorSchema, quarterSchema, ratingSchema } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const appraisalCommandSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('acknowledgeStandards'),
    /** The published version of the position's standard read (domain/standards/); none before any. */
    standard: z
      .strictObject({ positionCode: z.string().min(1).max(64), version: z.number().int().min(1) })
      .optional(),
  }),
  z.strictObject({
    type: z.literal('proposeIndicators'),
    rhk: z.array(rhkSchema).min(1).max(30),
    /** Perilaku kerja: the rater's ekspektasi khusus pimpinan (the rater writes them, not the employee). */
    ekspektasi: ekspektasiSchema.optional(),
    lampiran: lampiranSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('commentIndicators'),
    version: z.number().int().min(1),
    comment: text(2000),
  }),
  z.strictObject({ type: z.literal('signAgreement'), version: z.number().int().min(1) }),
  z.strictObject({
    type: z.literal('submitCheckIn'),
    quarter: quarterSchema,
    realisations: z.array(realisationSchema).min(1),
  }),
  z.strictObject({ type: z.literal('giveCheckInFeedback'), quarter: quarterSchema, feedback: text(4000) }),
  z.strictObject({
    type: z.literal('recordRealisation'),
    period: periodIdSchema,
    realisations: z.array(realisationSchema).min(1),
  }),
  z.strictObject({
    type: z.literal('givePeriodFeedback'),
    period: periodIdSchema,
    rhkId: z.string().min(1).max(40),
    feedback: text(4000),
  }),
  // A unit leader's rating hasil kerja is the unit's capaian: it may be left out (the rules require it
  // of everyone else).
  z.strictObject({
    type: z.literal('ratePeriod'),
    period: periodIdSchema,
    results: ratingSchema.optional(),
    behaviour: ratingSchema,
    feedback: text(4000),
  }),
  z.strictObject({ type: z.literal('acknowledgePeriod'), period: periodIdSchema }),
  z.strictObject({
    type: z.literal('addActivityReport'),
    reportId: z.string().min(1).max(60),
    date: z.iso.date(),
    description: text(2000),
  }),
  z.strictObject({ type: z.literal('assignPeers'), peerNips: z.array(nipSchema).min(1).max(5) }),
  z.strictObject({
    type: z.literal('submitReview'),
    scores: berakhlakScoresSchema,
    comment: z.string().max(4000).default(''),
  }),
  z.strictObject({
    type: z.literal('setRating'),
    results: ratingSchema.optional(),
    behaviour: ratingSchema,
    feedback: text(4000),
    /** A change the unit's penetapan applied from the calibration assistant, with why. */
    calibration: z.strictObject({ unitCode: z.string().min(1).max(64), reason: text(2000) }).optional(),
  }),
  z.strictObject({ type: z.literal('acknowledgeFeedback') }),
  z.strictObject({ type: z.literal('fileObjection'), reasons: text(4000) }),
  z.strictObject({
    type: z.literal('decideObjection'),
    decision: z.enum(['upheld', 'changed']),
    results: ratingSchema.optional(),
    behaviour: ratingSchema.optional(),
    reason: text(4000),
    /** HR deciding for a superior outside siklus: the reference of the decision letter. */
    letterRef: text(200).optional(),
  }),
  z.strictObject({
    type: z.literal('askExplanation'),
    from: z.enum(['rater', 'employee']),
    question: text(2000),
    /** Days to answer, counted from now; the answer is due within the decision's window. */
    days: z.number().int().min(1).max(14),
  }),
  z.strictObject({ type: z.literal('explainObjection'), explanation: text(4000) }),
  z.strictObject({ type: z.literal('recordGuidance'), note: text(2000) }),
  z.strictObject({ type: z.literal('assignTraining'), programme: text(300) }),
  z.strictObject({ type: z.literal('completeTraining'), note: z.string().max(2000).default('') }),
  /** HR reminds whoever holds an open task past its due time (the monitoring page's "send reminder"). */
  z.strictObject({ type: z.literal('remindTask'), taskId: z.string().min(1).max(200) }),
]);
export type AppraisalCommand = z.infer<typeof appraisalCommandSchema>;

/** The payload of the `act` Workflow Update: who acts, what they ask. */
export const actRequestSchema = z.object({ actor: actorSchema, command: appraisalCommandSchema });
/** Re-exported for workflows, which load this module lazily (workflows/employee-appraisal.ts). */
export { actorSchema };
export type ActRequest = z.infer<typeof actRequestSchema>;
