// Tampering done behind the store's back, for the tests that show the record catches it: a superuser
// session with session_replication_role = replica (which bypasses the append-only trigger) edits rows.
import pg from 'pg';

/** Runs statements as a superuser with ordinary triggers off, as an attacker with DBA rights could. */
export async function tamper(url: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set session_replication_role = replica');
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The statements that swap a stream's rows of `version` and the version after it. */
export function swapVersions(streamId: string, version: number): string[] {
  const where = (v: number) => `where stream_id = '${streamId}' and stream_version = ${v}`;
  return [
    `update events set stream_version = 1000 ${where(version)}`,
    `update events set stream_version = ${version} ${where(version + 1)}`,
    `update events set stream_version = ${version + 1} ${where(1000)}`,
  ];
}

/**
 * What verifying the chain finds after swapVersions: both rows' hashes and links are wrong, the later
 * version is now the row stored first, and the row after them links to the wrong one.
 */
export function swappedVersionsFindings(streamId: string, version: number) {
  return [
    [streamId, version, 'hash_mismatch'],
    [streamId, version, 'prev_hash_mismatch'],
    [streamId, version + 1, 'hash_mismatch'],
    [streamId, version + 1, 'prev_hash_mismatch'],
    [streamId, version + 1, 'position_order'],
    [streamId, version + 2, 'prev_hash_mismatch'],
  ];
}
