// What every workflow evaluates when it starts: the modules workflows/index.ts imports statically (all
// workflows share one bundle, and the SDK evaluates its modules afresh for each workflow). zod (the
// command schemas, loaded on the first Update) and the time library (loaded only where a calendar is
// built) are left out: evaluated at every start they made a workflow's first task cost 13-21 ms of CPU
// instead of 6.5 ms (README, Benchmarks).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function staticallyImported(entry: string): Promise<string[]> {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    external: ['@temporalio/*'],
    logLevel: 'silent',
    absWorkingDir: new URL('../..', import.meta.url).pathname,
  });
  const seen = new Set<string>();
  const todo = [entry];
  for (let path = todo.pop(); path !== undefined; path = todo.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    for (const i of metafile.inputs[path]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) todo.push(i.path);
  }
  return [...seen];
}

const libraries = (modules: string[]) =>
  [...new Set(modules.flatMap((m) => m.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1] ?? []))].sort();

describe('the modules every workflow start evaluates', () => {
  it('are the domain rules and no library: zod and the time library are in the bundle, loaded when needed', async () => {
    const modules = await staticallyImported('workflows/index.ts');
    expect(modules).toContain('domain/appraisal/state.ts');
    expect(libraries(modules)).toEqual([]);
    expect(libraries(await staticallyImported('domain/appraisal/commands.ts'))).toContain('zod');
    expect(libraries(await staticallyImported('domain/cycle/calendar.ts'))).toContain('temporal-polyfill');
  });
});
