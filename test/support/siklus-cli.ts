// The `siklus` command run as a child process (bin/siklus.mjs), as an operator runs it in a terminal.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/siklus.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `siklus <args>` with the test process's environment (without DATABASE_URL unless `env` gives one). */
export function runSiklus(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const { DATABASE_URL: _inherited, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...rest, ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}
