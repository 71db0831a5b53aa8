// Waits on a real condition (an answer of the API, a projection row) instead of sleeping a guessed time.

/** Polls `check` every 200 ms until it gives a value (not undefined or false), for up to `timeoutMs` of wall time. */
export async function until<T>(check: () => Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
