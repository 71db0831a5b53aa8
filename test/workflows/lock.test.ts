// The workflows' FIFO lock: each run sees what the one before it left, and `busy()` is true exactly
// while a run is queued or running (the appraisal's Update validator relies on it).
import { describe, expect, it } from 'vitest';
import { createLock } from '../../workflows/lock.ts';

describe('createLock', () => {
  it('runs one at a time, in order, and is busy only while a run is pending', async () => {
    const lock = createLock();
    const order: string[] = [];
    let release = () => {};
    expect(lock.busy()).toBe(false);
    const first = lock(async () => {
      order.push('first starts');
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      order.push('first ends');
    });
    const second = lock(async () => {
      order.push('second');
    });
    await Promise.resolve();
    expect(lock.busy()).toBe(true);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first starts', 'first ends', 'second']);
    expect(lock.busy()).toBe(false);
  });

  it('is free again after a run that failed, and the next run still goes', async () => {
    const lock = createLock();
    await expect(lock(async () => Promise.reject(new Error('rejected decision')))).rejects.toThrow(
      'rejected decision',
    );
    expect(lock.busy()).toBe(false);
    expect(await lock(async () => 'next')).toBe('next');
  });
});
