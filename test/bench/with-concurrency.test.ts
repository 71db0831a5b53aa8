// withConcurrency keeps at most `limit` calls in flight, starts the next as soon as one ends, and keeps
// the results in item order.
import { describe, expect, it } from 'vitest';
import { withConcurrency } from '../../bench/with-concurrency.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withConcurrency', () => {
  it('never runs more than the limit at once, and returns results in item order', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    const results = await withConcurrency(
      [5, 1, 4, 2, 3, 1, 2],
      3,
      async (ms) => {
        running++;
        peak = Math.max(peak, running);
        await tick(ms * 5);
        running--;
        return ms * 10;
      },
      (result, done) => seen.push(done * 100 + result),
    );
    expect(results).toEqual([50, 10, 40, 20, 30, 10, 20]);
    expect(peak).toBe(3);
    expect(seen.map((x) => Math.floor(x / 100))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts the next item when any one ends, not when a whole group has', async () => {
    const order: string[] = [];
    await withConcurrency(['slow', 'fast', 'next'], 2, async (name) => {
      order.push(`start ${name}`);
      await tick(name === 'slow' ? 60 : 5);
      order.push(`end ${name}`);
    });
    expect(order.indexOf('start next')).toBeLessThan(order.indexOf('end slow'));
  });

  it('starts no further item after a failure', async () => {
    const started: number[] = [];
    await expect(
      withConcurrency([1, 2, 3, 4], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('start failed for 2');
        return n;
      }),
    ).rejects.toThrow('start failed for 2');
    await tick(10);
    expect(started).toEqual([1, 2]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      withConcurrency([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('start failed for 2');
        return n;
      }),
    ).rejects.toThrow('start failed for 2');
  });
});
