// Every event of a standards round's stream (one organisation's round of drafting, commenting on and
// publishing the standards of its positions), with the zod schema of its data. The event store checks
// each append and read against them; `evolve` (state.ts), the projection and the audit fold them.
import { z } from 'zod';
import type { EventOf } from '../event-of.ts';
import { nipSchema } from '../organisation/nip.ts';
import {
  participantRoleSchema,
  positionCodeSchema,
  proposalAnswerSchema,
  standardSchema,
} from './payloads.ts';

const at = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const roundPositionSchema = z.object({
  positionCode: positionCodeSchema,
  name: z.string(),
  /** The published version the draft starts from; null when the position has none yet. */
  baseVersion: z.number().int().min(1).nullable(),
  standard: standardSchema,
  /** Who may comment: the position's holders and their direct supervisors (from the org chart). */
  participants: z.array(z.object({ nip: nipSchema, role: participantRoleSchema })),
  /** Unit leaders who may draft it besides HR: heads of the one unit all its other holders work in. */
  leaderNips: z.array(nipSchema),
});
export type RoundPosition = z.infer<typeof roundPositionSchema>;

export const standardsEventSchemas = {
  'standards.roundStarted': z.object({
    roundId: z.string(),
    orgId: z.string(),
    /** The organisation's zone: the window ends at 23:59:59 there, and times are shown there. */
    timeZone: z.string(),
    /** The end of the window for comments and proposals. */
    deadline: at,
    positions: z.array(roundPositionSchema),
    by: nipSchema,
    at,
  }),
  'standards.taskAssigned': z.object({
    taskId: z.string(),
    positionCode: positionCodeSchema,
    assigneeNip: nipSchema,
    role: participantRoleSchema,
    dueAt: at,
    at,
  }),
  'standards.taskCompleted': z.object({ taskId: z.string(), by: nipSchema, at }),
  'standards.taskReminded': z.object({ taskId: z.string(), assigneeNip: nipSchema, dueAt: at, at }),
  'standards.taskExpired': z.object({ taskId: z.string(), at }),
  'standards.taskCancelled': z.object({ taskId: z.string(), at }),
  /** HR or a unit leader revised a position's draft. */
  'standards.drafted': z.object({
    positionCode: positionCodeSchema,
    revision: z.number().int().min(1),
    standard: standardSchema,
    by: nipSchema,
    at,
  }),
  /** A participant's comment on the draft, with a changed standard when they propose one. */
  'standards.commented': z.object({
    positionCode: positionCodeSchema,
    commentId: z.string(),
    /** The draft revision the comment was made on. */
    revision: z.number().int().min(0),
    text: text(4000),
    proposal: standardSchema.nullable(),
    role: participantRoleSchema,
    by: nipSchema,
    at,
  }),
  /** HR's answer to a proposal; `standard` is the draft it leaves (null when declined). */
  'standards.proposalAnswered': z.object({
    positionCode: positionCodeSchema,
    commentId: z.string(),
    answer: proposalAnswerSchema,
    reason: z.string().max(4000).nullable(),
    standard: standardSchema.nullable(),
    by: nipSchema,
    at,
  }),
  /** A version of the position's standard, with the proposals decided since the last one. */
  'standards.published': z.object({
    positionCode: positionCodeSchema,
    version: z.number().int().min(1),
    standard: standardSchema,
    decisions: z.array(
      z.object({
        commentId: z.string(),
        proposedBy: nipSchema,
        answer: proposalAnswerSchema,
        reason: z.string().nullable(),
        decidedBy: nipSchema,
      }),
    ),
    by: nipSchema,
    at,
  }),
  'standards.windowClosed': z.object({ at }),
  'standards.roundClosed': z.object({ by: nipSchema, at }),
} as const;

export type StandardsEventType = keyof typeof standardsEventSchemas;
export type StandardsEventData<T extends StandardsEventType> = z.infer<(typeof standardsEventSchemas)[T]>;
export type StandardsEvent = EventOf<typeof standardsEventSchemas>;
