// Checkpoint seals: events of a cycle's seal stream `seals-<cycleId>` (documents/seals.ts writes them). Each
// is the Merkle root over the heads of the cycle's streams as of a global position and over the leaves
// of the documents issued with it, so a document printed mid-year carries a proof of what it was made
// from. The seals are chained twice: by the stream's hash chain, and each names the root before it.
import { z } from 'zod';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const documentKinds = ['skp', 'evaluasi', 'penetapan', 'keberatan'] as const;
export type DocumentKind = (typeof documentKinds)[number];

// `daily`, `release` and `penetapan` are written by the cycle's workflow (workflows/cycle.ts).
export const sealReasons = ['issue', 'daily', 'release', 'manual', 'penetapan'] as const;

/** A document a seal covers: which record it printed, as of which version of its stream, and its facts' hash. */
export const sealedDocumentSchema = z.strictObject({
  code: z.string().regex(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
  kind: z.enum(documentKinds),
  appraisalId: z.string().min(1).max(200),
  period: z.string().min(1).max(20).nullable(),
  /** The language it was printed in: the facts' words depend on it. */
  lang: z.enum(['id', 'en']),
  streamVersion: z.number().int().min(1),
  headHash: hex64,
  factsHash: hex64,
  /** The layout of its kind it was printed in (documents/layouts.ts); absent before layouts: the first. */
  layout: z.number().int().min(1).max(10_000).optional(),
});
export type SealedDocument = z.infer<typeof sealedDocumentSchema>;

export const sealEventSchemas = {
  'seal.checkpoint': z.strictObject({
    cycleId: z.string().min(1).max(200),
    /** 1, 2, ... in the cycle's seal stream. */
    sequence: z.number().int().min(1),
    reason: z.enum(sealReasons),
    /** The streams' heads are taken as of this global position of the log. */
    position: z.number().int().min(0),
    root: hex64,
    leaves: z.number().int().min(1),
    previousRoot: hex64.nullable(),
    documents: z.array(sealedDocumentSchema).max(100_000),
    at: z.iso.datetime({ offset: true }),
  }),
} as const;
export type SealEventType = keyof typeof sealEventSchemas;
export type SealEventData = z.infer<(typeof sealEventSchemas)['seal.checkpoint']>;

export const sealStreamId = (cycleId: string) => `seals-${cycleId}`;
