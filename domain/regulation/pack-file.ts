// A regulation pack written as a JSON file (for an impact simulation of a proposed rule): checked whole,
// every matrix cell and every pattern present, each error naming its place in the file.
import { z } from 'zod';
import type { DistributionRule } from '../rating/distribution-rules.ts';
import { unitPredikats } from '../rating/distribution-rules.ts';
import { predikats } from '../rating/predikat.ts';
import type { RegulationPack } from './pack.ts';

const predikat = z.enum(predikats);
const row = z.strictObject({ diAtas: predikat, sesuai: predikat, diBawah: predikat });
const text = z.string().trim().min(1).max(500);

const rule = z.strictObject({
  code: z.string().regex(/^[A-Za-z]+\.[A-Za-z0-9]+$/, 'a code such as baik.max70PercentBaik'),
  bound: z.enum(['atMost', 'atLeast']),
  predikats: z.array(predikat).min(1),
  limit: z.union([
    z.strictObject({ percent: z.number().int().min(0).max(100) }),
    z.strictObject({ count: z.number().int().min(0) }),
  ]),
  text: z.strictObject({ id: text, en: text }),
});

export const packFileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'lower-case letters, digits, dots and dashes'),
  effectiveFrom: z.iso.date(),
  title: text,
  citations: z.strictObject({ matrix: text, distribution: text, keberatan: text, smallUnit: text }),
  matrix: z.strictObject({ diAtas: row, sesuai: row, diBawah: row }),
  distribution: z.strictObject(
    Object.fromEntries(unitPredikats.map((u) => [u, z.array(rule)])) as Record<
      (typeof unitPredikats)[number],
      z.ZodArray<typeof rule>
    >,
  ),
  smallUnitSize: z.number().int().min(1).max(1000),
  objectionDays: z.number().int().min(14, 'PP 30/2019 fixes at least 14 days').max(365),
  reminderLeadDays: z.number().int().min(0).max(30),
});

export type PackFileResult = { ok: true; pack: RegulationPack } | { ok: false; message: string };

/** Reads a pack from parsed JSON; the first problem names its path, e.g. `matrix.sesuai.diBawah`. */
export function readPackFile(json: unknown): PackFileResult {
  const parsed = packFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(the whole file)';
    return { ok: false, message: `${where}: ${issue?.message ?? 'invalid'}` };
  }
  const pack = parsed.data;
  for (const [unit, rules] of Object.entries(pack.distribution)) {
    for (const r of rules as DistributionRule[]) {
      if (!r.code.startsWith(`${unit}.`))
        return { ok: false, message: `distribution.${unit}: rule ${r.code} must start with ${unit}.` };
    }
  }
  return { ok: true, pack };
}
