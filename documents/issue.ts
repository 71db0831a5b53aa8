// Issues documents: takes the log's settled position, folds each appraisal's file from its stream up
// to that position, builds the documents' facts, seals them with the cycle's streams in one checkpoint
// seal (seals.ts), and prints each with its proof (render.ts).
import type { Kysely } from 'kysely';
import { evaluationFile, peopleIn } from '../domain/appraisal/evaluation-file.ts';
import type { AppraisalEvent } from '../domain/appraisal/events.ts';
import { annualPeriod } from '../domain/cycle/periods.ts';
import type { DocumentKind, SealEventData } from '../domain/documents/seal-events.ts';
import { appraisalStreamId, parseCycleId } from '../domain/ids.ts';
import type { Lang } from '../domain/vocabulary/languages.ts';
import { agreedRhk } from '../record/read/agreement.ts';
import { cycleSummaryOf } from '../record/read/cycles.ts';
import { logoOf, organisationProfile, timeZoneOf } from '../record/read/organisation.ts';
import { employeeNames, staffCards } from '../record/read/people.ts';
import type { Database } from '../schema/database.ts';
import { evaluationDocument } from './evaluation.ts';
import type { DocumentInput } from './input.ts';
import { hasObjection, keberatanDocument } from './keberatan.ts';
import { newestLayouts } from './layouts.ts';
import { type DocumentModel, factsOf } from './model.ts';
import { factHashesOf, factsHashOf, newCode, type Payload, sealedDocumentOf } from './proof.ts';
import { type Letterhead, renderPdf } from './render.ts';
import { appendSeal, type Head, headsAsOf, settledPosition } from './seals.ts';
import { skpDocument } from './skp.ts';

type Db = Kysely<Database>;

/** One document of an appraisal; `period` for the evaluation (TW1 ... or akhir). */
export interface DocumentRequest {
  appraisalId: string;
  kind: Extract<DocumentKind, 'skp' | 'evaluasi' | 'keberatan'>;
  period?: string;
}

export interface IssuedDocument {
  code: string;
  fileName: string;
  model: DocumentModel;
  payload: Payload;
  pdf: Buffer;
}

export interface IssueOptions {
  lang: Lang;
  /** Who issues (a NIP or system:<component>), recorded on the seal. */
  actor: string;
  publicUrl: string;
  reason?: SealEventData['reason'];
  /** An older layout of a kind to print in (layouts.ts); each kind's newest otherwise. */
  layouts?: Partial<Record<DocumentKind, number>>;
}

/** The organisation as the documents head it: name, region and logo as HR set them. */
async function letterheadOf(db: Db, org: string): Promise<Letterhead> {
  const [profile, logo] = await Promise.all([organisationProfile(db, org), logoOf(db, org)]);
  return { name: profile.name, region: profile.region, logo };
}

/** A stream's events up to a global position: what a document is made from, as the log stood then. */
export async function streamUpTo(db: Db, streamId: string, position: number) {
  return db
    .selectFrom('events')
    .select(['type', 'data'])
    .where('stream_id', '=', streamId)
    .where('global_position', '<=', position)
    .orderBy('stream_version')
    .execute();
}

/** The organisation as a document names it: its name, and its zone for the dates. */
export async function organisationOf(db: Db, org: string): Promise<DocumentInput['organisation']> {
  const organisation = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', org)
    .executeTakeFirst();
  return { name: organisation?.name ?? org, timeZone: await timeZoneOf(db, org) };
}

/** What a document is made from, as the log stood at `position`. */
export async function inputAsOf(
  db: Db,
  org: string,
  appraisalId: string,
  position: number,
  lang: Lang,
): Promise<DocumentInput | undefined> {
  const events = (await streamUpTo(db, appraisalStreamId(appraisalId), position)) as AppraisalEvent[];
  if (events.length === 0) return undefined;
  const names = await employeeNames(db, org, peopleIn(events));
  const file = evaluationFile(events, (nip) => names.get(nip) ?? null);
  const cards = await staffCards(db, org, [file.employee.nip, file.rater?.nip ?? null]);
  const parent = await agreedRhk(db, org, file.cycleId, file.rater?.nip ?? null);
  return {
    file,
    events,
    names,
    year: parseCycleId(file.cycleId)?.year ?? new Date().getUTCFullYear(),
    employee: cards.get(file.employee.nip) ?? null,
    rater: file.rater ? (cards.get(file.rater.nip) ?? null) : null,
    organisation: await organisationOf(db, org),
    parentLabels: new Map(parent.map((r) => [r.id, r.description])),
    lang,
  };
}

/** An appraisal's document of a kind in a layout of that kind (layouts.ts), its newest by default. */
export function modelOf(
  input: DocumentInput,
  kind: DocumentRequest['kind'],
  period: string | null,
  layout: number = newestLayouts[kind],
): DocumentModel {
  if (kind === 'skp') return skpDocument(input);
  if (kind === 'keberatan') return keberatanDocument(input, layout);
  return evaluationDocument(input, period ?? annualPeriod, layout);
}

/** Every document an appraisal's file has: its SKP once agreed, each rated period's evaluation, the akhir, an objection's decision. */
export function documentsOfFile(input: DocumentInput): DocumentRequest[] {
  const { file } = input;
  const found: DocumentRequest[] = [];
  if (file.skp) found.push({ appraisalId: file.appraisalId, kind: 'skp' });
  for (const p of file.periods)
    if (p.rating) found.push({ appraisalId: file.appraisalId, kind: 'evaluasi', period: p.period });
  if (file.akhir.rating)
    found.push({ appraisalId: file.appraisalId, kind: 'evaluasi', period: annualPeriod });
  if (hasObjection(input)) found.push({ appraisalId: file.appraisalId, kind: 'keberatan' });
  return found;
}

/**
 * Issues documents of one cycle's appraisals (`period`-less evaluation requests and `all` expand from
 * each file) under one new checkpoint seal. Appraisals with no events are skipped.
 */
export async function issueDocuments(
  db: Db,
  org: string,
  cycleId: string,
  requests: ReadonlyArray<DocumentRequest | { appraisalId: string; kind: 'all' }>,
  options: IssueOptions,
): Promise<{ documents: IssuedDocument[]; seal: SealEventData | null }> {
  const position = await settledPosition(db);
  const heads = await headsAsOf(db, cycleId, position);
  const prepared: Array<{ model: DocumentModel; payload: Omit<Payload, 'seal' | 'proof'> }> = [];
  const inputs = new Map<string, DocumentInput | undefined>();
  for (const request of requests) {
    if (!inputs.has(request.appraisalId))
      inputs.set(request.appraisalId, await inputAsOf(db, org, request.appraisalId, position, options.lang));
    const input = inputs.get(request.appraisalId);
    const head: Head | undefined = heads.get(appraisalStreamId(request.appraisalId));
    if (!input || !head) continue;
    const wanted = request.kind === 'all' ? documentsOfFile(input) : [request];
    for (const r of wanted) {
      const period = r.kind === 'evaluasi' ? (r.period ?? annualPeriod) : null;
      const model = modelOf(input, r.kind, period, options.layouts?.[r.kind]);
      prepared.push(prepare(model, head, options.lang));
    }
  }
  return sealAndRender(db, cycleId, position, heads, prepared, options);
}

export type Prepared = { model: DocumentModel; payload: Omit<Payload, 'seal' | 'proof'> };

/** A document's code and fact hashes, made from a stream at this head, with the layout it prints. */
export function prepare(model: DocumentModel, head: Head, lang: Lang): Prepared {
  const code = newCode();
  const facts = factHashesOf(code, factsOf(model));
  return {
    model,
    payload: {
      v: 1,
      code,
      kind: model.kind,
      cycleId: model.cycleId,
      appraisalId: model.appraisalId,
      period: model.period,
      lang,
      streamVersion: head.version,
      headHash: head.hash,
      factsHash: factsHashOf(facts),
      facts,
      layout: model.layout,
    },
  };
}

/** Seals the prepared documents with the cycle's heads as of `position` and prints each with its proof. */
export async function sealAndRender(
  db: Db,
  cycleId: string,
  position: number,
  heads: Map<string, Head>,
  prepared: readonly Prepared[],
  options: IssueOptions,
): Promise<{ documents: IssuedDocument[]; seal: SealEventData | null }> {
  if (prepared.length === 0) return { documents: [], seal: null };
  const letterhead = await letterheadOf(db, parseCycleId(cycleId)?.orgId ?? '');
  const training = (await cycleSummaryOf(db, undefined, cycleId))?.training === true;
  const sealed = prepared.map(({ payload }) => sealedDocumentOf(payload));
  const { seal, proofs } = await appendSeal(
    db,
    cycleId,
    position,
    heads,
    sealed,
    options.reason ?? 'issue',
    options.actor,
  );
  const documents: IssuedDocument[] = [];
  for (const { model, payload } of prepared) {
    const full: Payload = { ...payload, seal: seal.sequence, proof: proofs.get(payload.code) ?? [] };
    const pdf = await renderPdf(model, full, { publicUrl: options.publicUrl, letterhead, training });
    documents.push({ code: payload.code, fileName: model.fileName, model, payload: full, pdf });
  }
  return { documents, seal };
}
