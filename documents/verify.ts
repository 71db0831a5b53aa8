// Checks a document read back from its PDF (read-pdf.ts): every printed fact against the hash it was
// issued with, those hashes against the facts' hash, and the document's leaf through its Merkle proof to
// the root of the seal it names, the seal taken from the log or from a published seals.json. Pure.
import { rootOf } from '../record/projections/merkle.ts';
import {
  documentLeaf,
  factHash,
  factsHashOf,
  type Payload,
  sealedDocumentOf,
  subjectStreamId,
} from './proof.ts';
import type { ReadDocument } from './read-pdf.ts';

export interface Finding {
  /** The fact's key, when the finding is about one printed fact. */
  fact?: string;
  reason: string;
}

export interface SealRoot {
  cycleId: string;
  sequence: number;
  root: string;
}

/** Each printed fact that is missing or differs from what was issued, and a wrong printed code. */
export function checkPrinted(read: ReadDocument): Finding[] {
  const { payload } = read;
  if (!payload)
    return [{ reason: 'the PDF carries no siklus proof: not a siklus document, or its proof was removed' }];
  const findings: Finding[] = [];
  if (read.codes.length === 0) findings.push({ reason: 'no page shows the document code' });
  read.codes.forEach((code, i) => {
    if (code.replace(/\s/g, '') !== payload.code)
      findings.push({ reason: `page ${i + 1} shows the code ${code}, the proof is for ${payload.code}` });
  });
  const facts = payload.facts;
  if (!facts) return [...findings, { reason: 'the proof lists no fact hashes' }];
  if (factsHashOf(facts) !== payload.factsHash)
    findings.push({
      reason: "the fact hashes in the proof do not give the proof's facts hash: the proof was altered",
    });
  facts.forEach(([key, hash], i) => {
    const printed = read.printed.get(i);
    if (printed === undefined) findings.push({ fact: key, reason: `${key}: not printed` });
    else if (factHash(payload.code, key, printed) !== hash)
      findings.push({ fact: key, reason: `${key}: the printed "${printed}" is not what was issued` });
  });
  for (const i of read.printed.keys())
    if (i >= facts.length) findings.push({ reason: `a printed value (${i}) that the proof does not know` });
  return findings;
}

/** Whether the document's leaf leads through its proof to the root of the seal it names. */
export function checkProof(payload: Payload, seals: readonly SealRoot[]): Finding[] {
  const seal = seals.find((s) => s.cycleId === payload.cycleId && s.sequence === payload.seal);
  if (!seal)
    return [
      {
        reason: `no seal ${payload.seal} of cycle ${payload.cycleId} is known: a document of another cycle, or seals not given`,
      },
    ];
  const leaf = documentLeaf(sealedDocumentOf(payload), subjectStreamId(payload, payload.cycleId));
  if (rootOf(leaf, payload.proof) !== seal.root)
    return [
      {
        reason: `the proof does not lead to the root of seal ${seal.sequence} of ${seal.cycleId}: the QR code or proof is forged, or is another document's`,
      },
    ];
  return [];
}
