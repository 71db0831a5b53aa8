import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleKey } from '../../worker/workflow-bundle.ts';

describe('the workflow bundle key', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const project = () => {
    const root = mkdtempSync(join(tmpdir(), 'bundle-key-'));
    roots.push(root);
    mkdirSync(join(root, 'workflows'));
    mkdirSync(join(root, 'domain', 'appraisal'), { recursive: true });
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
    writeFileSync(join(root, 'workflows', 'index.ts'), 'export * from "./cycle.ts";');
    writeFileSync(join(root, 'domain', 'appraisal', 'decide.ts'), 'export const decide = 1;');
    return root;
  };
  const request = { workflowsPath: 'workflows/index.ts', preloadModules: ['workflows/command-schemas.ts'] };

  it('is the same for the same sources', () => {
    const root = project();
    expect(bundleKey(request, root)).toBe(bundleKey(request, root));
  });

  it('changes with any file the bundle may contain, and with the installed packages', () => {
    const root = project();
    const before = bundleKey(request, root);
    writeFileSync(join(root, 'domain', 'appraisal', 'decide.ts'), 'export const decide = 2;');
    const afterDomain = bundleKey(request, root);
    expect(afterDomain).not.toBe(before);
    writeFileSync(join(root, 'workflows', 'new-step.ts'), 'export {};');
    const afterWorkflow = bundleKey(request, root);
    expect(afterWorkflow).not.toBe(afterDomain);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}');
    expect(bundleKey(request, root)).not.toBe(afterWorkflow);
  });

  it('changes with the bundler options and with the clone', () => {
    const root = project();
    expect(bundleKey({ ...request, preloadModules: [] }, root)).not.toBe(bundleKey(request, root));
    const other = project();
    expect(bundleKey(request, other)).not.toBe(bundleKey(request, root));
  });
});
