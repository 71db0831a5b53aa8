// What an appraisal's rules need from beyond its own stream, read from the record (idempotent reads the
// workflow calls before it decides): the RHK of the supervisor's agreed SKP in the same cycle, which an
// RHK utama of the JA/JF form must name (the cascade), and the capaian kinerja organisasi of the unit
// an appraised leader leads, which is their rating hasil kerja.
import type { Kysely } from 'kysely';
import type { AppraisalState } from '../domain/appraisal/state.ts';
import { type UnitPredikat, unitPredikatSchema } from '../domain/rating/distribution-rules.ts';
import type { Database } from '../schema/database.ts';

export function createSkpLookups(deps: { db: Kysely<Database> }) {
  return {
    /** The ids of the RHK of this person's agreed SKP in the cycle; none when it is not agreed (yet). */
    async readAgreedRhk(input: { orgId: string; cycleId: string; nip: string }): Promise<string[]> {
      const row = await deps.db
        .selectFrom('appraisals')
        .select('state')
        .where('org_id', '=', input.orgId)
        .where('cycle_id', '=', input.cycleId)
        .where('nip', '=', input.nip)
        .executeTakeFirst();
      const agreement = (row?.state as AppraisalState | undefined)?.agreement;
      if (!agreement || agreement.agreedVersion === null) return [];
      const agreed = agreement.versions.find((v) => v.version === agreement.agreedVersion);
      return agreed?.rhk.map((r) => r.id) ?? [];
    },

    /** The unit's capaian for the year, or for one period (TW1 ...); null while HR has not set it. */
    async readUnitCapaian(input: {
      cycleId: string;
      unitCode: string;
      period?: string;
    }): Promise<UnitPredikat | null> {
      const row = input.period
        ? await deps.db
            .selectFrom('unit_period_predikat')
            .select('unit_predikat')
            .where('cycle_id', '=', input.cycleId)
            .where('unit_code', '=', input.unitCode)
            .where('period', '=', input.period)
            .executeTakeFirst()
        : await deps.db
            .selectFrom('unit_calibration')
            .select('unit_predikat')
            .where('cycle_id', '=', input.cycleId)
            .where('unit_code', '=', input.unitCode)
            .executeTakeFirst();
      const parsed = unitPredikatSchema.safeParse(row?.unit_predikat);
      return parsed.success ? parsed.data : null;
    },
  };
}
