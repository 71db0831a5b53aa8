// The payloads that commands and events share: results and indicators (RHK), realisation with evidence,
// BerAKHLAK scores. Strict, as commands are: events carry them as the parsed command had them. A module of their own so that workflows, which validate commands, do not also build
// every event schema (each workflow evaluates the modules it imports).
import { z } from 'zod';
import { allPeriodIds } from '../cycle/periods.ts';
import { measureCodeSchema, realisationMeasureSchema } from '../measures/binding.ts';
import { berakhlakReviewSchema } from '../review/berakhlak.ts';
import { rhkKinds } from './skp.ts';
import { perspektifSchema } from './skp-schemas.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const aspectSchema = z.enum(['kuantitas', 'kualitas', 'waktu', 'biaya']);
// Which of the optional fields an SKP needs follows its form and approach (skp.ts, proposalIssues): the
// shape of old is an aspect and a target in words; events recorded before the forms still parse.
export const indicatorSchema = z.strictObject({
  id: z.string().min(1).max(40),
  description: text(500),
  /** JA/JF form: kuantitas, kualitas, waktu or biaya. */
  aspect: aspectSchema.optional(),
  /** Kualitatif approach: the target in words. */
  target: text(200).optional(),
  /** Kuantitatif approach: the target's number and its unit of measure (satuan), e.g. 30 menit. */
  targetValue: z.number().finite().min(0).max(1e12).optional(),
  satuan: text(60).optional(),
  /** Kuantitatif approach: less is better (a waiting time, a cost). */
  lowerIsBetter: z.boolean().optional(),
  /** The measure of the unit the indicator is bound to (domain/measures/): its realisation is pre-filled from it. */
  measureCode: measureCodeSchema.optional(),
});
export const rhkSchema = z.strictObject({
  id: z.string().min(1).max(40),
  /** utama, tambahan, and in the JPT form instruksiKhusus (instruksi khusus pimpinan). */
  kind: z.enum(rhkKinds),
  description: text(1000),
  /** The supervisor's own RHK this one is cascaded from (intervensi), when the supervisor has one. */
  parentRhkId: z.string().max(80).nullable(),
  /** JPT form: penerima layanan, proses bisnis, penguatan internal or anggaran. */
  perspektif: perspektifSchema.optional(),
  indicators: z.array(indicatorSchema).min(1).max(20),
});
export type Rhk = z.infer<typeof rhkSchema>;

/** An evidence file as the realisation's event names it: its hash, name, size and kind as stored. */
export const evidenceFileSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(200),
  size: z.number().int().min(1),
  contentType: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
});

export const realisationSchema = z.strictObject({
  indicatorId: z.string().min(1).max(40),
  /** The realisation in words (kualitatif approach, and every SKP before the approaches). */
  value: text(500).optional(),
  /** The realisation's number in the target's satuan (kuantitatif approach). */
  amount: z.number().finite().min(0).max(1e12).optional(),
  evidence: z
    .array(
      z.strictObject({
        url: z.url().optional(),
        note: z.string().max(1000).optional(),
        /** A file kept with the appraisal (a photo or a PDF), named by its SHA-256; the server fills the rest. */
        file: evidenceFileSchema.optional(),
      }),
    )
    .max(20),
  /**
   * A bound indicator's: the measure's value it was pre-filled with and whether `amount` overrides it.
   * Set by the server from the record (api/commands/appraisal.ts); whatever a caller sends is replaced.
   */
  measure: realisationMeasureSchema.optional(),
});

/** Scores 1-5 per BerAKHLAK value; a reviewer may skip a value they could not observe. */
export const berakhlakScoresSchema = berakhlakReviewSchema.shape.scores;

/** TW1-TW4, M01-M12 or S1-S2 (domain/cycle/periods.ts). */
export const periodIdSchema = z.enum(allPeriodIds as [string, ...string[]]);
