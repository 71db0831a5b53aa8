import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationFailedError extends Error {
  readonly code = 'migration_failed';
}

/**
 * Brings the database to the newest schema; a no-op when it is already there. Safe to call from several
 * processes at once (Kysely's Migrator takes an advisory lock and runs everything in one transaction).
 * Returns the names of the migrations it applied.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  // Numbers are handed out to changes made side by side, so one may land after a higher number has run
  // (0011 after 0013): it still runs, once. Every migration stands on its own tables.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationFailedError(
      failed ? `migration "${failed}" failed: ${reason}` : `migrating the database failed: ${reason}`,
      { cause: error },
    );
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
