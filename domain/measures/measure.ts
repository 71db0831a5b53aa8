// A measure of a unit (ukuran layanan): a service figure such as a puskesmas's average waiting time, the
// SKM satisfaction index, or the share of documents processed within the service standard. HR defines it
// once per organisation (code, name, satuan, direction, targets); its values arrive per unit and period
// (measure-file.ts). An SKP indicator may be bound to one (binding.ts): its realisation is pre-filled from
// the unit's value and its achievement follows from the target and the direction, by the SKP's own rule.
import { z } from 'zod';
import { achievementPercent } from '../appraisal/skp.ts';
import { isPeriodId } from '../cycle/periods.ts';
import { measureCodeSchema, type RealisationMeasure } from './binding.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const amount = z.number().finite().min(0).max(1e12);

export const measureSchema = z.strictObject({
  code: measureCodeSchema,
  name: text(200),
  /** The unit of measure, e.g. menit, %, indeks, dokumen. */
  satuan: text(60),
  /** Less is better (a waiting time, a cost); otherwise more is better. */
  lowerIsBetter: z.boolean().default(false),
  /** The target of every period without one of its own. */
  target: amount.optional(),
  /** Targets per period (TW1-TW4, M01-M12, S1-S2), over `target`. */
  targets: z
    .record(z.string(), amount)
    .default({})
    .superRefine((targets, ctx) => {
      for (const period of Object.keys(targets))
        if (!isPeriodId(period))
          ctx.addIssue({
            code: 'custom',
            path: [period],
            message: `${period} is not a period (TW1-TW4, M01-M12, S1-S2)`,
          });
    }),
});
export type MeasureInput = z.input<typeof measureSchema>;
export type Measure = z.output<typeof measureSchema>;

/** The target of a period: its own, else the measure's general one; undefined when there is none. */
export function targetOf(measure: Pick<Measure, 'target' | 'targets'>, period: string): number | undefined {
  return measure.targets[period] ?? measure.target;
}

/**
 * A value's achievement against the period's target, in percent, by the SKP's kuantitatif rule
 * (skp.ts achievementPercent): value over target, or (2 - value/target) when less is better. null
 * without a target.
 */
export function measureAchievement(
  measure: Pick<Measure, 'target' | 'targets' | 'lowerIsBetter'>,
  period: string,
  value: number,
): number | null {
  return achievementPercent(
    {
      id: '',
      description: '',
      targetValue: targetOf(measure, period),
      lowerIsBetter: measure.lowerIsBetter,
    },
    value,
  );
}

/** Below target: achievement under 100 %. null when the period has no target to compare with. */
export function isBelowTarget(
  measure: Pick<Measure, 'target' | 'targets' | 'lowerIsBetter'>,
  period: string,
  value: number,
): boolean | null {
  const achieved = measureAchievement(measure, period, value);
  return achieved === null ? null : achieved < 100;
}

/** A unit's value of a measure for one period, as the record holds it. */
export interface MeasureReading {
  code: string;
  value: number;
  source: string;
  recordedAt: string;
  /** The measure's unit of measure, for a realisation in words ("36 menit"). */
  satuan?: string;
}

interface RealisationLike {
  indicatorId: string;
  value?: string | undefined;
  amount?: number | undefined;
  measure?: RealisationMeasure | undefined;
}

/**
 * A bound indicator's realisation as it is recorded: pre-filled with the measure's value where the
 * employee gave none (a number in the kuantitatif approach, "36 menit" in words in the kualitatif one),
 * and carrying that value with whether the employee's overrides it (another number; in words, words that
 * do not start with the measure's number). Whatever `measure` the caller sent is dropped: only the
 * record's reading is recorded. Without a reading (no value for the unit and period) the realisation
 * goes as sent.
 */
export function bindRealisation<R extends RealisationLike>(
  realisation: R,
  reading: MeasureReading | undefined,
  kuantitatif: boolean,
): R {
  const { measure: _ignored, ...rest } = realisation;
  if (!reading) return rest as R;
  const measure = (overridden: boolean): RealisationMeasure => ({
    code: reading.code,
    value: reading.value,
    source: reading.source,
    recordedAt: reading.recordedAt,
    overridden,
  });
  if (kuantitatif) {
    const given = rest.amount ?? reading.value;
    return { ...rest, amount: given, measure: measure(given !== reading.value) } as R;
  }
  const words = rest.value?.trim();
  if (!words) return { ...rest, value: readingText(reading), measure: measure(false) } as R;
  return { ...rest, measure: measure(leadingNumber(words) !== reading.value) } as R;
}

/** A reading in words, as a kualitatif realisation states it: "36 menit", "81.5 indeks". */
export function readingText(reading: Pick<MeasureReading, 'value' | 'satuan'>): string {
  return `${reading.value}${reading.satuan ? ` ${reading.satuan}` : ''}`;
}

/** The number words start with (a decimal comma or point), if any: "36 menit" is 36, "81,5" is 81.5. */
function leadingNumber(words: string): number | undefined {
  const match = /^(\d+(?:[.,]\d+)?)(?!\d)/.exec(words);
  return match?.[1] === undefined ? undefined : Number(match[1].replace(',', '.'));
}
