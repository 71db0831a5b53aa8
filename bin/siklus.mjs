#!/usr/bin/env node
// The `siklus` command: plain Node, so it runs before anything is compiled. Hands over to cli/main.ts
// through the project's own tsx, from wherever it is called, and exits with its exit code.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  join(root, 'node_modules', '.bin', 'tsx'),
  [join(root, 'cli', 'main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('error', (error) => {
  console.error(`siklus: cannot start tsx (${error.message}); run npm install first`);
  process.exit(2);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
