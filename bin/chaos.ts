// `npm run chaos -- [--employees N] [--seconds S]`: a cycle of N employees (default 500) launched and
// acted on through the API while the worker is SIGKILLed, the Temporal dev server killed and PostgreSQL
// stopped, every action sent twice; then nothing may be lost, done twice, stuck or unverifiable. Its own
// PostgreSQL and Temporal dev server (real processes, to kill). Progress on stderr; one JSON line at the
// end: {employees, faults, actions, duplicatesSent, lostEvents, duplicatedEvents, projectionMismatches,
// stuckWorkflows, verify, wallMs, ...}; exit 1 when a loss figure is not 0 or verify fails, 2 on a usage error.
import { parseArgs } from 'node:util';
import { chaosFailed, runChaos } from '../reliability/chaos/run-chaos.ts';

function usage(message: string): never {
  console.error(`chaos: ${message}\nusage: npm run chaos -- [--employees N] [--seconds S]`);
  process.exit(2);
}

function wholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    usage(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

let parsed: ReturnType<
  typeof parseArgs<{ options: { employees: { type: 'string' }; seconds: { type: 'string' } } }>
>;
try {
  parsed = parseArgs({ options: { employees: { type: 'string' }, seconds: { type: 'string' } } });
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const employees = wholeNumber('employees', parsed.values.employees, 500, 10, 20_000);
const seconds = wholeNumber('seconds', parsed.values.seconds, 0, 0, 86_400);

const figures = await runChaos({ employees, seconds, log: (line) => console.error(line) });
console.log(JSON.stringify(figures));
if (chaosFailed(figures)) process.exitCode = 1;
