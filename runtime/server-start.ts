// The SDK gives a Temporal server it spawns 5 s to accept connections. On a small, busy machine (a test
// run starting many servers at once, a benchmark starting one per round) a server now and then needs
// longer: such a start is tried again, twice at most. Any other failure is thrown at once.

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
