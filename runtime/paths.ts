import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in runtime/). */
export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Project-local, git-ignored folder for `npm start` state (Postgres data, Temporal SQLite). */
export const dataDir = process.env.SIKLUS_DATA_DIR ?? join(projectRoot, '.data');

/** Caches shared across clones and kept outside the repo: built Temporal CLI, test server classpath. */
export const cacheDir = process.env.SIKLUS_CACHE_DIR ?? join(homedir(), '.cache', 'siklus');
