// createLimiter keeps one window of in-flight tasks across everything handed in, so work handed in
// batch after batch never lets the window drain between batches.
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../activities/limiter.ts';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createLimiter', () => {
  it('starts a later batch while the earlier one still runs, never more than the limit at once', async () => {
    const limiter = createLimiter(2);
    const log: string[] = [];
    let running = 0;
    let peak = 0;
    // Each task runs until the test lets it end (no timers: a loaded machine cannot reorder them).
    const gates = new Map<string, () => void>();
    const end = (name: string) => gates.get(name)?.();
    const task = (name: string) =>
      limiter.run(async () => {
        running++;
        peak = Math.max(peak, running);
        log.push(`start ${name}`);
        await new Promise<void>((resolve) => gates.set(name, resolve));
        log.push(`end ${name}`);
        running--;
        return name;
      });
    const first = [task('a1'), task('a2'), task('a3')];
    await tick(0);
    expect(log).toEqual(['start a1', 'start a2']);
    end('a2');
    await limiter.allStarted();
    // a3 has started, so a2 has ended; a1 is still running.
    expect(log).toEqual(['start a1', 'start a2', 'end a2', 'start a3']);
    const second = [task('b1')];
    end('a3');
    await tick(0);
    expect(log.indexOf('start b1')).toBeGreaterThan(log.indexOf('end a3'));
    end('b1');
    end('a1');
    expect(await Promise.all([...first, ...second])).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(peak).toBe(2);
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('resolves allStarted at once when nothing waits, and passes on a task failure', async () => {
    const limiter = createLimiter(1);
    await limiter.allStarted();
    const failed = limiter.run(async () => {
      throw new Error('start failed');
    });
    const next = limiter.run(async () => 'next');
    await expect(failed).rejects.toThrow('start failed');
    // A failure frees its slot like any other ending.
    expect(await next).toBe('next');
  });

  it('rejects a limit that is not a whole number of at least 1', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
    expect(() => createLimiter(1.5)).toThrow(RangeError);
  });
});
