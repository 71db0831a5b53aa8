// The words siklus uses for its task kinds, steps and events, one catalogue per language (id.ts, en.ts):
// the web, the notification e-mails and the audit timeline all read them here, so a task is called the
// same in the inbox, in its e-mail and in the timeline.
import type { Step, TaskKind } from '../appraisal/types.ts';
import type { EventType } from '../event-registry.ts';
import { en } from './en.ts';
import { id } from './id.ts';

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

export const vocabularies: Readonly<Record<Lang, Vocabulary>> = { id, en };

/** The name of a task kind; a kind read from stored data that has no name is shown as it is. */
export function taskKindName(lang: Lang, kind: string): string {
  const names: Readonly<Record<string, string>> = vocabularies[lang].taskKinds;
  return (Object.hasOwn(names, kind) && names[kind]) || kind;
}

/** The template with each `{name}` replaced by its value; a name without a value stays as it is. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}

/** A label in the middle of a sentence: "Penyusunan SKP" → "penyusunan SKP", "SKP agreement" unchanged. */
export function inSentence(label: string): string {
  const [first, second] = label;
  return first && second && second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}
