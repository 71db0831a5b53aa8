// Starting servers. The SDK gives a Temporal server it spawns 5 s to accept connections. On a small,
// busy machine (a test run starting many servers at once, a benchmark starting one per round) a server
// now and then needs longer: such a start is tried again, twice at most. Any other failure is thrown at
// once. A server that cannot start at all becomes a ServerStartError: one sentence of what went wrong and
// what to do, which `npm start` prints instead of a stack trace.

export async function withStartRetries<T>(start: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= attempts || !String((error as Error).message).includes('did not start within')) {
        throw error;
      }
    }
  }
}

/** A server that could not start, with what the person running siklus can do about it. */
export class ServerStartError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
    readonly remedy: string,
  ) {
    super(`${server} could not start: ${sentence(reason)} ${sentence(remedy)}`);
    this.name = 'ServerStartError';
  }
}

/** Any thrown value as text: never "undefined", never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (error === undefined || error === null || error === '') return 'it gave no reason';
  return String(error);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
