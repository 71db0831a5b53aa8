// Finds or builds the Temporal CLI, whose `server start-dev` is the dev server behind `npm start` and the
// dev-server tests. The ladder: TEMPORAL_CLI, `temporal` on PATH, the cache, a Go build into the cache,
// the SDK's own download (needs internet), else one error naming those ways out.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.ts';
import {
  downloadHostReachable,
  errorMessage,
  findExisting,
  findOnPath,
  isExecutableFile,
  type LadderOptions,
  provisionOnce,
  runBuild,
  type ServerExecutable,
  sdkDownloadHost,
} from './temporal-provisioning.ts';

export type { LadderOptions, ServerExecutable } from './temporal-provisioning.ts';

export const temporalCliVersion = '1.5.1';
export const temporalCliGoModule = 'github.com/temporalio/cli/cmd/temporal';

/** Where the built CLI lives: `<cacheDir>/temporal-<version>/temporal`. */
export function cachedTemporalCliPath(cacheRoot: string = cacheDir): string {
  return join(cacheRoot, `temporal-${temporalCliVersion}`, 'temporal');
}

export async function resolveTemporalCli(options: LadderOptions = {}): Promise<ServerExecutable> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});

  const cached = cachedTemporalCliPath(options.cacheRoot);
  const existing = findExisting(
    {
      label: 'Temporal CLI',
      envVar: 'TEMPORAL_CLI',
      description: 'a Temporal CLI binary (`temporal`)',
      command: 'temporal',
      cached,
    },
    options,
  );
  if (existing) return existing;

  const go = findOnPath('go', env);
  let buildFailure = 'go was not found on PATH';
  if (go) {
    try {
      await buildTemporalCli(go, cached, env, log);
      log(`Temporal CLI: ${cached} (built)`);
      return { type: 'existing-path', path: cached };
    } catch (error) {
      buildFailure = `building it with Go failed: ${errorMessage(error)}`;
      log(buildFailure);
    }
  }

  if (await (options.internetReachable ?? downloadHostReachable)(env)) {
    log(`Temporal CLI: the Temporal SDK will download it from ${sdkDownloadHost}`);
    return { type: 'cached-download' };
  }
  throw new Error(
    [
      `Cannot provision the Temporal CLI ${temporalCliVersion} (the Temporal dev server). Any one of these fixes it:`,
      '  1. set TEMPORAL_CLI to the path of a `temporal` binary (or put `temporal` on PATH);',
      `  2. install Go (https://go.dev/dl/) so siklus can build it into ${cached}`,
      `     with \`go install ${temporalCliGoModule}@v${temporalCliVersion}\` (a few minutes, once);`,
      `  3. allow internet access to ${sdkDownloadHost}, so the Temporal SDK can download it.`,
      `(Tried: ${buildFailure}; ${sdkDownloadHost} was not reachable.)`,
    ].join('\n'),
  );
}

async function buildTemporalCli(
  go: string,
  target: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const dir = join(target, '..');
  await provisionOnce(
    dir,
    () => isExecutableFile(target),
    async () => {
      log(`building the Temporal CLI ${temporalCliVersion} with ${go} (a few minutes, once) ...`);
      const buildDir = mkdtempSync(join(dir, '.build-'));
      try {
        await runBuild(go, ['install', `${temporalCliGoModule}@v${temporalCliVersion}`], {
          cwd: buildDir,
          env: { ...env, GOBIN: buildDir, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
          log,
          label: 'go install temporal',
        });
        // Atomic on one file system: readers see no binary or the whole binary.
        renameSync(join(buildDir, 'temporal'), target);
      } finally {
        rmSync(buildDir, { recursive: true, force: true });
      }
    },
    log,
  );
}
