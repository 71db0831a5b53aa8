// The command schemas (and zod), loaded on the first Update and then kept for every workflow of the
// worker's V8 context. The worker preloads this module (worker/create-worker.ts), so it is evaluated once
// and shared; loaded from any workflow, the schemas' module would be evaluated again for each workflow
// and kept in its module cache (zod and every schema, per appraisal). They are pure: a parse keeps no
// state between calls, so sharing them cannot carry one workflow's state into another. Without the
// preload (replay, other bundles) it is simply one more per-workflow module, as before.
import type * as Commands from '../domain/appraisal/commands.ts';

let loaded: typeof Commands | undefined;

export function commandSchemas(): typeof Commands {
  loaded ??= require('../domain/appraisal/commands.ts') as typeof Commands;
  return loaded;
}
