// What the long-running commands (simulate, fuzz, chaos) share: their options read strictly, a usage error as a
// message and exit code 2, and a Temporal runtime whose logs stay off stdout (it keeps the JSON line).
import { parseArgs } from 'node:util';
import { Runtime } from '@temporalio/worker';

export function commandLine(command: string, usageLine: string, names: string[]) {
  const usage = (message: string): never => {
    console.error(`${command}: ${message}\nusage: ${usageLine}`);
    process.exit(2);
  };
  let values: Record<string, string | undefined> = {};
  try {
    ({ values } = parseArgs({
      options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
      strict: true,
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  /** The option as a whole number from `min` (1 unless said) to `max`, or `fallback` when absent. */
  const wholeNumber = (name: string, fallback: number, max: number, min = 1): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max)
      usage(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  return { usage, wholeNumber, values };
}

/** The SDK's and its core's logs: errors only, on stderr. */
export function quietTemporalRuntime(): void {
  Runtime.install({
    logger: {
      log: () => {},
      trace: () => {},
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: (m) => console.error(m),
    },
    telemetryOptions: { logging: { forward: {}, filter: 'ERROR' } },
  });
}
