import type { ZodType, z } from 'zod';
import type { EventMetadata } from './event-metadata.ts';

/** The event types a store accepts: type → zod schema of the data (see event-registry.ts). */
export type EventRegistry = Readonly<Record<string, ZodType>>;

/** A version number (0 = the stream has no events yet), `'no_stream'` (same as 0) or `'any'`. */
export type ExpectedVersion = number | 'any' | 'no_stream';

/** An event about to be appended. `eventId` is a UUID chosen by the caller, so retries are idempotent. */
export type NewEvent<R extends EventRegistry = EventRegistry> = {
  [T in keyof R & string]: { eventId: string; type: T; data: z.input<R[T]>; metadata: EventMetadata };
}[keyof R & string];

/** An event as stored: its data validated (and parsed) by its type's schema. */
export type RecordedEvent<R extends EventRegistry = EventRegistry> = {
  [T in keyof R & string]: {
    globalPosition: number;
    /** xid8 of the transaction that appended it, as a decimal string. */
    transactionId: string;
    streamId: string;
    streamVersion: number;
    eventId: string;
    type: T;
    data: z.output<R[T]>;
    metadata: EventMetadata;
    /** When it was appended, by the appending process's clock (millisecond precision; hashed). */
    recordedAt: Date;
    prevHash: string;
    hash: string;
  };
}[keyof R & string];

export interface AppendedEvent {
  eventId: string;
  streamVersion: number;
  globalPosition: number;
}

export interface AppendResult {
  streamId: string;
  /** Version of the last event of this append: the `expectedVersion` for the caller's next append. */
  nextExpectedVersion: number;
  /** In the order given; for a retried append, the positions the original append stored. */
  events: AppendedEvent[];
  /** Every event id was already stored by an earlier identical append; nothing was written now. */
  alreadyAppended: boolean;
}
