// Indicators bound to measures, at the way in: an SKP (or a position's standard) may bind an indicator
// only to a measure the organisation has, in the measure's direction; a bound indicator's realisation is
// pre-filled from the unit's value for the period and records it (domain/measures/measure.ts). The
// record is read here, so the workflow receives the command as decided: it adds no activity.
import type { AppraisalCommand } from '../../domain/appraisal/commands.ts';
import type { AppraisalState } from '../../domain/appraisal/state.ts';
import { parseCycleId } from '../../domain/ids.ts';
import { bindRealisation } from '../../domain/measures/measure.ts';
import { boundIndicators, measureReadings, measuresByCode } from '../../record/read/measures.ts';
import { Refusal } from './refusal.ts';
import type { Services } from './services.ts';

interface BoundRhk {
  id: string;
  indicators: ReadonlyArray<{
    id: string;
    measureCode?: string | undefined;
    targetValue?: number | undefined;
    lowerIsBetter?: boolean | undefined;
  }>;
}

/**
 * 422 unknown_measure, or measure_direction for a target number whose direction is not the measure's,
 * naming the RHK, the indicator and the field; else nothing.
 */
export async function checkMeasureBindings(services: Services, org: string, rhk: readonly BoundRhk[]) {
  const bound = rhk.flatMap((r) => r.indicators.flatMap((i) => (i.measureCode ? [{ rhk: r, i }] : [])));
  const measures = await measuresByCode(services.db, org, [
    ...new Set(bound.map((b) => b.i.measureCode ?? '')),
  ]);
  for (const { rhk: r, i } of bound) {
    const where = { rhkId: r.id, indicatorId: i.id, field: 'measureCode' };
    const measure = measures.get(i.measureCode ?? '');
    if (!measure)
      throw new Refusal(
        422,
        'unknown_measure',
        `RHK ${r.id}, indicator ${i.id}: the organisation has no measure ${i.measureCode}`,
        where,
      );
    // A target in words has no direction (a standard's default, a kualitatif SKP); a number has one.
    if (i.targetValue !== undefined && (i.lowerIsBetter ?? false) !== measure.lowerIsBetter)
      throw new Refusal(
        422,
        'measure_direction',
        `RHK ${r.id}, indicator ${i.id}: measure ${measure.code} is ${measure.lowerIsBetter ? 'lower' : 'higher'} is better; set lowerIsBetter to ${measure.lowerIsBetter}`,
        { ...where, field: 'lowerIsBetter' },
      );
  }
}

type RecordCommand = Extract<AppraisalCommand, { type: 'recordRealisation' }>;

/** A period's realisation with each bound indicator pre-filled from, and recording, the unit's value. */
export async function withMeasures(
  services: Services,
  state: AppraisalState,
  command: RecordCommand,
): Promise<RecordCommand> {
  const bound = boundIndicators(state);
  const year = parseCycleId(state.cycleId)?.year;
  const readings =
    bound.size > 0 && year !== undefined
      ? await measureReadings(
          services.db,
          state.orgId,
          { unitCode: state.participants.employee.unitCode, year, period: command.period },
          [...new Set([...bound.values()].map((i) => i.measureCode))],
        )
      : new Map();
  const kuantitatif = state.skp?.approach === 'kuantitatif';
  const realisations = command.realisations.map((r) => {
    const code = bound.get(r.indicatorId)?.measureCode;
    return bindRealisation(r, code ? readings.get(code) : undefined, kuantitatif);
  });
  return { ...command, realisations };
}
