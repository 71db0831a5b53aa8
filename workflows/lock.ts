// A FIFO lock for workflow code: Update handlers and the main loop both decide-record-evolve, and each
// of those must see the state the previous one left.
export function createLock(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
}
