// A stream kind's events as TypeScript sees them, from its table of data schemas (the table the event
// store checks appends against, event-registry.ts).
import type { z } from 'zod';

/** One event of the table: its type, and the data its schema parses to. */
export type EventOf<Schemas extends Record<string, z.ZodType>> = {
  [T in keyof Schemas]: { type: T; data: z.infer<Schemas[T]> };
}[keyof Schemas];
