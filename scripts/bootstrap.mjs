#!/usr/bin/env node
// Entry of `npm start`, `npm test` and `npm run bench`: plain Node with no dependencies, so it can
// install them first on a fresh clone, then hands over to the TypeScript entry points (run by tsx).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const [command, ...args] = process.argv.slice(2);

function ensureInstalled() {
  if (existsSync(bin('tsx')) && existsSync(bin('vitest'))) return;
  console.log('siklus: node_modules missing, running npm install ...');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('siklus: npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

/** Runs a child in the foreground, forwarding Ctrl-C so it can shut its servers down cleanly. */
function run(file, argv) {
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: root, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}

/**
 * A TypeScript entry point as one Node process (`node --import tsx`, Node >= 20.6). The tsx command would
 * run it in a second process and SIGKILL that one when it does not acknowledge Ctrl-C within 30 ms, which
 * a busy `npm start` can miss: its servers would be left running, with nobody to stop them.
 */
function runTs(file, argv) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 20 || (major === 20 && minor >= 6))
    return run(process.execPath, ['--import', 'tsx', file, ...argv]);
  return run(bin('tsx'), [file, ...argv]);
}

async function test() {
  const steps = [
    ['typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
    ['lint and format (biome check)', bin('biome'), ['check', '.']],
    ['architecture (dependency-cruiser, .dependency-cruiser.cjs)', 'npm', ['run', '-s', 'lint:deps']],
  ];
  let failed = false;
  for (const [label, file, argv] of steps) {
    console.log(`\n== ${label}`);
    const code = await run(file, argv);
    if (code !== 0) {
      console.error(`siklus: ${label} failed (exit ${code})`);
      failed = true;
    }
  }
  console.log('\n== tests (vitest)');
  mkdirSync(join(root, '.test-results'), { recursive: true });
  const code = await run(bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=.test-results/vitest.json',
    ...args,
  ]);
  // vitest 4 exits 0 when a file fails outside its tests (a beforeAll hook): the report knows better.
  const report = join(root, '.test-results', 'vitest.json');
  const reportFailed = existsSync(report) && JSON.parse(readFileSync(report, 'utf8')).success === false;
  return failed || code !== 0 || reportFailed ? 1 : 0;
}

ensureInstalled();
let exitCode;
switch (command) {
  case 'start':
    exitCode = await runTs('bin/start.ts', args);
    break;
  case 'test':
    exitCode = await test();
    break;
  case 'bench':
    exitCode = await runTs('bench/main.ts', args);
    break;
  case 'simulate':
    exitCode = await runTs('bin/simulate.ts', args);
    break;
  case 'fuzz':
    exitCode = await runTs('bin/fuzz.ts', args);
    break;
  case 'chaos':
    exitCode = await runTs('bin/chaos.ts', args);
    break;
  case 'test:unit':
    // The pure tier alone: no server is started (vitest.config.ts says which files are which).
    exitCode = await run(bin('vitest'), ['run', '--project', 'unit', ...args]);
    break;
  case 'screenshots':
    // README's pictures: the HR and journey browser tests run with SIKLUS_UPDATE_DOCS=1 copy their shots to docs/.
    process.env.SIKLUS_UPDATE_DOCS = '1';
    exitCode = await run(bin('vitest'), [
      'run',
      'test/api/web/hr.e2e.test.ts',
      'test/api/web/monitoring.e2e.test.ts',
      'test/api/web/journey.e2e.test.ts',
      ...args,
    ]);
    break;
  default:
    console.error(
      `usage: node scripts/bootstrap.mjs start|test|test:unit|screenshots|bench|simulate|fuzz|chaos [args]`,
    );
    exitCode = 2;
}
process.exit(exitCode);
