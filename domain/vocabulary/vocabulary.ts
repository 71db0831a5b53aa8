// The words siklus uses for its task kinds, steps and events, one catalogue per language (id.ts, en.ts):
// the web, the notification e-mails and the audit timeline all read them here, so a task is called the
// same in the inbox, in its e-mail and in the timeline. A task kind's names and an event's sentences are
// written once for every language (task-kinds.json, appraisal-events.json, cycle-events.json).
import { en } from './en.ts';
import { id } from './id.ts';
import type { Lang, Vocabulary } from './types.ts';

export { fill } from './fill.ts';
export { type EventVariant, type Lang, languages, type Vocabulary } from './types.ts';

export const vocabularies: Readonly<Record<Lang, Vocabulary>> = { id, en };

/** The name of a task kind; a kind read from stored data that has no name is shown as it is. */
export function taskKindName(lang: Lang, kind: string): string {
  const words = vocabularies[lang];
  const names: Readonly<Record<string, string>> = Object.hasOwn(words.standardsTaskKinds, kind)
    ? words.standardsTaskKinds
    : words.taskKinds;
  return (Object.hasOwn(names, kind) && names[kind]) || kind;
}

/** A label in the middle of a sentence: "Penyusunan SKP" → "penyusunan SKP", "SKP agreement" unchanged. */
export function inSentence(label: string): string {
  const [first, second] = label;
  return first && second && second === second.toLowerCase() ? first.toLowerCase() + label.slice(1) : label;
}
