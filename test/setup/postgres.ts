import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningPostgres, startPostgres } from '../../runtime/postgres.ts';

/** A throwaway cluster per test run (or DATABASE_URL); test files create their own databases on it. */
export async function setupPostgres(): Promise<RunningPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'siklus-test-'));
  // As root, PostgreSQL runs as the `postgres` user: in a folder it can reach, the cluster stays here (rather
  // than under /var/lib/siklus, see runtime/postgres-files.ts).
  chmodSync(root, 0o755);
  const dataDir = join(root, 'pg');
  return startPostgres({ dataDir, persistent: false });
}
