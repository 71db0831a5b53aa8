// What a document carries to prove itself: its code, the hash of each printed fact and of them all, and
// the Merkle inclusion proof of its leaf (which names the appraisal's stream head) in a seal. The QR code
// holds the proof without the per-fact hashes (documents/render.ts); the PDF's metadata holds it whole,
// so the verifier can name each fact that differs.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type DocumentKind, documentKinds, type SealedDocument } from '../domain/documents/seal-events.ts';
import { parseAppraisalId } from '../domain/ids.ts';
import type { ProofStep } from '../record/projections/merkle.ts';
import type { Fact } from './model.ts';

export { documentLeaf, streamLeaf, subjectStreamId } from '../record/projections/seal-leaves.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Crockford's base32 without I, L, O, U: nothing to misread when typing a code off paper.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new document code, 60 random bits as XXXX-XXXX-XXXX. */
export function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** A code as typed (any case, spaces, I/L for 1 and O for 0), or undefined when it cannot be one. */
export function normaliseCode(text: string): string | undefined {
  const chars = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(chars)) return undefined;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** What is compared of a printed value: its characters without any white space (line breaks differ). */
export const comparable = (value: string) => value.replace(/\s+/g, '');

/** One fact's hash, salted with the document's code so equal values of two documents hash apart. */
export const factHash = (code: string, key: string, value: string) =>
  sha256(`${code}\n${key}\n${comparable(value)}`).slice(0, 32);

export type FactHashes = Array<[key: string, hash: string]>;

export const factHashesOf = (code: string, facts: readonly Fact[]): FactHashes =>
  facts.map((f) => [f.key, factHash(code, f.key, f.value)]);

export const factsHashOf = (hashes: FactHashes) => sha256(JSON.stringify(hashes));

/** The cycle of a document's subject (an appraisal id, or `<cycleId>:<unitCode>` for a penetapan). */
export const cycleOfSubject = (subject: string) =>
  subject.includes(':') ? subject.slice(0, subject.indexOf(':')) : parseAppraisalId(subject)?.cycleId;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const payloadSchema = z.strictObject({
  v: z.literal(1),
  code: z.string(),
  kind: z.enum(documentKinds),
  cycleId: z.string(),
  appraisalId: z.string(),
  period: z.string().nullable(),
  lang: z.enum(['id', 'en']),
  streamVersion: z.number().int(),
  headHash: hex64,
  factsHash: hex64,
  seal: z.number().int().min(1),
  proof: z.array(z.tuple([z.enum(['L', 'R']), hex64])),
  facts: z.array(z.tuple([z.string(), z.string()])).optional(),
  /** The layout of its kind (layouts.ts); absent on documents issued before layouts: the first. */
  layout: z.number().int().min(1).max(10_000).optional(),
});
export type Payload = z.infer<typeof payloadSchema> & { proof: ProofStep[] };

/** The seal's entry of a document: what its proof (issued, or read back) says it is. */
export const sealedDocumentOf = (p: Omit<Payload, 'seal' | 'proof'>): SealedDocument => ({
  code: p.code,
  kind: p.kind as DocumentKind,
  appraisalId: p.appraisalId,
  period: p.period,
  lang: p.lang,
  streamVersion: p.streamVersion,
  headHash: p.headHash,
  factsHash: p.factsHash,
  ...(p.layout === undefined ? {} : { layout: p.layout }),
});

export const encodePayload = (payload: Payload) => Buffer.from(JSON.stringify(payload)).toString('base64url');

/** The payload in a QR text or the PDF's metadata, or undefined when it is not one. */
export function decodePayload(text: string): Payload | undefined {
  const b64 = text.includes('#') ? text.slice(text.lastIndexOf('#') + 1) : text;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')));
    return parsed.success ? (parsed.data as Payload) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The QR code's text: the public verification address, with the proof in its fragment (never sent to
 * the server) packed to stay scannable:
 *   <url>/verify/<code>#<kind>~<lang>~<period or ->~<streamVersion>~<seal>~<appraisalId>~<sides>~<hashes>[~<layout>]
 * sides: L/R per proof step; hashes: base64url of the head hash, the facts hash and the siblings; the
 * layout when one was recorded (QR codes printed before layouts have none).
 */
export function qrText(publicUrl: string, p: Payload): string {
  const hashes = Buffer.from([p.headHash, p.factsHash, ...p.proof.map(([, h]) => h)].join(''), 'hex');
  const fields = [p.kind, p.lang, p.period ?? '-', p.streamVersion, p.seal, p.appraisalId];
  const layout = p.layout === undefined ? [] : [p.layout];
  return `${publicUrl.replace(/\/$/, '')}/verify/${p.code}#${[...fields, p.proof.map(([s]) => s).join(''), hashes.toString('base64url'), ...layout].join('~')}`;
}

/** A QR code's text back as the proof it carries (no per-fact hashes), or undefined when it is not one. */
export function decodeQrText(text: string): Payload | undefined {
  const match = /\/verify\/([0-9A-Z-]+)#(.+)$/.exec(text.trim());
  const fields = match?.[2]?.split('~') ?? [];
  if (!match || (fields.length !== 8 && fields.length !== 9)) return undefined;
  const [kind, lang, period, version, seal, appraisalId, sides, packed, layout] = fields as [
    string,
    ...string[],
  ];
  const hex = Buffer.from(packed ?? '', 'base64url').toString('hex');
  const hashes = hex.match(/.{64}/g) ?? [];
  const cycleId = cycleOfSubject(appraisalId ?? '');
  const parsed = payloadSchema.safeParse({
    v: 1,
    code: match[1],
    kind,
    cycleId,
    appraisalId,
    period: period === '-' ? null : period,
    lang,
    streamVersion: Number(version),
    headHash: hashes[0],
    factsHash: hashes[1],
    seal: Number(seal),
    proof: [...(sides ?? '')].map((side, i) => [side, hashes[i + 2]]),
    ...(layout === undefined ? {} : { layout: /^\d+$/.test(layout) ? Number(layout) : layout }),
  });
  if (!parsed.success || hashes.length !== (sides?.length ?? 0) + 2 || hex.length !== hashes.length * 64)
    return undefined;
  return parsed.data as Payload;
}
