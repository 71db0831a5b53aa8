// The event-append benchmark, run small against the test server: it must work end to end and report
// every figure (the real run is `npm run bench -- event-append`).
import { expect, inject, it } from 'vitest';
import { benchEventAppend } from '../../bench/event-append.ts';

it('event-append measures the store and the raw insert and reports their ratio', async () => {
  const result = await benchEventAppend({
    databaseUrl: inject('databaseUrl'),
    batches: { size100: 3, size1000: 1 },
  });
  for (const figures of [result.batch100, result.batch1000]) {
    expect(figures.eventsPerSec).toBeGreaterThan(0);
    expect(figures.rawEventsPerSec).toBeGreaterThan(0);
    expect(figures.ratio).toBeCloseTo(figures.eventsPerSec / figures.rawEventsPerSec, 1);
  }
  expect(result.ratio).toBe(Math.min(result.batch100.ratio, result.batch1000.ratio));
});
