// Runs an async task over many items with at most `limit` in flight: the next item starts as soon as any
// running one ends, instead of waiting for a whole group to finish (one slow call no longer stalls 24).
import { createLimiter } from '../activities/limiter.ts';

/** Results in item order; the first failure rejects, and items not yet started then never start. */
export async function withConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onResult?: (result: R, done: number) => void,
): Promise<R[]> {
  const limiter = createLimiter(limit);
  let failure: { error: unknown } | undefined;
  let done = 0;
  return Promise.all(
    items.map((item) =>
      limiter.run(async () => {
        if (failure) throw failure.error;
        try {
          const result = await task(item);
          onResult?.(result, ++done);
          return result;
        } catch (error) {
          failure ??= { error };
          throw error;
        }
      }),
    ),
  );
}
