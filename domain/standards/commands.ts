// What people ask of a standards round, one zod schema per command: the API validates requests with
// them and the round's Update validator checks them again before anything touches history. Strict, as
// the appraisal's commands are. Loaded lazily by the workflow (zod costs every workflow's start).
import { z } from 'zod';
import { actorSchema } from '../appraisal/types.ts';
import { positionCodeSchema, proposalAnswerSchema, standardSchema } from './payloads.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const standardsCommandSchema = z.discriminatedUnion('type', [
  /** HR, or a leader of the position's unit: the draft everyone comments on. */
  z.strictObject({
    type: z.literal('draftStandard'),
    positionCode: positionCodeSchema,
    standard: standardSchema,
  }),
  /** A holder of the position or a holder's supervisor, within the window; a proposal changes the draft. */
  z.strictObject({
    type: z.literal('commentStandard'),
    positionCode: positionCodeSchema,
    text: text(4000),
    proposal: standardSchema.optional(),
  }),
  /** HR answers a proposal: accepted as it is, accepted with changes (the changed standard), declined. */
  z.strictObject({
    type: z.literal('answerProposal'),
    positionCode: positionCodeSchema,
    commentId: z.string().min(1).max(40),
    answer: proposalAnswerSchema,
    reason: z.string().trim().max(4000).optional(),
    standard: standardSchema.optional(),
  }),
  z.strictObject({ type: z.literal('publishStandard'), positionCode: positionCodeSchema }),
  z.strictObject({ type: z.literal('closeRound') }),
]);
export type StandardsCommand = z.infer<typeof standardsCommandSchema>;

/** The payload of the round's `actOnStandards` Workflow Update: who acts, what they ask. */
export const standardsActRequestSchema = z.object({ actor: actorSchema, command: standardsCommandSchema });
export type StandardsActRequest = z.infer<typeof standardsActRequestSchema>;
export { actorSchema };
