// The simulation's own database, fresh on the given server. Its commits do not wait for the disk
// (synchronous_commit off): the database is thrown away after the run, and otherwise every one of a
// year's appends (about 36 per employee) waited for a WAL flush, 2-6 ms each on a busy 2-core machine.
import pg from 'pg';
import { withDatabase } from '../runtime/postgres.ts';

/** Creates database `name` through the admin connection and returns its URL. */
export async function createSimulationDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
    await client.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}
