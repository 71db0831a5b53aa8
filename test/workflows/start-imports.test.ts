// What every workflow evaluates when it starts: the modules workflows/index.ts imports statically (all
// workflows share one bundle, and each start evaluates them). The time library is loaded only where a
// calendar is built (StartNextCycleWorkflow requires it lazily); evaluated at every start it would slow
// a launch of thousands of appraisals.
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

describe('the modules every workflow start evaluates', () => {
  it('include the domain rules but not the time library, which the bundle still holds for the calendar', async () => {
    const modules = await staticallyImported('workflows/index.ts');
    expect(modules).toContain('domain/appraisal/state.ts');
    expect(modules.filter((m) => m.includes('node_modules/temporal-polyfill/'))).toEqual([]);
    const all = await staticallyImported('domain/cycle/calendar.ts');
    expect(all.some((m) => m.includes('node_modules/temporal-polyfill/'))).toBe(true);
  });
});
