import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { preparingPool } from './prepared-statements.ts';

export interface DbOptions {
  /** Pool size; pg's default (10) when omitted. */
  max?: number;
  /** Errors of idle pooled connections (e.g. the server restarting); logged to stderr by default. */
  onIdleError?: (error: Error) => void;
}

const int8Oid = 20;
// A calendar date stays 'YYYY-MM-DD': a JS Date would move it by the process's time zone.
const dateOid = 1082;

/** int8 as a JS number, refusing (failing the query) rather than rounding past 2^53. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new RangeError(`int8 value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}

// Per pool, not pg's process-wide parser table, so other pg users in the process are unaffected.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid && format !== 'binary'
      ? parseInt8
      : oid === dateOid && format !== 'binary'
        ? (text: string) => text
        : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/** A Kysely instance over its own pg Pool; `db.destroy()` closes the pool. */
export function createDb(url: string, options: DbOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, types, ...(options.max ? { max: options.max } : {}) });
  const onIdleError = options.onIdleError ?? ((error) => console.error('postgres pool:', error.message));
  pool.on('error', onIdleError);
  // A client lent out has no error listener of the pool's: when the server ends its connection between
  // two queries (PostgreSQL restarting under an open transaction), pg would emit an unhandled 'error'
  // and end the process. The work on it fails by itself (its next query is refused, and the pool drops
  // the client on release); this listener only keeps the process alive.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
}
