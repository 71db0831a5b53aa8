// Which commands complete a task of each kind (listed with the kinds, task-kinds.ts): the answer a task
// asks for; and the few a task also takes without being completed (feedback while rating a period).
// Acting "through a task" (the API's /tasks/{taskId}/actions, the web's task pages) sends only these;
// anything else a person may ask of their appraisal without a task (a daily activity report, a
// late objection) goes through "my appraisal" instead.
import type { AppraisalCommand } from './commands.ts';
import { type TaskKind, taskKindCommands } from './task-kinds.ts';

export type CommandType = AppraisalCommand['type'];

// Typed as commands, so a kind listed with a command that does not exist fails to compile.
const byKind: Readonly<Record<TaskKind, readonly CommandType[]>> = taskKindCommands;

/** The command types a task of this kind takes; none for a kind that is not a task kind. */
export function commandsForTask(kind: string): readonly CommandType[] {
  return Object.hasOwn(byKind, kind) ? byKind[kind as TaskKind] : [];
}

/**
 * Commands a task's holder may also send on it without completing it: the feedback per RHK the rater
 * writes on a period's realisation before rating it (a ratePeriod task, the superior's or HR's too).
 */
const alongside: Readonly<Partial<Record<TaskKind, readonly CommandType[]>>> = {
  ratePeriod: ['givePeriodFeedback'],
  // The superior asks for explanations on the objection before deciding it.
  decideObjection: ['askExplanation'],
};

/** The command types a task of this kind takes without being completed by them. */
export function commandsAlongsideTask(kind: string): readonly CommandType[] {
  return Object.hasOwn(alongside, kind) ? (alongside[kind as TaskKind] ?? []) : [];
}

/** Whether a task of this kind takes this command (one that completes it, or one sent alongside). */
export function taskTakes(kind: string, commandType: string): boolean {
  const type = commandType as CommandType;
  return commandsForTask(kind).includes(type) || commandsAlongsideTask(kind).includes(type);
}
