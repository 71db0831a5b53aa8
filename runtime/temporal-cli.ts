// Finds or builds the Temporal CLI, whose `server start-dev` is the dev server behind `npm start` and the
// dev-server tests. The ladder: TEMPORAL_CLI, `temporal` on PATH, the cache, a Go build into the cache,
// the SDK's own download (needs internet), else one error naming those ways out.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.ts';
import type { BuildIo, LadderOptions, ServerExecutable } from './temporal-provisioning.ts';
import { buildOnce, climbLadder, findOnPath, isExecutableFile, runBuild } from './temporal-provisioning.ts';

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
  const go = findOnPath('go', env);
  return climbLadder(
    {
      existing: {
        label: 'Temporal CLI',
        envVar: 'TEMPORAL_CLI',
        description: 'a Temporal CLI binary (`temporal`)',
        command: 'temporal',
        cached,
      },
      build: go
        ? {
            run: () => buildTemporalCli(go, cached, { env, log }),
            builtAs: 'built',
            failedAs: 'building it with Go failed',
          }
        : { unavailable: 'go was not found on PATH' },
      cannot: `Cannot provision the Temporal CLI ${temporalCliVersion} (the Temporal dev server).`,
      waysOut: [
        '  1. set TEMPORAL_CLI to the path of a `temporal` binary (or put `temporal` on PATH);',
        `  2. install Go (https://go.dev/dl/) so siklus can build it into ${cached}`,
        `     with \`go install ${temporalCliGoModule}@v${temporalCliVersion}\` (a few minutes, once);`,
      ],
    },
    options,
  );
}

async function buildTemporalCli(go: string, target: string, { env, log }: BuildIo): Promise<void> {
  await buildOnce(
    target,
    () => isExecutableFile(target),
    async (buildDir) => {
      log(`building the Temporal CLI ${temporalCliVersion} with ${go} (a few minutes, once) ...`);
      await runBuild(go, ['install', `${temporalCliGoModule}@v${temporalCliVersion}`], {
        cwd: buildDir,
        env: { ...env, GOBIN: buildDir, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
        log,
        label: 'go install temporal',
      });
      // Atomic on one file system: readers see no binary or the whole binary.
      renameSync(join(buildDir, 'temporal'), target);
    },
    log,
  );
}
