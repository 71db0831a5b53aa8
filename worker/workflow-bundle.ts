// The workflow bundle, built once per content. Webpack takes 4-8 s of CPU on this 2-core machine, and every
// worker (each integration test's, the simulation's, the replay check's) used to build the same bundle
// again. The bundle depends only on workflows/ and domain/ (the dependency rules allow workflow code
// nothing else), the installed packages (package-lock.json) and the bundler's options, so a hash of those
// names it: built bundles are kept in the cache folder, and a process asks for each at most once.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundle } from '@temporalio/worker';
import { cacheDir, projectRoot } from '../runtime/paths.ts';

export interface BundleRequest {
  workflowsPath: string;
  preloadModules?: string[];
}

/** The folders whose files can end up in a workflow bundle (besides node_modules). */
const bundledFolders = ['workflows', 'domain'];
/** Older bundles than the newest few are removed when a new one is written. */
const keep = 12;

const built = new Map<string, Promise<WorkflowBundle>>();

export function workflowBundle(request: BundleRequest): Promise<WorkflowBundle> {
  const key = bundleKey(request);
  let bundle = built.get(key);
  if (!bundle) {
    bundle = loadOrBuild(key, request);
    built.set(key, bundle);
    bundle.catch(() => built.delete(key));
  }
  return bundle;
}

/** What the bundle is made of: the bundler's inputs, the installed packages, the bundler's options. */
export function bundleKey(request: BundleRequest, root: string = projectRoot): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ root, ...request }));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  for (const folder of bundledFolders) {
    for (const file of sourceFiles(join(root, folder))) {
      hash.update(`\0${relative(root, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 32);
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

async function loadOrBuild(key: string, request: BundleRequest): Promise<WorkflowBundle> {
  const folder = join(cacheDir, 'workflow-bundles');
  const path = join(folder, `${key}.js`);
  try {
    return { code: readFileSync(path, 'utf8') };
  } catch {
    // Not built yet.
  }
  // The bundler reports its progress at info level; a worker prints only its own messages.
  const { code } = await bundleWorkflowCode({ ...request, logger: new DefaultLogger('WARN') });
  try {
    mkdirSync(folder, { recursive: true });
    // Written aside and renamed, so a concurrent reader sees a whole bundle or none.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, path);
    removeOldBundles(folder);
  } catch {
    // A read-only cache only costs the next worker a build.
  }
  return { code };
}

function removeOldBundles(folder: string): void {
  const bundles = readdirSync(folder)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ path: join(folder, name), at: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of bundles.slice(keep)) rmSync(old.path, { force: true });
}
