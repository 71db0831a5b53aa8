// Runs an async task over many items with at most `limit` in flight: the next item starts as soon as any
// running one ends, instead of waiting for a whole group to finish (one slow call no longer stalls 24).

/** Results in item order; the first failure rejects (the calls already running still finish). */
export async function withConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onResult?: (result: R, done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  let done = 0;
  const lane = async () => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await task(items[index] as T);
      done++;
      onResult?.(results[index] as R, done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
