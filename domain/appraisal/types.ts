// Shared shapes of one employee's appraisal: who takes part, which step it is in, and its tasks.
import { z } from 'zod';
import { nipSchema } from '../organisation/nip.ts';
import { quarters } from './quarters.ts';
import { type TaskKind, taskKinds } from './task-kinds.ts';

export const roleSchema = z.enum([
  'hr',
  'employee',
  'supervisor',
  'reviewer',
  'objectionReviewer',
  'auditor',
]);
export type Role = z.infer<typeof roleSchema>;

/** Who performs an action: the NIP from the token, and the roles the API granted. */
export const actorSchema = z.object({ nip: nipSchema, roles: z.array(roleSchema).default([]) });
export type Actor = z.infer<typeof actorSchema>;

/** The people of one appraisal, taken from the org chart when it starts. */
export const participantsSchema = z.object({
  employee: z.object({ nip: nipSchema, name: z.string(), unitCode: z.string(), positionCode: z.string() }),
  /** The rater (pejabat penilai kinerja): usually the direct supervisor. */
  supervisorNip: nipSchema.nullable(),
  /** The rater's superior (atasan pejabat penilai): decides objections. */
  superiorNip: nipSchema.nullable(),
  subordinateNips: z.array(nipSchema),
});
export type Participants = z.infer<typeof participantsSchema>;

export const steps = [
  'socialisation',
  'agreement',
  'checkIns',
  'review',
  'rating',
  'feedback',
  'followUp',
  'completed',
  'cancelled',
] as const;
export const stepSchema = z.enum(steps);
export type Step = z.infer<typeof stepSchema>;

export { quarters };
export const quarterSchema = z.enum(quarters);
export type Quarter = z.infer<typeof quarterSchema>;

// The task kinds and the commands each takes live in task-kinds.ts.
export { type TaskKind, taskKinds };
export const taskKindSchema = z.enum(taskKinds);

export { predikatSchema, ratingSchema } from '../rating/predikat-schemas.ts';
