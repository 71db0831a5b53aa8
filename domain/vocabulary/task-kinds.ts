// The name of each task kind in every language, as its inbox entry, its page, its e-mails and the
// timeline show it. The names are data, in task-kinds.json (a kind with both its languages side by side);
// a new task kind is named there once, and one without a name in a language fails to compile here.
import type { TaskKind } from '../appraisal/types.ts';
import names from './task-kinds.json' with { type: 'json' };
import type { Words } from './types.ts';

export const taskKindNames: Readonly<Record<TaskKind, Words>> = names;
