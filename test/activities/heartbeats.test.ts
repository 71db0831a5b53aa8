// The long activities' heartbeats: the last details are sent again on a timer between the activity's
// own beats, so a short heartbeat timeout never ends a slow but living attempt.
import type { Context } from '@temporalio/activity';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeats } from '../../activities/heartbeats.ts';

function fakeContext(resumed?: unknown) {
  const sent: unknown[] = [];
  const context = { info: { heartbeatDetails: resumed }, heartbeat: (d: unknown) => sent.push(d) };
  return { context: context as unknown as Context, sent };
}

describe('startHeartbeats', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends each beat, then the last one again every 2 s until stopped', () => {
    const { context, sent } = fakeContext();
    const heartbeats = startHeartbeats<{ cursor: string }>(context);
    vi.advanceTimersByTime(5_000);
    expect(sent).toEqual([]);
    heartbeats.beat({ cursor: 'a' });
    vi.advanceTimersByTime(4_100);
    expect(sent).toEqual([{ cursor: 'a' }, { cursor: 'a' }, { cursor: 'a' }]);
    heartbeats.stop();
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(3);
  });

  it('keeps a retried attempt alive with the details it resumed from, never with nothing', () => {
    const { context, sent } = fakeContext({ cursor: 'resumed' });
    const heartbeats = startHeartbeats<{ cursor: string }>(context);
    vi.advanceTimersByTime(2_100);
    expect(sent).toEqual([{ cursor: 'resumed' }]);
    heartbeats.stop();
  });
});
