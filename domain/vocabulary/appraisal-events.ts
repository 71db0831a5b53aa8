// One sentence per appraisal event type in every language, for the audit timeline and the web; `{name}`
// stands for one of the event's values. The sentences are data, in appraisal-events.json (an event with
// both its languages side by side); a new event type is worded there once, and one without a sentence in
// a language fails to compile here.
import type { AppraisalEventType } from '../appraisal/events.ts';
import sentences from './appraisal-events.json' with { type: 'json' };
import type { AppraisalEventVariant, Words } from './types.ts';

export const appraisalEventSentences: Readonly<Record<AppraisalEventType | AppraisalEventVariant, Words>> =
  sentences;
