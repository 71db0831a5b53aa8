// The shape of a language's catalogue (id.ts, en.ts), apart from the catalogues so they import no module
// that imports them.
import type { AppraisalEventType } from '../appraisal/events.ts';
import type { Step, TaskKind } from '../appraisal/types.ts';
import type { CycleEventType } from '../cycle/events.ts';
import type { SealEventType } from '../documents/seal-events.ts';
import type { StandardsEventType } from '../standards/events.ts';
import type { StandardsTaskKind } from '../standards/task-kinds.ts';
import type { Lang } from './languages.ts';

export { type Lang, languages } from './languages.ts';

/** One name or sentence in every language: a list of them cannot leave a language out. */
export type Words = Readonly<Record<Lang, string>>;

/** Sentences whose wording depends on the event's data, next to the event type's own. */
export type AppraisalEventVariant =
  | 'appraisal.started:rejoined'
  | 'appraisal.stepEntered:due'
  | 'objection.decided:changed'
  | 'objection.decided:ratings'
  | 'task.expired:agreed';
export type CycleEventVariant =
  | 'cycle.unitCalibrated:broken'
  | 'cycle.unitCalibrated:conforms'
  | 'cycle.unitCalibrated:findings'
  | 'cycle.penetapanSigned:conforming'
  | 'cycle.calibrationDecided:partial'
  | 'cycle.periodPenetapanSigned:conforming'
  | 'cycle.curveRechecked:conforms'
  | 'cycle.curveRechecked:findings'
  | 'cycle.unitPredikatSet:period';
export type EventVariant = AppraisalEventVariant | CycleEventVariant;

export interface Vocabulary {
  /** A task's name, as its inbox entry, its page, its e-mails and the timeline show it. */
  taskKinds: Readonly<Record<TaskKind, string>>;
  /** The task kinds of a standards round, named the same way. */
  standardsTaskKinds: Readonly<Record<StandardsTaskKind, string>>;
  /** A step's name, as a label (`inSentence` gives it for the middle of a sentence). */
  steps: Readonly<Record<Step, string>>;
  /** One sentence per event type; `{name}` stands for one of the event's values. */
  events: Readonly<
    Record<AppraisalEventType | CycleEventType | StandardsEventType | SealEventType | EventVariant, string>
  >;
}

/** One language's column of a list of words, under the same keys. */
export function inLanguage<K extends string>(
  list: Readonly<Record<K, Words>>,
  lang: Lang,
): Record<K, string> {
  return Object.fromEntries(Object.entries<Words>(list).map(([key, words]) => [key, words[lang]])) as Record<
    K,
    string
  >;
}
