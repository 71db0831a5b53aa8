// The whole check of one document, as `siklus documents verify` and the public /verify page run it:
// from its PDF (the printed facts, the proof) or from its code alone (what the document must say),
// against the seals in the log or in a published seals.json.
import type { Kysely } from 'kysely';
import { annualPeriod } from '../domain/cycle/periods.ts';
import type { DocumentKind, SealEventData, SealedDocument } from '../domain/documents/seal-events.ts';
import { appraisalStreamId, parseCycleId } from '../domain/ids.ts';
import type { Database } from '../schema/database.ts';
import { inputAsOf, modelOf } from './issue.ts';
import { knownLayout, layoutOf, newestLayouts } from './layouts.ts';
import { type DocumentModel, type Fact, factsOf } from './model.ts';
import { penetapanDocument } from './penetapan.ts';
import { penetapanInputAsOf } from './penetapan-issue.ts';
import { cycleOfSubject, factHashesOf, factsHashOf, type Payload } from './proof.ts';
import type { ReadDocument } from './read-pdf.ts';
import { type PublishedSeal, sealOfCode, sealStillHolds, sealsOf } from './seals.ts';
import { checkPrinted, checkProof, type Finding, type SealRoot } from './verify.ts';

export interface DocumentCheck {
  intact: boolean;
  code: string | null;
  findings: Finding[];
  /** What the document must say, re-derived from the log (with the database only). */
  facts?: Fact[];
  /** The same facts under the document's headings, as the public page shows them. */
  sections?: Array<{ heading: string | null; facts: Fact[] }>;
  /** The log still gives the seal's root and the document's facts (with the database only). */
  logAgrees?: boolean;
  /** The kind and the layout of it the document was printed in, as its seal records them (with the database only). */
  kind?: DocumentKind;
  layout?: number;
  /** Whether this siklus can print that layout (layouts.ts): false for a document of a newer siklus. */
  layoutKnown?: boolean;
}

/** A PDF against published seals only: no database. */
export function verifyOffline(read: ReadDocument, seals: readonly PublishedSeal[]): DocumentCheck {
  const findings = checkPrinted(read);
  if (read.payload) findings.push(...checkProof(read.payload, seals));
  return { intact: findings.length === 0, code: read.payload?.code ?? null, findings };
}

/** A PDF against the log: the offline checks with the log's seals, then whether the log still agrees. */
export async function verifyWithLog(db: Kysely<Database>, read: ReadDocument): Promise<DocumentCheck> {
  const payload = read.payload;
  const seals = payload ? await sealsOf(db, payload.cycleId) : [];
  const check = verifyOffline(
    read,
    seals.map((s) => ({ ...s, documents: s.documents.length })),
  );
  if (!payload || !check.intact) return check;
  const byCode = await verifyCode(db, payload.code);
  return { ...byCode, findings: [...check.findings, ...byCode.findings], intact: byCode.intact };
}

/** A code alone: the seal that lists it, the facts re-derived from the log as of the sealed version. */
export async function verifyCode(db: Kysely<Database>, code: string): Promise<DocumentCheck> {
  const found = await sealOfCode(db, code);
  if (!found) return { intact: false, code, findings: [{ reason: `no seal lists a document ${code}` }] };
  const { document } = found;
  const layout = layoutOf(document);
  const layoutKnown = knownLayout(document.kind, layout);
  return {
    ...(await checkSealed(db, code, found, layout, layoutKnown)),
    kind: document.kind,
    layout,
    layoutKnown,
  };
}

/** A document a seal lists, re-derived from the log in the layout it was printed in. */
async function checkSealed(
  db: Kysely<Database>,
  code: string,
  { seal, document }: { seal: SealEventData; document: SealedDocument },
  layout: number,
  layoutKnown: boolean,
): Promise<DocumentCheck> {
  const findings: Finding[] = [];
  if (!(await sealStillHolds(db, seal)))
    findings.push({
      reason: `the log no longer gives the root of seal ${seal.sequence} of ${seal.cycleId}: it was rewritten`,
    });
  const cycleId = cycleOfSubject(document.appraisalId) ?? seal.cycleId;
  const org = parseCycleId(cycleId)?.orgId ?? '';
  // The facts are re-derived in the layout the document was printed in, not today's.
  if (!layoutKnown)
    return {
      intact: false,
      code,
      findings: [
        ...findings,
        {
          reason: `the document was printed in layout ${layout} of ${document.kind}, which this siklus does not know (it knows 1 to ${newestLayouts[document.kind]}): verify it with a newer siklus`,
        },
      ],
    };
  if (document.kind === 'penetapan') {
    // A unit's penetapan reads the cycle's stream and every member's: as the log stood at the seal.
    const unitCode = document.appraisalId.slice(cycleId.length + 1);
    const period = document.period ?? annualPeriod;
    const input = await penetapanInputAsOf(db, org, cycleId, unitCode, period, seal.position, document.lang);
    return compared(code, document.factsHash, input && penetapanDocument(input, layout), findings);
  }
  const position = await positionOfVersion(db, document.appraisalId, document.streamVersion);
  const input =
    position === undefined
      ? undefined
      : await inputAsOf(db, org, document.appraisalId, position, document.lang);
  const model = input && modelOf(input, document.kind, document.period, layout);
  return compared(code, document.factsHash, model, findings);
}

/** The document re-derived from the log, against the facts' hash it was sealed with. */
function compared(
  code: string,
  factsHash: string,
  model: DocumentModel | undefined,
  findings: Finding[],
): DocumentCheck {
  if (!model)
    return {
      intact: false,
      code,
      findings: [...findings, { reason: 'what the document was made from is gone from the log' }],
      logAgrees: false,
    };
  const facts = factsOf(model);
  if (factsHashOf(factHashesOf(code, facts)) !== factsHash)
    findings.push({
      reason: 'the log as of the sealed version no longer gives the facts this document was issued with',
    });
  return {
    intact: findings.length === 0,
    code,
    findings,
    facts,
    sections: sectionsOf(model),
    logAgrees: findings.length === 0,
  };
}

/** The global position of a stream's event at a version (the document was made from the log up to it). */
async function positionOfVersion(
  db: Kysely<Database>,
  appraisalId: string,
  version: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('events')
    .select('global_position')
    .where('stream_id', '=', appraisalStreamId(appraisalId))
    .where('stream_version', '=', version)
    .executeTakeFirst();
  return row?.global_position;
}

/** The text a phone reads off the QR code: its proof against the seals, and the log when there is one. */
export async function verifyQr(
  payload: Payload,
  seals: readonly SealRoot[],
  db?: Kysely<Database>,
): Promise<DocumentCheck> {
  const sealRoots = db ? await sealsOf(db, payload.cycleId) : seals;
  const findings = checkProof(payload, sealRoots);
  if (!db || findings.length > 0) return { intact: findings.length === 0, code: payload.code, findings };
  return verifyCode(db, payload.code);
}

/** The facts grouped under the headings printed above them. */
function sectionsOf(model: DocumentModel): NonNullable<DocumentCheck['sections']> {
  const sections: NonNullable<DocumentCheck['sections']> = [{ heading: null, facts: [] }];
  for (const block of model.blocks) {
    if (block.kind === 'heading') sections.push({ heading: block.text, facts: [] });
    else sections.at(-1)?.facts.push(...factsOf({ blocks: [block] }));
  }
  return sections.filter((s) => s.facts.length > 0);
}
