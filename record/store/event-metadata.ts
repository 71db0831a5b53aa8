import { z } from 'zod';

/** Who and what caused an event; validated on append and on read, and covered by the hash chain. */
export const eventMetadataSchema = z.strictObject({
  /** NIP of the person, or `system:<component>` for automated steps. */
  actor: z.string().min(1).max(200),
  /** The organisation (instansi) the stream belongs to. */
  tenant: z.string().min(1).max(200).optional(),
  workflowId: z.string().min(1).max(1000).optional(),
  runId: z.string().min(1).max(200).optional(),
  /** The event or command that directly caused this one. */
  causationId: z.string().min(1).max(200).optional(),
  /** Shared by everything that stems from one originating request. */
  correlationId: z.string().min(1).max(200).optional(),
});

export type EventMetadata = z.infer<typeof eventMetadataSchema>;
