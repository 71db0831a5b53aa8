// Which commands complete a task of each kind (listed with the kinds, task-kinds.ts): the answer a task
// asks for. Acting "through a task" (the API's /tasks/{taskId}/actions, the web's task pages) sends only
// these; anything else a person may ask of their appraisal without a task (a daily activity report, a
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

/** Whether a task of this kind takes this command. */
export function taskTakes(kind: string, commandType: string): boolean {
  return commandsForTask(kind).includes(commandType as CommandType);
}
