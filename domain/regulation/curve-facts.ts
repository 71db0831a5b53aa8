// The facts of a curve as it was checked under a regulation pack named by its id (as the events record
// it), for wording its stored findings in a reader's language (domain/vocabulary/findings.ts).
import { curveFacts } from '../rating/curve-check.ts';
import type { PredikatCounts } from '../rating/distribution.ts';
import type { UnitPredikat } from '../rating/distribution-rules.ts';
import type { Finding } from '../rating/finding.ts';
import { regulationPacks } from './pack.ts';

/** Every rule's facts of the curve of `capaian` over `counts` under the pack `packId`; none when either is unknown. */
export function curveFactsUnder(
  packId: string | undefined,
  capaian: UnitPredikat | null | undefined,
  counts: PredikatCounts | null | undefined,
): Finding[] {
  const pack = regulationPacks.find((p) => p.id === packId);
  if (!capaian || !counts || !pack) return [];
  return curveFacts(capaian, counts, pack.distribution).map((f) => f.finding);
}
