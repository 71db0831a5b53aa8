// At most `limit` async tasks in flight, the rest queued in the order handed in. Callers hand in work
// as it becomes ready (a launch's next batch) and the window never drains between them.

export interface Limiter {
  /** Runs `task` once a slot is free; settles as the task does. */
  run<R>(task: () => Promise<R>): Promise<R>;
  /** Resolves once no task is waiting for a slot: everything handed in so far has started. */
  allStarted(): Promise<void>;
}

export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a whole number >= 1: ${limit}`);
  let running = 0;
  const waiting: Array<() => void> = [];
  let startedWaiters: Array<() => void> = [];
  const startWaiting = () => {
    while (running < limit && waiting.length > 0) {
      running++;
      waiting.shift()?.();
    }
    if (waiting.length > 0) return;
    const resolve = startedWaiters;
    startedWaiters = [];
    for (const notify of resolve) notify();
  };
  return {
    run<R>(task: () => Promise<R>): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        waiting.push(() => {
          new Promise<R>((settle) => settle(task())).then(resolve, reject).finally(() => {
            running--;
            startWaiting();
          });
        });
        startWaiting();
      });
    },
    allStarted() {
      if (waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => startedWaiters.push(resolve));
    },
  };
}
