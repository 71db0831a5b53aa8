// PostgreSQL parses, analyses and plans a statement on every execution unless it is prepared. A year of
// the simulation runs about 110 statements per employee, most of them one of a few dozen texts (an
// append's stream heads, the appraisal row, its tasks): planning alone was a fifth of the database's
// statement time. So each connection prepares a statement the first time it runs its text, under a name
// shared by every connection, and then only binds and executes it. Bounded: texts of many rows (a launch
// batch's inserts) vary with the row count and are long; they run unprepared, as does a connection that
// has prepared `perConnection` statements already.
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

const maxText = 4_000;
const perConnection = 200;
const names = new Map<string, string>();
let counter = 0;

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    // Each name stands for one text for the life of the process: a text that returns after the table
    // was cleared gets a new name, never an old one.
    if (names.size >= 4 * perConnection) names.clear();
    name = `siklus_${++counter}`;
    names.set(text, name);
  }
  return name;
}

/** The pool, handing out clients that prepare what they run (statements with parameters). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const prepared = new Set<string>();
    // pg's result, as Kysely's PostgresDialect reads it from a plain pg client.
    const run = (config: string | pg.QueryConfig, values?: unknown[]) =>
      client.query(config, values) as unknown as Promise<PostgresQueryResult<unknown>>;
    function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query(
      sqlOrCursor: string | PostgresCursor<unknown>,
      parameters?: ReadonlyArray<unknown>,
    ): Promise<PostgresQueryResult<unknown>> | PostgresCursor<unknown> {
      if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
      const values = parameters ? [...parameters] : [];
      if (values.length === 0 || sqlOrCursor.length > maxText) return run(sqlOrCursor, values);
      const name = nameOf(sqlOrCursor);
      if (!prepared.has(name)) {
        if (prepared.size >= perConnection) return run(sqlOrCursor, values);
        prepared.add(name);
      }
      return run({ name, text: sqlOrCursor, values });
    }
    return { query, release: () => client.release() };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}
