// A clone in a private folder (mode 0700, like root's home): as root, the embedded PostgreSQL runs as the
// `postgres` user, which cannot enter that folder to reach the binaries in node_modules nor the data in
// .data/. The clone here is real: the runtime and node_modules hard-linked into a 0700 folder, and a
// script there starting PostgreSQL through the clone's own runtime/postgres.ts.
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../runtime/paths.ts';
import { isAlive } from '../../runtime/processes.ts';

const run = promisify(execFile);

const script = `
import { statSync } from 'node:fs';
import pg from 'pg';
import { startPostgres } from './runtime/postgres.ts';

const notices = [];
const postgres = await startPostgres({
  dataDir: process.argv[2],
  persistent: false,
  notice: (line) => notices.push(line),
});
const client = new pg.Client({ connectionString: postgres.url });
await client.connect();
const { rows } = await client.query("select current_user as login, current_setting('data_directory') as data");
await client.end();
const owner = statSync(postgres.dataDir).uid;
const pid = postgres.pid;
await postgres.stop();
console.log(JSON.stringify({ ...rows[0], owner, pid, notices, removed: !statSync(postgres.dataDir, { throwIfNoEntry: false }) }));
`;

describe('embedded PostgreSQL in a clone under a private (0700) folder', () => {
  mkdirSync(join(projectRoot, '.test-results'), { recursive: true });
  // Inside the project, so hard links to node_modules stay on one file system.
  const privateDir = mkdtempSync(join(projectRoot, '.test-results', 'private-'));
  const clone = join(privateDir, 'siklus');

  afterAll(() => {
    rmSync(privateDir, { recursive: true, force: true });
  });

  it('starts, serves and stops, with binaries and data where the postgres user can reach them', async () => {
    chmodSync(privateDir, 0o700);
    mkdirSync(clone);
    execFileSync('cp', ['-al', join(projectRoot, 'runtime'), join(projectRoot, 'node_modules'), clone]);
    writeFileSync(join(clone, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(clone, 'pg-check.ts'), script);
    const dataDir = join(clone, '.data', 'postgres');
    const { DATABASE_URL: _external, ...env } = process.env;

    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'pg-check.ts', dataDir], {
      cwd: clone,
      env,
      timeout: 120_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');

    expect(result.login).toBe('siklus');
    expect(isAlive(result.pid)).toBe(false);
    expect(result.removed).toBe(true);
    if (process.getuid?.() === 0) {
      // Run as `postgres`, owning its data, kept outside the private folder (and said so).
      const postgresUid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      expect(result.owner).toBe(postgresUid);
      expect(result.data).toMatch(/^\/var\/lib\/siklus\/postgres-[0-9a-f]{12}$/);
      expect(result.notices).toContain(
        `PostgreSQL keeps its data in ${result.data}: the postgres user cannot reach ${dataDir}`,
      );
    } else {
      expect(result.data).toBe(dataDir);
    }
    expect(existsSync(result.data)).toBe(false);
  });
});
