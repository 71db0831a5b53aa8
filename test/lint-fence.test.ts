// The lint fence: nothing under workflows/ may import Node builtins, pg, kysely, a logger or I/O code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const biome = new URL('../node_modules/.bin/biome', import.meta.url).pathname;
const config = JSON.parse(readFileSync(new URL('../biome.json', import.meta.url), 'utf8'));

/** Lints `source` as if it stood at `path` in this repository, under the repository's own biome.json. */
function lintAs(path: string, source: string) {
  const root = mkdtempSync(join(tmpdir(), 'siklus-fence-'));
  try {
    writeFileSync(
      join(root, 'biome.json'),
      JSON.stringify({ ...config, $schema: undefined, vcs: { enabled: false } }),
    );
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
    const result = spawnSync(biome, ['lint', path], { cwd: root, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('the workflow lint fence', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'noNodejsModules'],
    ["import pg from 'pg';\nexport const p = pg;\n", 'noRestrictedImports'],
    ["import { Kysely } from 'kysely';\nexport const k = Kysely;\n", 'noRestrictedImports'],
    ["import pino from 'pino';\nexport const l = pino;\n", 'noRestrictedImports'],
    ["import { createDb } from '../schema/db.ts';\nexport const c = createDb;\n", 'noRestrictedImports'],
  ])('rejects %s in workflows/', (source, rule) => {
    const { status, output } = lintAs('workflows/probe.ts', source);
    expect(status).not.toBe(0);
    expect(output).toContain(rule);
  });

  it('allows the same imports outside workflows/', () => {
    const { status } = lintAs('activities/probe.ts', "import pg from 'pg';\nexport const p = pg;\n");
    expect(status).toBe(0);
  });
});
