// Heartbeats for long activities. The cycle's activities run for minutes, and their heartbeat timeout
// is how long a crashed worker stalls them before Temporal retries elsewhere, so it is kept short. Each
// step of theirs (reading a batch, appending 200 appraisals' opening events) can itself take seconds on
// a busy database: between the activity's own heartbeats, the last details are sent again on a timer,
// so a slow but living worker never times out.
import type { Context } from '@temporalio/activity';

/** Well within the heartbeat timeout the cycle workflow gives its long activities (10 seconds). */
const resendEveryMs = 2_000;

export interface Heartbeats<T> {
  /** Records the details a retry resumes from, and sends them. */
  beat(details: T): void;
  stop(): void;
}

export function startHeartbeats<T>(context: Context): Heartbeats<T> {
  // Until the first beat, the details this attempt resumed from; a fresh attempt has none to send
  // until its first beat (the launch's first batch is small so that it comes soon).
  let last: unknown = context.info.heartbeatDetails;
  const timer = setInterval(() => {
    if (last !== undefined) context.heartbeat(last);
  }, resendEveryMs);
  timer.unref();
  return {
    beat(details) {
      last = details;
      context.heartbeat(details);
    },
    stop: () => clearInterval(timer),
  };
}
