// A penetapan's findings in the page's language. The events store each finding as its rule and an English
// sentence; the page checks the curve again from the counts and capaian it already has, under the pack
// the penetapan names (curveFactsUnder), and words each finding from those facts. Where it cannot
// (another pack, or counts that no longer give the stored sentence), it shows the stored sentence: the
// only account of that finding left.
import { storedFindingText } from '../../../domain/vocabulary/findings.ts';
import type { Translate } from '../i18n/index.ts';

/** A stored finding's sentence in the page's language, from its facts; the stored English without them. */
export function findingDetail(
  t: Translate,
  stored: { rule: string; message: string },
  facts: Parameters<typeof storedFindingText>[2],
): string {
  return storedFindingText(t.lang, stored, facts);
}
