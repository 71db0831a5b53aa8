// A penetapan's findings in the page's language. The events store each finding as its rule and an English
// sentence; the page checks the curve again from the counts and capaian it already has, under the pack
// the penetapan names, and words each finding from those facts. Where it cannot (another pack, or counts
// that no longer give the stored sentence), it shows the stored sentence, the only account left of it.

import { curveFacts } from '../../../domain/rating/curve-check.ts';
import type { PredikatCounts } from '../../../domain/rating/distribution.ts';
import type { UnitPredikat } from '../../../domain/rating/distribution-rules.ts';
import type { Finding } from '../../../domain/rating/finding.ts';
import { regulationPacks } from '../../../domain/regulation/pack.ts';
import { findingText, storedFinding } from '../../../domain/vocabulary/findings.ts';
import type { Translate } from '../i18n/index.ts';

/** The facts of the curve of `capaian` over `counts` under the pack `packId`; none when either is unknown. */
export function curveFactsOf(
  capaian: UnitPredikat | null,
  counts: PredikatCounts | null | undefined,
  packId: string,
): Finding[] {
  const pack = regulationPacks.find((p) => p.id === packId);
  if (!capaian || !counts || !pack) return [];
  return curveFacts(capaian, counts, pack.distribution).map((f) => f.finding);
}

/** A stored finding's sentence in the page's language, from its facts; the stored English without them. */
export function findingDetail(
  t: Translate,
  stored: { rule: string; message: string },
  facts: readonly Finding[],
): string {
  const finding = storedFinding(stored, facts);
  return finding ? findingText(t.lang, finding) : stored.message;
}
