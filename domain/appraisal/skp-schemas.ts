// The zod schemas of the SKP's parts (skp.ts has the rules, free of zod for the workflows): the setting an
// appraisal records when it starts, the perilaku kerja's ekspektasi khusus pimpinan, the lampiran SKP.
import { z } from 'zod';
import { berakhlakValues } from '../review/berakhlak.ts';
import { lampiranParts, perspektifs, skpApproaches, skpForms } from './skp.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const skpFormSchema = z.enum(skpForms);
export const skpApproachSchema = z.enum(skpApproaches);
export const perspektifSchema = z.enum(perspektifs);

export const skpSettingSchema = z.object({
  form: skpFormSchema,
  approach: skpApproachSchema,
  ledUnitCode: z.string().min(1).max(64).nullable(),
});

/** The rater's specific expectation per BerAKHLAK value, each optional. */
export const ekspektasiSchema = z.strictObject(
  Object.fromEntries(berakhlakValues.map((v) => [v, text(1000).optional()])) as Record<
    (typeof berakhlakValues)[number],
    z.ZodOptional<ReturnType<typeof text>>
  >,
);

/** Lampiran SKP: resources the organisation provides, the accountability scheme, the consequences. */
export const lampiranSchema = z.strictObject(
  Object.fromEntries(lampiranParts.map((p) => [p, z.array(text(1000)).max(20).optional()])) as Record<
    (typeof lampiranParts)[number],
    z.ZodOptional<z.ZodArray<ReturnType<typeof text>>>
  >,
);
