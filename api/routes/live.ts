// Live push to open browsers: Server-Sent Events of my notifications. A client that reconnects with
// Last-Event-ID gets everything after that event first, so it misses nothing.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { parsePosition, readFeed } from '../../notifications/feed.ts';
import type { ApiEnv } from '../context.ts';

const pollMs = 2_000;

export const liveRoutes = new Hono<ApiEnv>().get('/v1/orgs/:org/me/events', (c) => {
  const { db, listener } = c.get('deps');
  const me = c.get('principal');
  const who = { org: me.org, nip: me.nip, hr: me.roles.includes('hr') };
  let position = parsePosition(c.req.header('last-event-id') ?? c.req.query('lastEventId'));
  return streamSSE(c, async (stream) => {
    let wake: (() => void) | undefined;
    const unsubscribe = listener?.subscribe((p) => {
      if (p.org === who.org && (p.nip === who.nip || (who.hr && p.role === 'hr'))) wake?.();
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
      // Sleep until a notification for me commits, or poll (a late commit may have been held back).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  });
});
