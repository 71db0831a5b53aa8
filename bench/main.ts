// `npm run bench -- <name> [args]` (or `npx tsx bench/main.ts <name> [args]`): runs one benchmark and
// prints its figures as one JSON line on stdout. Bad arguments: a message on stderr and exit code 2.
import { spawn } from 'node:child_process';
import { benchApi } from './api.ts';
import { benchEventAppend } from './event-append.ts';
import { benchExportXlsx, parseExportArgs } from './export-xlsx.ts';
import { benchFirstTask, parseFirstTaskArgs } from './first-task.ts';
import { benchLaunch, parseLaunchArgs, UsageError } from './launch.ts';
import { benchReplay } from './replay.ts';
import { benchSoak, parseSoakArgs } from './soak.ts';

const benchmarks: Record<string, (args: string[]) => Promise<unknown>> = {
  'event-append': () => benchEventAppend({ databaseUrl: process.env.DATABASE_URL }),
  api: () => benchApi({ databaseUrl: process.env.DATABASE_URL }),
  launch: (args) => benchLaunch({ ...parseLaunchArgs(args), databaseUrl: process.env.DATABASE_URL }),
  replay: () => benchReplay({ databaseUrl: process.env.DATABASE_URL }),
  'export-xlsx': (args) =>
    benchExportXlsx({ ...parseExportArgs(args), databaseUrl: process.env.DATABASE_URL }),
  'first-task': (args) => benchFirstTask(parseFirstTaskArgs(args)),
  soak: (args) => benchSoak({ ...parseSoakArgs(args), databaseUrl: process.env.DATABASE_URL }),
};
/** Argument checks, run before anything starts; they throw UsageError. */
const argumentChecks: Record<string, (args: string[]) => unknown> = {
  launch: parseLaunchArgs,
  'export-xlsx': parseExportArgs,
  'first-task': parseFirstTaskArgs,
  soak: parseSoakArgs,
};
/** These start a Temporal dev server, whose banner the SDK copies onto this process's stdout. */
const noisyStdout = new Set(['launch', 'soak']);

const childFlag = 'SIKLUS_BENCH_CHILD';
const name = process.argv[2];
const args = process.argv.slice(3);
const run = name ? benchmarks[name] : undefined;
if (!name || !run) {
  console.error(`usage: npx tsx bench/main.ts <${Object.keys(benchmarks).join('|')}> [args]`);
  process.exit(2);
}
try {
  argumentChecks[name]?.(args);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (noisyStdout.has(name) && !process.env[childFlag]) {
  process.exitCode = await runKeepingStdoutClean();
} else {
  const result = await run(args);
  console.log(JSON.stringify(result));
  // A benchmark that verifies what it wrote fails when the verification does.
  if ((result as { verify?: { ok: boolean } }).verify?.ok === false) {
    console.error(`bench ${name}: the audit verification of what it wrote failed; see "verify" in the JSON`);
    process.exitCode = 1;
  }
}

/**
 * Runs this same command in a child and passes on only its JSON line to stdout; everything else the
 * child printed there (the dev server's banner) goes to stderr, so stdout stays one parseable line.
 */
async function runKeepingStdoutClean(): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, [childFlag]: '1' },
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let buffered = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      (line.startsWith('{') ? process.stdout : process.stderr).write(`${line}\n`);
      newline = buffered.indexOf('\n');
    }
  });
  return new Promise((resolve) => {
    // close, not exit: only then has all of its stdout been read.
    child.on('close', (code, signal) => {
      if (buffered) process.stderr.write(buffered);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
