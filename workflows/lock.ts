// A FIFO lock for workflow code: Update handlers and the main loop both decide-record-evolve, and each
// of those must see the state the previous one left. `busy()` says a decision is still being recorded.
export interface Lock {
  <T>(fn: () => Promise<T>): Promise<T>;
  busy(): boolean;
}

export function createLock(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const lock = <T>(fn: () => Promise<T>) => {
    pending++;
    const run = tail.then(fn).finally(() => {
      pending--;
    });
    tail = run.catch(() => undefined);
    return run;
  };
  return Object.assign(lock, { busy: () => pending > 0 });
}
