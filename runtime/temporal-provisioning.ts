// Shared steps of the two Temporal provisioning ladders (runtime/temporal-cli.ts, runtime/test-server.ts):
// checking executables, finding commands on PATH, running a build with streamed output, and a cache lock
// so two processes (vitest's global setup and `npm start`, say) never build into the same folder at once.
import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';

/** What `TestWorkflowEnvironment` accepts as `server.executable`. */
export type ServerExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

export interface LadderOptions {
  /** Progress lines (which rung was taken, build output). Silent by default. */
  log?: (line: string) => void;
  /** Root of the binary cache; defaults to `cacheDir` from runtime/paths.ts. */
  cacheRoot?: string;
  /** Environment to read (the override variable, PATH, proxies); defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Whether the SDK's download could work; defaults to {@link downloadHostReachable}. */
  internetReachable?: (env: NodeJS.ProcessEnv) => Promise<boolean>;
}

/** Where the Temporal SDK downloads its servers from. */
export const sdkDownloadHost = 'temporal.download';

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, command);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** The path named by an override variable; a set-but-wrong value is an error, never silently skipped. */
export function executableFromEnv(
  env: NodeJS.ProcessEnv,
  variable: string,
  what: string,
): string | undefined {
  const value = env[variable];
  if (value === undefined || value === '') return undefined;
  if (!isExecutableFile(value)) {
    throw new Error(
      `${variable} is set to "${value}", but that is not an executable file. Point ${variable} at ${what}, ` +
        'or unset it to let siklus find or build one.',
    );
  }
  return value;
}

/**
 * A cheap guess whether the SDK's download would work: a proxy is configured, or the download host
 * resolves and accepts a TCP connection within a few seconds.
 */
/** The first rungs of every ladder: an env var, the command on PATH, then the usable cached copy. */
export function findExisting(
  what: { label: string; envVar: string; description: string; command: string; cached: string },
  options: LadderOptions,
  cachedUsable: (path: string) => boolean = isExecutableFile,
): ServerExecutable | null {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const fromEnv = executableFromEnv(env, what.envVar, what.description);
  if (fromEnv) {
    log(`${what.label}: ${fromEnv} (from ${what.envVar})`);
    return { type: 'existing-path', path: fromEnv };
  }
  const onPath = findOnPath(what.command, env);
  if (onPath) {
    log(`${what.label}: ${onPath} (on PATH)`);
    return { type: 'existing-path', path: onPath };
  }
  if (cachedUsable(what.cached)) {
    log(`${what.label}: ${what.cached} (cached)`);
    return { type: 'existing-path', path: what.cached };
  }
  return null;
}

/** The local build rung of a ladder: why it cannot run, or how to run it and how to name its outcome. */
export type BuildRung =
  | { unavailable: string }
  | { run: () => Promise<void>; builtAs: string; failedAs: string };

/**
 * A whole ladder: the existing rungs ({@link findExisting}), the local build into the cache, the SDK's own
 * download, else one error: `cannot` and the first ways out, then the download and what was tried.
 */
export async function climbLadder(
  ladder: {
    existing: Parameters<typeof findExisting>[0];
    cachedUsable?: (path: string) => boolean;
    build: BuildRung;
    cannot: string;
    waysOut: string[];
  },
  options: LadderOptions,
): Promise<ServerExecutable> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const { label, cached } = ladder.existing;
  const existing = findExisting(ladder.existing, options, ladder.cachedUsable);
  if (existing) return existing;

  const build = ladder.build;
  let buildFailure = 'unavailable' in build ? build.unavailable : '';
  if ('run' in build) {
    try {
      await build.run();
      log(`${label}: ${cached} (${build.builtAs})`);
      return { type: 'existing-path', path: cached };
    } catch (error) {
      buildFailure = `${build.failedAs}: ${errorMessage(error)}`;
      log(buildFailure);
    }
  }

  if (await (options.internetReachable ?? downloadHostReachable)(env)) {
    log(`${label}: the Temporal SDK will download it from ${sdkDownloadHost}`);
    return { type: 'cached-download' };
  }
  throw new Error(
    [
      `${ladder.cannot} Any one of these fixes it:`,
      ...ladder.waysOut,
      `  3. allow internet access to ${sdkDownloadHost}, so the Temporal SDK can download it.`,
      `(Tried: ${buildFailure}; ${sdkDownloadHost} was not reachable.)`,
    ].join('\n'),
  );
}

export async function downloadHostReachable(env: NodeJS.ProcessEnv): Promise<boolean> {
  if (env.HTTPS_PROXY || env.https_proxy || env.ALL_PROXY || env.all_proxy) return true;
  return new Promise((resolve) => {
    const socket = connect({ host: sdkDownloadHost, port: 443, timeout: 3_000 });
    const finish = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a build command, streaming its output lines to `log` and a "still working" line every 30 s
 * (`go install` is silent for minutes). Rejects with the last lines of output when it fails.
 */
export function runBuild(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: (line: string) => void; label: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lastLines: string[] = [];
    const onOutput = (chunk: Buffer) => {
      for (const raw of chunk.toString('utf8').split('\n')) {
        const line = stripVTControlCharacters(raw).trimEnd();
        if (line.trim() === '') continue;
        options.log(line);
        lastLines.push(line);
        if (lastLines.length > 30) lastLines.shift();
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const started = Date.now();
    const heartbeat = setInterval(() => {
      options.log(`${options.label}: still working (${Math.round((Date.now() - started) / 1000)} s)`);
    }, 30_000);
    heartbeat.unref();
    child.once('error', (error) => {
      clearInterval(heartbeat);
      reject(new Error(`${options.label}: could not run ${command}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        reject(
          new Error(`${options.label}: \`${command} ${args.join(' ')}\` ${how}\n${lastLines.join('\n')}`),
        );
      }
    });
  });
}

/** A lock older than this is abandoned: its holder touches it every 20 s while it works. */
const lockStaleAfterMs = 2 * 60_000;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockIsStale(lockPath: string): boolean {
  try {
    if (Date.now() - statSync(lockPath).mtimeMs > lockStaleAfterMs) return true;
    const pid = Number(readFileSync(lockPath, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && !processAlive(pid);
  } catch {
    return false; // it vanished: the next attempt will simply take it
  }
}

function tryLock(lockPath: string): boolean {
  try {
    writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (!lockIsStale(lockPath)) return false;
  rmSync(lockPath, { force: true });
  try {
    writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch {
    return false; // someone else took it in between
  }
}

/**
 * Makes `isReady()` true by running `build` at most once across processes sharing `dir`. Whoever holds
 * `<dir>/.lock` builds; the others wait for it. Builds must write into a fresh `.build-*` folder inside
 * `dir` and rename the result into place, so a killed build never leaves a half-written binary; the
 * lock holder clears such leftovers first.
 */
export async function provisionOnce(
  dir: string,
  isReady: () => boolean,
  build: () => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const lockPath = join(dir, '.lock');
  let saidWaiting = false;
  for (;;) {
    if (isReady()) return;
    if (tryLock(lockPath)) {
      const keepAlive = setInterval(() => {
        const now = new Date();
        utimesSync(lockPath, now, now);
      }, 20_000);
      keepAlive.unref();
      try {
        if (isReady()) return;
        for (const entry of readdirSync(dir)) {
          if (entry.startsWith('.build-')) rmSync(join(dir, entry), { recursive: true, force: true });
        }
        await build();
        return;
      } finally {
        clearInterval(keepAlive);
        rmSync(lockPath, { force: true });
      }
    }
    if (!saidWaiting) {
      log(`another process is provisioning ${dir} (lock ${lockPath}); waiting for it`);
      saidWaiting = true;
    }
    await delay(500);
  }
}

/** What a build reads and where it reports: the environment (PATH, proxies) and the progress log. */
export type BuildIo = { env: NodeJS.ProcessEnv; log: (line: string) => void };

/**
 * {@link provisionOnce} for the folder of `target`: `build` works in a fresh `.build-*` folder inside it
 * (`dir`), removed afterwards whatever happens, and renames its results into place.
 */
export function buildOnce(
  target: string,
  isReady: () => boolean,
  build: (buildDir: string, dir: string) => Promise<void>,
  log: (line: string) => void,
): Promise<void> {
  const dir = join(target, '..');
  return provisionOnce(
    dir,
    isReady,
    async () => {
      const buildDir = mkdtempSync(join(dir, '.build-'));
      try {
        await build(buildDir, dir);
      } finally {
        rmSync(buildDir, { recursive: true, force: true });
      }
    },
    log,
  );
}
