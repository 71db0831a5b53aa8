// The architecture rules (.dependency-cruiser.cjs, run by `npm test` as `npm run lint:deps`) catch what
// they claim to: each rule is shown a small tree that breaks it, in a folder of its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function violations(files: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'siklus-architecture-'));
  try {
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true } }),
    );
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    const folders = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
    const result = spawnSync(
      join(root, 'node_modules', '.bin', 'depcruise'),
      ['--config', join(root, '.dependency-cruiser.cjs'), '--output-type', 'json', ...folders],
      { cwd: dir, encoding: 'utf8' },
    );
    const report = JSON.parse(result.stdout) as {
      summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
    };
    return report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every TypeScript file below a folder. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the architecture rules', () => {
  it('keep the domain pure', () => {
    expect(
      violations({
        'domain/rule.ts':
          "import { readFileSync } from 'node:fs';\nimport { x } from '../record/store/x.ts';\nexport const r = [readFileSync, x];\n",
        'record/store/x.ts': 'export const x = 1;\n',
      }),
    ).toEqual(['domain-is-pure: domain/rule.ts -> fs', 'layer-domain: domain/rule.ts -> record/store/x.ts']);
  });

  it('keep I/O out of workflow code, except the activities type', () => {
    expect(
      violations({
        'workflows/w.ts':
          "import type * as activities from '../activities/index.ts';\nimport { createDb } from '../schema/db.ts';\nexport type A = typeof activities;\nexport const d = createDb;\n",
        'activities/index.ts': 'export const a = 1;\n',
        'schema/db.ts': 'export const createDb = 1;\n',
      }),
    ).toEqual(['layer-workflows: workflows/w.ts -> schema/db.ts']);
  });

  it('keep the web pages and the JSON API apart and off the workflows, and lower layers below higher ones', () => {
    expect(
      violations({
        'api/web/page.ts':
          "import { route } from '../route.ts';\nimport { c } from '../commands/c.ts';\nimport { w } from '../../workflows/w.ts';\nexport const p = [route, c, w];\n",
        'api/route.ts': "import { page } from './web/page.ts';\nexport const route = page;\n",
        'api/commands/c.ts': 'export const c = 1;\n',
        'workflows/w.ts': 'export const w = 1;\n',
        'record/store/s.ts': "import { p } from '../projections/p.ts';\nexport const s = p;\n",
        'record/projections/p.ts': 'export const p = 1;\n',
        'audit/a.ts': "import { c } from '../api/commands/c.ts';\nexport const a = c;\n",
      }),
    ).toEqual([
      'layer-api-web: api/web/page.ts -> api/route.ts',
      'layer-api-web: api/web/page.ts -> workflows/w.ts',
      'layer-api: api/route.ts -> api/web/page.ts',
      'layer-audit: audit/a.ts -> api/commands/c.ts',
      'layer-record-store: record/store/s.ts -> record/projections/p.ts',
      'no-circular: api/route.ts -> api/web/page.ts',
    ]);
  });

  // No rule of dependency-cruiser sees a query: the pages and routes hold the database only as a service.
  it('keep queries out of the web pages and the API routes: they read through record/read', () => {
    const query = /\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/;
    const offending = ['api/web', 'api/routes']
      .flatMap((folder) => sourceFiles(join(root, folder)))
      .filter((file) => query.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offending).toEqual([]);
  });

  it('allow no circle of files', () => {
    expect(
      violations({
        'record/store/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'record/store/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
      }),
    ).toEqual(['no-circular: record/store/a.ts -> record/store/b.ts']);
  });
});

describe("README's picture of the layers", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Layout\n[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  /** Row index of each folder, top row 0: a folder's row is the line it stands on, before the gap. */
  const rows = new Map<string, number>();
  for (const [row, line] of block.trimEnd().split('\n').entries()) {
    const folders = line.split(/\s{3,}/)[0] ?? '';
    for (const folder of folders.split(/\s+/).filter(Boolean)) rows.set(folder.replace(/\/$/, ''), row);
  }
  const src = readFileSync(join(root, '.dependency-cruiser.cjs'), 'utf8');
  // The rules file keeps its table in `layers` (with the lists it shares, defined before it); read it as the
  // file defines it.
  const layers = new Function(
    `${/^const [\s\S]*?\nconst layers = \{[\s\S]*?\n\};/m.exec(src)?.[0]} return layers;`,
  )() as Record<string, string[]>;

  it('names every folder of the rules once', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(layers).sort());
  });

  it('puts every folder above each folder it may import', () => {
    const upward = Object.entries(layers).flatMap(([folder, allowed]) =>
      allowed
        .filter((to) => to !== '*' && (rows.get(to) ?? -1) <= (rows.get(folder) ?? -1))
        .map((to) => `${folder} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });
});
