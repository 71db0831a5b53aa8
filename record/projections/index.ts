// Every projection siklus keeps, run by the event store inside each append's transaction.
import { appraisalEventSchemas } from '../../domain/appraisal/events.ts';
import { cycleEventSchemas } from '../../domain/cycle/events.ts';
import type { eventSchemas } from '../../domain/event-registry.ts';
import { standardsEventSchemas } from '../../domain/standards/events.ts';
import type { Projection } from '../store/index.ts';
import { projectAppraisalEvents } from './appraisal-projection.ts';
import { projectCycleEvents } from './cycle-projection.ts';
import { projectStandardsEvents } from './standards-projection.ts';

type Registry = typeof eventSchemas;

export const appraisalProjection: Projection<Registry> = {
  name: 'appraisals',
  handles: Object.keys(appraisalEventSchemas) as Array<keyof typeof appraisalEventSchemas>,
  apply: (trx, events) => projectAppraisalEvents(trx, events),
};

export const cycleProjection: Projection<Registry> = {
  name: 'cycles',
  handles: Object.keys(cycleEventSchemas) as Array<keyof typeof cycleEventSchemas>,
  apply: (trx, events) => projectCycleEvents(trx, events),
};

export const standardsProjection: Projection<Registry> = {
  name: 'standards',
  handles: Object.keys(standardsEventSchemas) as Array<keyof typeof standardsEventSchemas>,
  apply: (trx, events) => projectStandardsEvents(trx, events),
};

export const projections: ReadonlyArray<Projection<Registry>> = [
  appraisalProjection,
  cycleProjection,
  standardsProjection,
];
