// A unit leader's rating hasil kerja is not the rater's to choose: it is the capaian kinerja organisasi
// of the unit they lead (SE MenPANRB 3/2023), the year's for the akhir rating and a period's for that
// period's. The workflow looks the capaian up before it decides; the rater sets the rating perilaku kerja.
import { DomainError } from '../errors.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Rating } from '../rating/predikat.ts';
import { ratingFromCapaian } from './skp.ts';
import type { AppraisalState } from './state.ts';

/**
 * The rating hasil kerja to record, and the capaian it came from for a unit leader. `capaian` is what
 * the workflow looked up (null: HR has not set it), or undefined where it was not looked up (the Update's
 * validator): then the rating given stands in, and the handler decides again with the capaian.
 */
export function resultsOf(
  state: AppraisalState,
  given: Rating | undefined,
  capaian: UnitPredikat | null | undefined,
  period: string | null,
): { results: Rating; capaian?: UnitPredikat } {
  const unit = state.skp?.ledUnitCode;
  if (!unit) {
    if (!given)
      throw new DomainError('results_required', 'The rating hasil kerja (results) is required', {
        field: 'results',
      });
    return { results: given };
  }
  if (capaian === undefined) return { results: given ?? 'sesuai' };
  const of = `unit ${unit}${period ? ` in ${period}` : ''}`;
  if (capaian === null)
    throw new DomainError(
      'capaian_missing',
      `The rating hasil kerja of a unit leader is the capaian kinerja organisasi of ${of}, which HR has not set yet`,
      { unitCode: unit, ...(period ? { period } : {}) },
    );
  const results = ratingFromCapaian(capaian);
  if (given && given !== results)
    throw new DomainError(
      'results_from_capaian',
      `The rating hasil kerja of a unit leader is the capaian kinerja organisasi of ${of} (${capaian}: ${results}); it cannot be chosen`,
      { field: 'results', unitCode: unit, capaian, results },
    );
  return { results, capaian };
}
