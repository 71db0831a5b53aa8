// The live feed as Server-Sent Events, for the API's /me/events and the web inbox alike: everything after
// the given position first (a reconnect with Last-Event-ID misses nothing), then each notification as it
// commits. It sleeps until the listener says one for this person committed, or polls (a late commit may
// have been held back by the feed's snapshot rule).
import type { SSEStreamingApi } from 'hono/streaming';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database.ts';
import { parsePosition, readFeed } from './feed.ts';
import type { NotificationListener } from './listener.ts';

const pollMs = 2_000;

export function liveFeed(
  db: Kysely<Database>,
  listener: NotificationListener | undefined,
  who: { org: string; nip: string; hr: boolean },
  lastEventId: string | undefined,
): (stream: SSEStreamingApi) => Promise<void> {
  let position = parsePosition(lastEventId);
  return async (stream) => {
    let wake: (() => void) | undefined;
    const unsubscribe = listener?.subscribe((p) => {
      if (p.reconnected || (p.org === who.org && (p.nip === who.nip || (who.hr && p.role === 'hr'))))
        wake?.();
    });
    stream.onAbort(() => {
      unsubscribe?.();
      wake?.();
    });
    await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
    while (!stream.aborted) {
      const page = await readFeed(db, who, position);
      for (const item of page.items)
        await stream.writeSSE({ id: item.id, event: 'notification', data: JSON.stringify(item) });
      position = page.position;
      if (page.items.length > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
}
