// What an indicator and a realisation carry of a measure (measure.ts): the indicator names the measure it
// is bound to, the realisation records the measure's value it was pre-filled with and whether the employee
// changed it. A module of its own, small, because the SKP payloads (read by the workflows) import it.
import { z } from 'zod';

/** A measure's code, as HR names it: letters, digits, dot, dash and underscore, e.g. `waktu-tunggu`. */
export const measureCodeSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'a measure code is 1-64 letters, digits, dots, dashes or underscores',
  );

/**
 * The measure's value a bound indicator's realisation was pre-filled with, as the record held it when
 * the realisation was recorded (the server's word, never the caller's), and whether the realisation
 * differs from it (an override).
 */
export const realisationMeasureSchema = z.strictObject({
  code: measureCodeSchema,
  value: z.number().finite().min(0).max(1e12),
  source: z.string().min(1).max(200),
  recordedAt: z.iso.datetime({ offset: true }),
  overridden: z.boolean(),
});
export type RealisationMeasure = z.infer<typeof realisationMeasureSchema>;
