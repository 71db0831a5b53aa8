// The payloads that commands and events share: results and indicators (RHK), realisation with evidence,
// BerAKHLAK scores. Strict, as commands are: events carry them as the parsed command had them. A module of their own so that workflows, which validate commands, do not also build
// every event schema (each workflow evaluates the modules it imports).
import { z } from 'zod';
import { allPeriodIds } from '../cycle/periods.ts';
import { berakhlakReviewSchema } from '../review/berakhlak.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const aspectSchema = z.enum(['kuantitas', 'kualitas', 'waktu', 'biaya']);
export const indicatorSchema = z.strictObject({
  id: z.string().min(1).max(40),
  description: text(500),
  aspect: aspectSchema,
  target: text(200),
});
export const rhkSchema = z.strictObject({
  id: z.string().min(1).max(40),
  kind: z.enum(['utama', 'tambahan']),
  description: text(1000),
  /** The supervisor's own RHK this one is cascaded from (intervensi), when the supervisor has one. */
  parentRhkId: z.string().max(80).nullable(),
  indicators: z.array(indicatorSchema).min(1).max(20),
});
export type Rhk = z.infer<typeof rhkSchema>;

export const realisationSchema = z.strictObject({
  indicatorId: z.string().min(1).max(40),
  value: text(500),
  evidence: z
    .array(z.strictObject({ url: z.url().optional(), note: z.string().max(1000).optional() }))
    .max(20),
});

/** Scores 1-5 per BerAKHLAK value; a reviewer may skip a value they could not observe. */
export const berakhlakScoresSchema = berakhlakReviewSchema.shape.scores;

/** TW1-TW4, M01-M12 or S1-S2 (domain/cycle/periods.ts). */
export const periodIdSchema = z.enum(allPeriodIds as [string, ...string[]]);
