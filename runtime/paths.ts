import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in runtime/). */
export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Project-local, git-ignored folder for `npm start` state (Postgres data, Temporal SQLite). */
export const dataDir = process.env.SIKLUS_DATA_DIR ?? join(projectRoot, '.data');

/** Caches shared across clones and kept outside the repo: built Temporal CLI, test server classpath. */
export const cacheDir = process.env.SIKLUS_CACHE_DIR ?? join(homedir(), '.cache', 'siklus');

/**
 * As root, PostgreSQL runs as the `postgres` user, which cannot enter a private folder (root's home is
 * 0700). Its binaries are then copied to the first folder and its data kept in the second.
 */
export const systemCacheDir = '/var/cache/siklus';
export const systemDataDir = '/var/lib/siklus';
