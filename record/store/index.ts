// The event store's public surface.
export { type AppendOutcome, appendMany, type StreamAppend } from './append-many.ts';
export { type AppendOptions, appendToStream } from './append-to-stream.ts';
export * from './errors.ts';
export { type EventMetadata, eventMetadataSchema } from './event-metadata.ts';
export type { EventRegistry } from './event-registry.ts';
export { genesisHash } from './hash-chain.ts';
export type { Projection } from './projection.ts';
export { type Checkpoint, compareCheckpoints, type LogPage, readAll, startOfLog } from './read-all.ts';
export { readStream, type StreamRead } from './read-stream.ts';
export type { AppendedEvent, AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from './types.ts';
export {
  type IntegrityFinding,
  type IntegrityProblem,
  type VerificationReport,
  verifyStreams,
} from './verify-streams.ts';
