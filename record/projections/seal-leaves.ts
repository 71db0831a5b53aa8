// The leaves of a checkpoint seal's Merkle tree (record/projections/checkpoint-seals.ts): one per stream
// head of the cycle, one per document issued with the seal (documents/ prints and verifies them).
import type { DocumentKind, SealedDocument } from '../../domain/documents/seal-events.ts';
import { appraisalStreamId, cycleStreamId } from '../../domain/ids.ts';
import { leafHash } from './merkle.ts';

/**
 * The stream a document is made from: the appraisal's; for a penetapan (subject `<cycleId>:<unitCode>`)
 * the cycle's, where the unit's capaian and calibration are recorded.
 */
export function subjectStreamId(d: { kind: DocumentKind; appraisalId: string }, cycleId: string): string {
  return d.kind === 'penetapan' ? cycleStreamId(cycleId) : appraisalStreamId(d.appraisalId);
}

/** A document's leaf in its seal: the document, the stream head it was made from, its facts' hash and layout. */
export function documentLeaf(d: SealedDocument, streamId: string): string {
  return leafHash(
    [
      'doc',
      d.code,
      d.kind,
      d.appraisalId,
      d.period ?? '',
      d.lang,
      streamId,
      d.streamVersion,
      d.headHash,
      d.factsHash,
      // A document sealed before layouts were recorded keeps the leaf it was sealed with.
      ...(d.layout === undefined ? [] : [`layout${d.layout}`]),
    ].join(':'),
  );
}

export const streamLeaf = (streamId: string, version: number, hash: string) =>
  leafHash(`stream:${streamId}:${version}:${hash}`);
