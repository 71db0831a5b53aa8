// Layout versions: what a kind of document prints as facts changes now and then (a field filled in, a
// key renamed), and a document must still verify years after it was issued. So each change to a kind's
// facts is a new layout of that kind; a document is sealed with the layout it was printed in (documents
// sealed before layouts were recorded are layout 1, the first printing), and the verifier re-derives the
// facts of that layout. New documents take the newest. The builders (skp.ts, evaluation.ts,
// keberatan.ts, penetapan.ts) print every layout of their kind.
import type { DocumentKind } from '../domain/documents/seal-events.ts';

/**
 * The newest layout of each kind. The history:
 * - skp 1: the first printing.
 * - evaluasi 1: every period against the current SKP. 2: a period against the SKP agreed in its own SKP
 *   period (after a mutasi). 3: the akhir of a year of several SKP periods prints each in turn, its keys
 *   prefixed `skp1.`, `skp2.` ...
 * - keberatan 1: the rater's explanation left empty. 2: the rater's and the employee's explanations
 *   (`objection.explanation.employee` added).
 * - penetapan 1: no signature, the justification left empty, a period's findings empty. 2: a period's
 *   findings, signed justification and signer (`signed` added). 3: the year's too. 4: the findings worded
 *   in the document's language (1-3 printed their stored English sentences).
 */
export const newestLayouts = {
  skp: 1,
  evaluasi: 3,
  keberatan: 2,
  penetapan: 4,
} as const satisfies Record<DocumentKind, number>;

/** The layout a sealed document was printed in: recorded with it, or the first when none was recorded. */
export const layoutOf = (document: { layout?: number | undefined }): number => document.layout ?? 1;

/** Whether this siklus can print a layout of a kind (a layout from a newer siklus is not). */
export const knownLayout = (kind: DocumentKind, layout: number): boolean =>
  Number.isInteger(layout) && layout >= 1 && layout <= newestLayouts[kind];
