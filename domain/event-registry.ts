// Every event type siklus writes, with its data schema: the event store checks each append and each
// read against this registry.
import { appraisalEventSchemas } from './appraisal/events.ts';
import { cycleEventSchemas } from './cycle/events.ts';
import { sealEventSchemas } from './documents/seal-events.ts';
import { standardsEventSchemas } from './standards/events.ts';

export const eventSchemas = {
  ...appraisalEventSchemas,
  ...cycleEventSchemas,
  ...standardsEventSchemas,
  ...sealEventSchemas,
} as const;
export type EventType = keyof typeof eventSchemas;
