// The shape of a language's catalogue (id.ts, en.ts), apart from the catalogues so they import no module
// that imports them.
import type { Step, TaskKind } from '../appraisal/types.ts';
import type { EventType } from '../event-registry.ts';

export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];

/** Sentences whose wording depends on the event's data, next to the event type's own. */
export type EventVariant =
  | 'appraisal.stepEntered:due'
  | 'objection.decided:changed'
  | 'cycle.unitCalibrated:broken';

export interface Vocabulary {
  /** A task's name, as its inbox entry, its page, its e-mails and the timeline show it. */
  taskKinds: Readonly<Record<TaskKind, string>>;
  /** A step's name, as a label (`inSentence` gives it for the middle of a sentence). */
  steps: Readonly<Record<Step, string>>;
  /** One sentence per event type; `{name}` stands for one of the event's values. */
  events: Readonly<Record<EventType | EventVariant, string>>;
}
