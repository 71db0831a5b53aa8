// One sentence per cycle event type in every language, for the auditor's cycle timeline; `{name}` stands
// for one of the event's values. The sentences are data, in cycle-events.json (an event with both its
// languages side by side); a new event type is worded there once, and one without a sentence in a
// language fails to compile here.
import type { CycleEventType } from '../cycle/events.ts';
import sentences from './cycle-events.json' with { type: 'json' };
import type { CycleEventVariant, Words } from './types.ts';

export const cycleEventSentences: Readonly<Record<CycleEventType | CycleEventVariant, Words>> = sentences;
