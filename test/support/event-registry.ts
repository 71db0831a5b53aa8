// A small registry of test-only event types for the event store's tests, plus helpers to build events.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EventMetadata } from '../../record/store/event-metadata.ts';
import type { NewEvent } from '../../record/store/types.ts';

export const testEventRegistry = {
  'counter.incremented': z.object({ by: z.number().int().min(1) }),
  'counter.reset': z.object({ reason: z.string().trim().min(1) }),
  'note.added': z.object({ text: z.string().max(10_000), tags: z.array(z.string()).optional() }),
} as const;

export type TestEvent = NewEvent<typeof testEventRegistry>;

export const testMetadata: EventMetadata = { actor: 'test', tenant: 'test-org', correlationId: 'test' };

export function incremented(
  by = 1,
  eventId: string = randomUUID(),
): Extract<TestEvent, { type: 'counter.incremented' }> {
  return { eventId, type: 'counter.incremented', data: { by }, metadata: testMetadata };
}

export function noteAdded(
  text: string,
  eventId: string = randomUUID(),
): Extract<TestEvent, { type: 'note.added' }> {
  return { eventId, type: 'note.added', data: { text }, metadata: testMetadata };
}
