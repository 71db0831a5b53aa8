// A position's standard (standar kinerja jabatan): its duties (tupoksi) and the default RHK with their
// indicators an SKP for the position starts from. The RHK and indicators are the SKP's own shapes
// (domain/appraisal/payloads.ts), so a published standard prefills the SKP editor as it is.
import { z } from 'zod';
import { rhkSchema } from '../appraisal/payloads.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const standardSchema = z.strictObject({
  duties: z.array(text(1000)).max(50),
  /** Default RHK; a position's standard names no supervisor's RHK (the cascade is the SKP's). */
  rhk: z.array(rhkSchema).max(30),
});
export type Standard = z.infer<typeof standardSchema>;

/** Whom a comment's author is to the position: one who holds it, or the supervisor of one who does. */
export const participantRoleSchema = z.enum(['holder', 'supervisor']);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

export const proposalAnswerSchema = z.enum(['accepted', 'changed', 'declined']);
export type ProposalAnswer = z.infer<typeof proposalAnswerSchema>;

/** The round's code of one position: as HR's position codes are (api/routes/cycles.ts). */
export const positionCodeSchema = z.string().min(1).max(64);
