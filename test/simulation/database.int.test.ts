// The simulation's throwaway database: fresh, and its commits do not wait for the WAL to reach the disk.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSimulationDatabase } from '../../simulation/database.ts';

describe('createSimulationDatabase', () => {
  const adminUrl = inject('databaseUrl');
  const name = `sim_${randomBytes(6).toString('hex')}`;

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('creates the database with synchronous_commit off for every connection to it', async () => {
    const url = await createSimulationDatabase(adminUrl, name);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; sync: string }>(
        'select current_database() as db, current_setting($1) as sync',
        ['synchronous_commit'],
      );
      expect(rows).toEqual([{ db: name, sync: 'off' }]);
    } finally {
      await client.end();
    }
  });
});
